namespace Harness.Wire.Groups;

/// <summary>The base of a group's information: SourceGroupInfo or TargetGroupInfo.</summary>
internal abstract class GroupInfo : DataObject
{
    /// <summary>The group.</summary>
    public ReplicationGroupId? GroupId { get; set; }

    /// <summary>The replication state at this site; null for an unrecognised info type.</summary>
    public abstract string? CurrentState { get; }
}
