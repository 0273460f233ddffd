using Harness.Wire.PointInTime;

namespace Harness.Wire.Params;

/// <summary>A group to fail over, and from which point-in-time replica.</summary>
internal sealed class ReplicationGroupData : DataObject
{
    /// <summary>The group (required).</summary>
    public ReplicationGroupId? GroupId { get; set; }

    /// <summary>The replica; unset means the latest.</summary>
    public PointInTimeReplicaId? PitId { get; set; }
}
