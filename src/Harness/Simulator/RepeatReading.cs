namespace Harness.Simulator;

/// <summary>
/// What the simulator answers to a transition already made: reversing a group that was already reversed (by its old
/// or its new id, later or from a concurrent task), failing over a FAILEDOVER group, starting a test failover of an
/// INTEST group, stopping the test failover of a TARGET group. Inferred, not confirmed (reference §8, §6.3;
/// replication-lifecycle.md §4 FO-STATE-1, TFS-STATE-1, TFX-STATE-1), so each plausible reading is a setting; both are
/// faithful, and neither makes a transition twice.
/// </summary>
public enum RepeatReading
{
    /// <summary>A success with an AlreadyDone warning, nothing changed (the default); a repeated Reverse names the existing new group.</summary>
    AlreadyDone,

    /// <summary>
    /// A refusal, as for any other group, by the <see cref="PerGroupErrorReading"/>: InvalidReplicationState for a group
    /// already in the state the transition makes (a reversed group is SOURCE); for Reverse, the old id names no group
    /// any more (NotFound per group, InvalidArgument for a call).
    /// </summary>
    Refused,
}
