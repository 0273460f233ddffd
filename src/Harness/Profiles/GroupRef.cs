namespace Harness.Profiles;

/// <summary>A replication group the suite may change, named by its fault domain and device group. Equal by value.</summary>
/// <param name="FaultDomainId">The fault domain id, e.g. <c>fd-A</c>.</param>
/// <param name="DeviceGroupId">The device (replication) group id within that fault domain, e.g. <c>rg-1</c>.</param>
internal sealed record GroupRef(string FaultDomainId, string DeviceGroupId)
{
    /// <summary>The reference of a simulated group.</summary>
    public static GroupRef From(Simulator.SimulatedGroup group) => new(group.FaultDomainId, group.DeviceGroupId);

    /// <summary>The wire id.</summary>
    public Wire.ReplicationGroupId ToWire() => Wire.ReplicationGroupId.Of(this.FaultDomainId, this.DeviceGroupId);

    /// <summary>Returns <c>faultDomainId/deviceGroupId</c>, e.g. <c>fd-A/rg-1</c>.</summary>
    public override string ToString() => $"{this.FaultDomainId}/{this.DeviceGroupId}";
}
