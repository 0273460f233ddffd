using Harness.Wire.Devices;

namespace Harness.Wire.Groups;

/// <summary>A source device's replica in one target fault domain.</summary>
internal sealed class TargetDeviceId : DataObject
{
    /// <summary>The target fault domain (required).</summary>
    public FaultDomainId? DomainId { get; set; }

    /// <summary>The replica there (required).</summary>
    public ReplicaId? DeviceId { get; set; }
}
