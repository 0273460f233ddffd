using Harness.Wire.PointInTime;

namespace Harness.Wire.Results;

/// <summary>A group's point-in-time replicas, in detail.</summary>
internal sealed class QueryPointInTimeReplicaSuccessResult : GroupOperationResult
{
    /// <summary>The replicas.</summary>
    public List<PointInTimeReplicaInfo>? ReplicaInfo { get; set; }
}
