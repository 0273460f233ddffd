using Harness.Wire;

namespace Conformance.Restore;

/// <summary>One group of a replication pair as read at one moment: its id, its state, its name, and the allowlist entry it descends from.</summary>
/// <param name="FaultDomainId">Its fault domain id.</param>
/// <param name="DeviceGroupId">Its device group id at that moment (a reversal may change it).</param>
/// <param name="State">Its ReplicationState; null when the provider did not know it.</param>
/// <param name="Name">SourceGroupInfo.name / TargetGroupInfo.name (since 8.0.2), when reported: how a group is found again after its id changed.</param>
/// <param name="Origin">The key of the profile's allowlist entry it was found through (its own key when it is not allowlisted).</param>
internal sealed record GroupSnapshot(string FaultDomainId, string DeviceGroupId, string? State, string? Name, string Origin)
{
    /// <summary>The wire id.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReplicationGroupId Id => ReplicationGroupId.Of(this.FaultDomainId, this.DeviceGroupId);

    /// <summary><c>faultDomain/deviceGroup</c>.</summary>
    public string Key => $"{this.FaultDomainId}/{this.DeviceGroupId}";

    /// <summary>The snapshot of <paramref name="id"/> in <paramref name="state"/>.</summary>
    public static GroupSnapshot Of(ReplicationGroupId id, string? state, string? name, string origin) =>
        new(id.FaultDomainId?.Id ?? string.Empty, id.DeviceGroupId?.Id ?? string.Empty, state, name, origin);

    /// <summary><c>fd-B/rg-1 TARGET</c>.</summary>
    public override string ToString() => $"{this.Key} {this.State ?? "(absent)"}";
}
