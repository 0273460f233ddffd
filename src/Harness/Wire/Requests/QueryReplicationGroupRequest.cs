namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryReplicationGroup</c>; null or empty means all groups.</summary>
internal sealed class QueryReplicationGroupRequest
{
    /// <summary>The groups to query.</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }
}
