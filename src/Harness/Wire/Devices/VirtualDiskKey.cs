namespace Harness.Wire.Devices;

/// <summary>A virtual disk by its virtual machine and device key.</summary>
internal sealed class VirtualDiskKey : DeviceId
{
    /// <summary>The virtual machine's instance UUID (required).</summary>
    public string? VmInstanceUUID { get; set; }

    /// <summary>The disk's device key (required).</summary>
    public int? DeviceKey { get; set; }
}
