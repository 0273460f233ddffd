using Harness.Wire.PointInTime;

namespace Harness.Wire.Results;

/// <summary>A synchronised group, with the point-in-time replica the sync created.</summary>
internal sealed class SyncReplicationGroupSuccessResult : GroupOperationResult
{
    /// <summary>When it was synchronised (required).</summary>
    public DateTimeOffset? TimeStamp { get; set; }

    /// <summary>The replica created; unset if the provider keeps none.</summary>
    public PointInTimeReplicaId? PitId { get; set; }

    /// <summary>The replica's name.</summary>
    public string? PitName { get; set; }
}
