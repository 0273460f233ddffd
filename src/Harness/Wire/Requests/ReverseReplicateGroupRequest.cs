namespace Harness.Wire.Requests;

/// <summary>The body of <c>ReverseReplicateGroup_Task</c>.</summary>
internal sealed class ReverseReplicateGroupRequest
{
    /// <summary>The groups (currently FAILEDOVER) to reverse.</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }
}
