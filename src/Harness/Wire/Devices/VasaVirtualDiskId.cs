namespace Harness.Wire.Devices;

/// <summary>A virtual disk by its disk id (VMODL <c>sms.storage.replication.VirtualDiskId</c>).</summary>
internal sealed class VasaVirtualDiskId : DeviceId
{
    /// <summary>The disk id (required).</summary>
    public string? DiskId { get; set; }
}
