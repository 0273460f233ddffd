namespace Harness.Simulator;

/// <summary>One replication group in the simulated provider's model.</summary>
public sealed record SimulatedGroup(string FaultDomainId, string DeviceGroupId, string State)
{
    /// <summary>"faultDomain/deviceGroup".</summary>
    public string Key => $"{this.FaultDomainId}/{this.DeviceGroupId}";

    /// <summary>The site holding the group in a two-site world (<see cref="SimulatedPairs.SiteA"/> or <see cref="SimulatedPairs.SiteB"/>); null in a one-site world, where the one provider holds every group.</summary>
    public string? Site { get; init; }

    /// <summary>
    /// The key of its twin at the other site: the target of a SOURCE group, the source of any other. Null when the
    /// peer is not modelled (the one-site world, which names an implied source <c>{faultDomain}-peer</c>).
    /// </summary>
    public string? Peer { get; init; }

    /// <summary>
    /// Its name (SourceGroupInfo.name, TargetGroupInfo.name since 8.0.2): the device group id it was created with, kept
    /// when a reversal gives the group a new id, so a run can find a lab group again by fault domain and name.
    /// </summary>
    public string Name
    {
        get => this.name ?? this.DeviceGroupId;
        init => this.name = value;
    }

    private readonly string? name;
}
