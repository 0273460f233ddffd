namespace Harness.Wire.Params;

/// <summary>The parameter of <c>FailoverReplicationGroup_Task</c> (and, as <see cref="TestFailoverParam"/>, of test failover).</summary>
internal class FailoverParam : DataObject
{
    /// <summary>Whether the failover is planned; when false the recovery provider must not contact the primary (required).</summary>
    public bool IsPlanned { get; set; }

    /// <summary>Whether only to check, changing nothing (required).</summary>
    public bool CheckOnly { get; set; }

    /// <summary>The groups, each with the point-in-time replica to recover (unset: the latest).</summary>
    public List<ReplicationGroupData>? ReplicationGroupsToFailover { get; set; }

    /// <summary>Policies to associate with the recovered devices.</summary>
    public List<PolicyAssociation>? PolicyAssociations { get; set; }
}
