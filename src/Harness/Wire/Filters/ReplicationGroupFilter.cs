namespace Harness.Wire.Filters;

/// <summary>The filter of <c>QueryReplicationGroupInfo</c>.</summary>
internal sealed class ReplicationGroupFilter : DataObject
{
    /// <summary>The groups (null or empty: InvalidArgument).</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }
}
