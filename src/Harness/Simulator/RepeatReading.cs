namespace Harness.Simulator;

/// <summary>
/// What the simulator answers to reversing a group that was already reversed (by its old or its new id, later or from
/// a concurrent task). Inferred, not confirmed (reference §8, §6.3), so each plausible reading is a setting; both are
/// faithful, and neither reverses a group twice.
/// </summary>
public enum RepeatReading
{
    /// <summary>A success naming the existing new group, with an AlreadyDone warning (the default).</summary>
    AlreadyDone,

    /// <summary>
    /// A refusal, as for any other group, by the <see cref="PerGroupErrorReading"/>: the new group is SOURCE
    /// (InvalidReplicationState), the old id names no group any more (NotFound per group, InvalidArgument for a call).
    /// </summary>
    Refused,
}
