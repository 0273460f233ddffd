using Harness.Wire.PointInTime;

namespace Harness.Wire.Results;

/// <summary>A group's point-in-time replicas, counted per interval.</summary>
internal sealed class QueryPointInTimeReplicaSummaryResult : GroupOperationResult
{
    /// <summary>The intervals (in no particular order).</summary>
    public List<ReplicaIntervalQueryResult>? IntervalResults { get; set; }
}
