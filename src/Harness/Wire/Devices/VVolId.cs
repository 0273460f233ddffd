namespace Harness.Wire.Devices;

/// <summary>A virtual volume.</summary>
internal sealed class VVolId : DeviceId
{
    /// <summary>The vVol id (required).</summary>
    public string? Id { get; set; }
}
