namespace Harness.Wire.Groups;

/// <summary>The source of a target group.</summary>
internal sealed class TargetToSourceInfo : DataObject
{
    /// <summary>The source group.</summary>
    public ReplicationGroupId? SourceGroupId { get; set; }

    /// <summary>Free text.</summary>
    public string? ReplicationAgreementDescription { get; set; }
}
