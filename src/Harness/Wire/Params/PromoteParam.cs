namespace Harness.Wire.Params;

/// <summary>The parameter of <c>PromoteReplicationGroup_Task</c>.</summary>
internal sealed class PromoteParam : DataObject
{
    /// <summary>Whether the promotion is planned (required).</summary>
    public bool IsPlanned { get; set; }

    /// <summary>The groups (INTEST) to promote.</summary>
    public List<ReplicationGroupId>? ReplicationGroupsToPromote { get; set; }
}
