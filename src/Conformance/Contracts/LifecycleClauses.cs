using Conformance.Checks;
using Conformance.Operations;

namespace Conformance.Contracts;

/// <summary>
/// The lifecycle clauses of a state-changing operation, written once from its description's
/// <see cref="LifecycleTransition"/>: the wrong end, the wrong state, the state afterwards on both sites, a repeat, and
/// two concurrent calls. Ids are <c>{prefix}-SITE-1</c>… (replication-lifecycle.md §4).
/// </summary>
internal sealed record LifecycleClauses
{
    /// <summary>A group at the wrong end of the pair is refused with InvalidFunctionTarget, and nothing changes.</summary>
    public required Clause WrongSite { get; init; }

    /// <summary>A group in a wrong state is refused with InvalidReplicationState (currentState, desiredState), and nothing changes.</summary>
    public required Clause WrongState { get; init; }

    /// <summary>Afterwards the group reads as the transition leaves it; null when the reference leaves that state open.</summary>
    public Clause? After { get; init; }

    /// <summary>Afterwards the group's twin at the other site reads as the transition leaves it (two sites).</summary>
    public required Clause PeerAfter { get; init; }

    /// <summary>Asking again gives AlreadyDone (a warning) or a refusal, never a second transition; null when a repeat is an ordinary call.</summary>
    public Clause? Repeat { get; init; }

    /// <summary>Two concurrent calls on one group move it once.</summary>
    public required Clause Concurrent { get; init; }

    /// <summary>Every clause, in report order.</summary>
    public IReadOnlyList<Clause> All => new[] { this.WrongSite, this.WrongState, this.After, this.PeerAfter, this.Repeat, this.Concurrent }.OfType<Clause>().ToList();

    /// <summary>The lifecycle clauses of <paramref name="operation"/> with ids <c>{prefix}-SITE-1</c>…; <paramref name="peerLevel"/> is MUST where the twin's state is confirmed.</summary>
    /// <exception cref="ArgumentException">The operation has no transition.</exception>
    public static LifecycleClauses For(OperationDescription operation, string prefix, ClauseLevel peerLevel = ClauseLevel.Should)
    {
        var t = operation.Transition ?? throw new ArgumentException($"{operation.Name} changes no group state", nameof(operation));
        var states = string.Join(" or ", t.After);
        var peers = string.Join(" or ", t.PeerAfter);
        const string Faults = "VMware's type definitions: InvalidFunctionTarget (the function is called at the wrong end of the replication), InvalidReplicationState {currentState, desiredState}";
        return new()
        {
            WrongSite = new($"{prefix}-SITE-1", ClauseLevel.Must, $"A {t.WrongSite} group is at the wrong end of the pair for {operation.Name}: it is refused with InvalidFunctionTarget (InvalidReplicationState is accepted as a reading and noted), and no group changes state on either site.", "reference §1 (Site), §4 (per method, SITE), [G] fault definitions") { Basis = LevelBasis.VmwareTypes, Why = Faults + "; which of the two a provider raises for the wrong end is inferred, so both are accepted" },
            WrongState = new($"{prefix}-STATE-1", ClauseLevel.Must, $"A group in a state other than {operation.Precondition} ({string.Join(", ", t.WrongStates)}) is refused with InvalidReplicationState, whose currentState (when set) is the group's state and whose desiredState (when set) names {operation.Precondition}; no group changes state on either site.", "reference §2, §4 (per method, STATE), [G] InvalidReplicationState") { Basis = LevelBasis.VmwareTypes, Why = Faults + "; a group not in the required state is refused so" },
            After = t.After.Count == 0 ? null : new($"{prefix}-POST-1", ClauseLevel.Must, $"After a successful {operation.Name}, QueryReplicationGroup at the site called reads each group as {states}{(t.After.Count > 1 ? " (each a reading the checks accept and note)" : string.Empty)}.", $"reference §2 ({t.Transitions}), §4 POST-1") { Basis = LevelBasis.VmwareDocumentation, Why = $"VMware documents the transition ({t.Transitions}) and QueryReplicationGroup as the group's current state" },
            PeerAfter = new($"{prefix}-PEER-1", peerLevel, $"After a successful {operation.Name}, the group's twin at the other site (its replica or its source) reads as {peers}{(t.PeerAfter.Count > 1 ? " (unconfirmed which: each a reading, noted)" : string.Empty)}; needs the peer site.", $"reference §2 ({t.Transitions}{(t.Unconfirmed is null ? string.Empty : "; unconfirmed: " + t.Unconfirmed)}), §4 POST-1, §5") { Basis = peerLevel == ClauseLevel.Must ? LevelBasis.VmwareDocumentation : LevelBasis.Inferred, Why = peerLevel == ClauseLevel.Must ? "VMware documents the twin's state after the transition" : $"the twin's state after {operation.Name} is inferred or unconfirmed ({t.Transitions}); every plausible state is accepted" },
            Repeat = t.RefusesRepeat ? new($"{prefix}-IDEM-1", ClauseLevel.Should, $"Asking again for a group {operation.Name} already moved gives an AlreadyDone warning or a refusal (InvalidReplicationState), never an error carrying AlreadyDone and never a second transition: the group still reads as {states}.", "reference §1 notes (AlreadyDone is always a warning), §4 (IDEM)") { Basis = LevelBasis.Inferred, Why = "the outcome of a repeat is inferred from the fault definitions (AlreadyDone, InvalidReplicationState); both are accepted" } : null,
            Concurrent = new($"{prefix}-CONC-1", ClauseLevel.Should, $"Two concurrent {operation.Name} calls on one {operation.Precondition} group move it once: at least one succeeds, the other succeeds (with AlreadyDone or not) or is refused, and the group reads as {(t.After.Count == 0 ? "one state" : states)} afterwards.", "reference §4 (inferred)") { Basis = LevelBasis.Inferred, Why = "that two concurrent calls on one group move it once is inferred" },
        };
    }
}
