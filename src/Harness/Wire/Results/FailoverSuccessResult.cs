using Harness.Wire.PointInTime;

namespace Harness.Wire.Results;

/// <summary>A failed-over group (returned by FailoverReplicationGroup_Task, never by Reverse).</summary>
internal sealed class FailoverSuccessResult : GroupOperationResult
{
    /// <summary>SOURCE if the replicator reverses on failover, otherwise FAILEDOVER (required).</summary>
    public string? NewState { get; set; }

    /// <summary>The point-in-time replica recovered; unset means the latest.</summary>
    public PointInTimeReplicaId? PitId { get; set; }

    /// <summary>A replica taken just before the failover (may be removed once reversed).</summary>
    public PointInTimeReplicaId? PitIdBeforeFailover { get; set; }

    /// <summary>The devices recovered.</summary>
    public List<RecoveredDevice>? RecoveredDeviceInfo { get; set; }

    /// <summary>When the failover happened.</summary>
    public DateTimeOffset? TimeStamp { get; set; }
}
