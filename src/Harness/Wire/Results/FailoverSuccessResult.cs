namespace Harness.Wire.Results;

/// <summary>A failed-over group (returned by FailoverReplicationGroup_Task, never by Reverse).</summary>
internal sealed class FailoverSuccessResult : GroupOperationResult
{
    /// <summary>SOURCE if the replicator reverses on failover, otherwise FAILEDOVER (required).</summary>
    public string? NewState { get; set; }

    /// <summary>When the failover happened.</summary>
    public DateTimeOffset? TimeStamp { get; set; }
}
