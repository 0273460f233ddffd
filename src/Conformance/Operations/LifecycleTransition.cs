namespace Conformance.Operations;

/// <summary>
/// What a state-changing operation does to a group and to the group's twin at the other site (replication-lifecycle.md
/// §2, T1–T12), as data the lifecycle checks and the stateful model both read. Where the reference marks a transition
/// unconfirmed, every plausible state is listed and the checks accept each, noting which one they saw.
/// </summary>
internal sealed record LifecycleTransition
{
    /// <summary>The state that marks a group at the wrong end of the pair: calling the operation on it gets InvalidFunctionTarget (SOURCE for the target-side operations).</summary>
    public required string WrongSite { get; init; }

    /// <summary>States, besides <see cref="WrongSite"/> and the precondition, that the operation refuses with InvalidReplicationState (its STATE clause), most telling first.</summary>
    public required IReadOnlyList<string> WrongStates { get; init; }

    /// <summary>The states the called group may be in after a success: the confirmed one first, then the readings of an unconfirmed transition; empty when the reference leaves it wholly open (recorded, not asserted).</summary>
    public required IReadOnlyList<string> After { get; init; }

    /// <summary>The states the group's twin at the other site may be in after a success (every plausible reading).</summary>
    public required IReadOnlyList<string> PeerAfter { get; init; }

    /// <summary>The state the twin is in before (SOURCE for the target-side operations, TARGET for PrepareFailover).</summary>
    public required string PeerBefore { get; init; }

    /// <summary>
    /// Whether a success consumes the group for good at one site (Failover, Promote, Reverse: nothing in the suite brings
    /// it back without the peer), so a one-site run spends it from the profile's budget; false for a call that only
    /// leaves residue (Sync) or that the suite undoes (TestFailoverStart, then Stop).
    /// </summary>
    public bool Irreversible { get; init; }

    /// <summary>Whether asking again for a group the operation already moved gives AlreadyDone (a warning) or InvalidReplicationState, never a second transition (its IDEM clause); false when a repeat is an ordinary call (Sync, PrepareFailover).</summary>
    public bool RefusesRepeat { get; init; }

    /// <summary>
    /// The operation that prepares a pair for this one when called on the twin at the other site (T6: PrepareFailover at
    /// the source before a planned Failover, PFO-POST-1): after it this operation must succeed; without it, whether the
    /// call is refused (InvalidReplicationState) is unconfirmed. Null when nothing prepares for it.
    /// </summary>
    public string? PreparedBy { get; init; }

    /// <summary>The faults the loser of two concurrent calls on one group may be refused with (null: any refusal); Sync's is SyncOngoing.</summary>
    public IReadOnlyList<string>? ConcurrentRefusals { get; init; }

    /// <summary>The transitions of replication-lifecycle.md §2 it implements, e.g. <c>T7, T8</c>; those the reference marks unconfirmed are named in <see cref="Unconfirmed"/>.</summary>
    public required string Transitions { get; init; }

    /// <summary>The unconfirmed transitions among them, e.g. <c>T8 (the source site's state after a failover)</c>; null when all are confirmed or inferred.</summary>
    public string? Unconfirmed { get; init; }

    /// <summary>Whether a success leaves the called group in <paramref name="state"/> by some reading (always, when <see cref="After"/> is open).</summary>
    public bool Allows(string? state) => this.After.Count == 0 || (state is not null && this.After.Contains(state, StringComparer.Ordinal));

    /// <summary>Whether a success leaves the twin in <paramref name="state"/> by some reading.</summary>
    public bool AllowsPeer(string? state) => state is not null && this.PeerAfter.Contains(state, StringComparer.Ordinal);
}
