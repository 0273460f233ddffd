using Harness.Wire;

namespace Conformance.Lifecycle;

/// <summary>What QueryReplicationGroup says of one group after a command.</summary>
/// <param name="State">Its ReplicationState; null when the provider does not know the group.</param>
internal sealed record LifecycleReading(string? State)
{
    /// <summary>TargetGroupInfo.isPromoteCapable; null for a SourceGroupInfo or when not reported.</summary>
    public bool? PromoteCapable { get; init; }

    /// <summary>TargetGroupInfo.sourceInfo.sourceGroupId: the source the group says it replicates from.</summary>
    public ReplicationGroupId? SourceGroupId { get; init; }

    /// <summary>A group the provider does not know.</summary>
    public static LifecycleReading Absent { get; } = new((string?)null);
}
