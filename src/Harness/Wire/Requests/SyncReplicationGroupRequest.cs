namespace Harness.Wire.Requests;

/// <summary>The body of <c>SyncReplicationGroup_Task</c>.</summary>
internal sealed class SyncReplicationGroupRequest
{
    /// <summary>The target groups to synchronise.</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }

    /// <summary>The name of the point-in-time replica to create (required).</summary>
    public string? PitName { get; set; }
}
