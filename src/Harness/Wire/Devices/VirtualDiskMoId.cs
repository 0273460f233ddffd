namespace Harness.Wire.Devices;

/// <summary>A virtual disk by its virtual machine's moId and disk key.</summary>
internal sealed class VirtualDiskMoId : DeviceId
{
    /// <summary>The vCenter's UUID.</summary>
    public string? VcUuid { get; set; }

    /// <summary>The virtual machine's moId (required).</summary>
    public string? VmMoid { get; set; }

    /// <summary>The disk key (required).</summary>
    public string? DiskKey { get; set; }
}
