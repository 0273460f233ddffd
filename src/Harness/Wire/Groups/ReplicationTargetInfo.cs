namespace Harness.Wire.Groups;

/// <summary>One replication target of a source group.</summary>
internal sealed class ReplicationTargetInfo : DataObject
{
    /// <summary>The target group.</summary>
    public ReplicationGroupId? TargetGroupId { get; set; }

    /// <summary>Free text.</summary>
    public string? ReplicationAgreementDescription { get; set; }
}
