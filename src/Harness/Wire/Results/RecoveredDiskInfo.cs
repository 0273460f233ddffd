namespace Harness.Wire.Results;

/// <summary>One disk of a recovered virtual machine.</summary>
internal sealed class RecoveredDiskInfo : DataObject
{
    /// <summary>The device key (required).</summary>
    public int? DeviceKey { get; set; }

    /// <summary>The datastore URL (required).</summary>
    public string? DsUrl { get; set; }

    /// <summary>The disk's path (required).</summary>
    public string? DiskPath { get; set; }
}
