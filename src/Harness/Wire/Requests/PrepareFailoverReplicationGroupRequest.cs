namespace Harness.Wire.Requests;

/// <summary>The body of <c>PrepareFailoverReplicationGroup_Task</c>.</summary>
internal sealed class PrepareFailoverReplicationGroupRequest
{
    /// <summary>The source groups to prepare.</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }
}
