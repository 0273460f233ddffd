using Harness.Wire.PointInTime;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryPointInTimeReplica</c>.</summary>
internal sealed class QueryPointInTimeReplicaRequest
{
    /// <summary>The target groups (null or empty: InvalidArgument).</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }

    /// <summary>What to return.</summary>
    public QueryPointInTimeReplicaParam? QueryParam { get; set; }
}
