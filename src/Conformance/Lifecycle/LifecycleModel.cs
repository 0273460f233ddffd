using System.Collections.Immutable;
using Conformance.Operations;
using Harness.Wire;

namespace Conformance.Lifecycle;

/// <summary>
/// The replication lifecycle as a pure model, driven by the operations' own transitions
/// (<see cref="OperationDescription.Transition"/>, replication-lifecycle.md §2): no second table. It holds every pair's
/// groups and the states each may be in, predicts each command (success, or which refusal), applies its outcome, and
/// compares the provider's states with what it allows. Where a transition is unconfirmed (several states, or none
/// listed) the model keeps every allowed state until it observes one, then pins that reading for the rest of the
/// sequence: a provider must stay consistent with itself.
/// </summary>
/// <param name="Pairs">The pairs, by index.</param>
internal sealed record LifecycleModel(ImmutableArray<LifecyclePair> Pairs)
{
    /// <summary>The unconfirmed readings pinned so far: reading key (<see cref="ReadingKey"/>) → the state observed.</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>After a reversal: the twin whose sourceInfo must name the new source group at the next reading (T10).</summary>
    public (int Pair, LifecycleSite Site, ReplicationGroupId Source)? ExpectedLink { get; init; }

    /// <summary>The slot of a transition for the called group after a success.</summary>
    public const string GroupAfter = "the group after";

    /// <summary>The slot of a transition for the twin after a success (from a state the transition charts).</summary>
    public const string TwinAfter = "the twin after";

    /// <summary>The slot of a transition that a preparing operation may be needed for (T6): pinned to <c>refused</c> or <c>allowed</c> by the first call on a pair not prepared.</summary>
    public const string Unprepared = "a pair not prepared";

    /// <summary>The reading of <see cref="Unprepared"/> under which such a call is refused.</summary>
    public const string Refused = "refused";

    /// <summary>The reading of <see cref="Unprepared"/> under which such a call succeeds.</summary>
    public const string Allowed = "allowed";

    /// <summary>The key of one unconfirmed slot of an operation's transition, e.g. <c>Failover: the twin after</c>.</summary>
    public static string ReadingKey(OperationDescription operation, string slot) => $"{LifecycleCommand.ShortName(operation)}: {slot}";

    /// <summary>The model of <paramref name="pairs"/>, each side in the state it was read in.</summary>
    public static LifecycleModel Start(IEnumerable<LifecyclePair> pairs) => new([.. pairs]);

    /// <summary>The group a command is about (whatever its variant), or null when the pair has none at that site.</summary>
    public LifecycleSide? SideOf(LifecycleCommand c) => c.Pair >= 0 && c.Pair < this.Pairs.Length ? this.Pairs[c.Pair].At(c.Site) : null;

    /// <summary>The id a command sends: the group's current id or, for <see cref="LifecycleVariant.PreviousId"/>, its id before the last reversal; null when it cannot be sent.</summary>
    public ReplicationGroupId? IdOf(LifecycleCommand c) => this.SideOf(c) is { Changeable: true } side
        ? c.Variant == LifecycleVariant.Current ? side.Id : side.Previous
        : null;

    /// <summary>The name of the group a command names, for scripts (<c>rg-fo-1-b′</c>, or the old name for <see cref="LifecycleVariant.PreviousId"/>).</summary>
    public string AliasOf(LifecycleCommand c) => this.SideOf(c) is not { } side ? "(no group)"
        : c.Variant == LifecycleVariant.Current ? side.Alias : side.PreviousAlias + " (old id)";

    /// <summary>
    /// What the command does, by its transition: success in the precondition (with the twin where the transition
    /// starts); InvalidFunctionTarget at the wrong site; InvalidReplicationState in a wrong state; an AlreadyDone
    /// warning also accepted for a repeat where the transition refuses repeats; a refusal of an old id.
    /// </summary>
    public LifecyclePrediction Predict(LifecycleCommand c)
    {
        var side = this.SideOf(c);
        var label = LifecycleCommand.Label(c.Site);
        if (side is null || !side.Changeable)
        {
            return new(LifecyclePredictionKind.Skipped, side is null ? $"the pair has no group at {label}" : $"{side.Alias} is not allowlisted at {label}");
        }

        var t = c.Transition;
        var operation = c.Operation.Name;
        if (c.Variant == LifecycleVariant.PreviousId)
        {
            return side.Previous is null
                ? new(LifecyclePredictionKind.Skipped, $"{side.Alias} was never reversed, so it has no old id")
                : new(LifecyclePredictionKind.Refused, $"{side.PreviousAlias} is an old id, retired by a reversal (REV-IDEM-1)")
                {
                    Category = "old id",
                    Faults = ["NotFound", "InvalidArgument", "SmsReplicationFault"],
                    AlreadyDone = t.RefusesRepeat && side.PreviousDone.Contains(operation),
                };
        }

        var state = side.Current;
        if (state is null)
        {
            return new(LifecyclePredictionKind.Either, $"the state of {side.Alias} is not known") { Uncharted = $"{c.Short} of a group in an unknown state" };
        }

        // A repeat: the operation already succeeded on this id, or the group is where the operation leaves a group
        // (the wrong site excepted: a SOURCE group at A was not failed over by auto-reversal).
        var repeat = t.RefusesRepeat && (side.Done.Contains(operation) || (state != c.Operation.Precondition && state != t.WrongSite && t.After.Contains(state, StringComparer.Ordinal)));
        if (state == c.Operation.Precondition)
        {
            if (c.Operation == VasaProviderOperations.Promote && side.PromoteCapable == false)
            {
                return new(LifecyclePredictionKind.Refused, $"{side.Alias} is not promote-capable (PRO-CAP-1: a fault, which one is unconfirmed)") { Category = "not capable" };
            }

            var twin = this.Pairs[c.Pair].At(Other(c.Site));
            if (twin?.Current is { } twinState && !Charts(t, twinState))
            {
                return new(LifecyclePredictionKind.Either, $"{side.Alias} is {state}, but its twin {twin.Alias} is {twinState}, neither {t.PeerBefore} nor where {c.Short} leaves a twin: the reference does not chart this")
                {
                    Uncharted = $"{c.Short} of a {state} group whose twin is {twinState}",
                };
            }

            if (t.PreparedBy is { } preparer && twin?.Prepared != true)
            {
                // T6: whether the call needs the pair prepared first is unconfirmed; the first such call pins the reading.
                var key = ReadingKey(c.Operation, Unprepared);
                var what = $"{side.Alias}'s pair was not prepared ({(VasaProviderOperations.Named(preparer) is { } p ? LifecycleCommand.ShortName(p) : preparer)} at the other site)";
                return this.Readings.GetValueOrDefault(key) switch
                {
                    Refused => new(LifecyclePredictionKind.Refused, $"{what}, and this provider refuses such a call") { Faults = [InvalidReplicationState], Category = "not prepared" },
                    Allowed => new(LifecyclePredictionKind.Succeeds, $"{side.Alias} is {state} ({what}, which this provider allows)"),
                    _ => new(LifecyclePredictionKind.Either, $"{side.Alias} is {state}, but {what}: whether {c.Short} needs it is unconfirmed (T6)")
                    {
                        Faults = [InvalidReplicationState],
                        PinsOutcome = key,
                    },
                };
            }

            return new(LifecyclePredictionKind.Succeeds, $"{side.Alias} is {state}");
        }

        if (state == t.WrongSite)
        {
            // SITE-1: InvalidFunctionTarget; InvalidReplicationState is accepted as a reading (and noted).
            return new(LifecyclePredictionKind.Refused, $"{side.Alias} is {state}: the wrong site for {c.Short}")
            {
                Faults = [InvalidFunctionTarget, InvalidReplicationState],
                Expected = repeat ? null : InvalidFunctionTarget,
                Category = "wrong site",
                AlreadyDone = repeat,
            };
        }

        if (t.WrongStates.Contains(state, StringComparer.Ordinal) || repeat)
        {
            return new(LifecyclePredictionKind.Refused, $"{side.Alias} is {state}, not {c.Operation.Precondition}{(repeat ? $" ({c.Short} again)" : string.Empty)}")
            {
                Faults = [InvalidReplicationState],
                AlreadyDone = repeat,
                Category = repeat ? "repeat" : "wrong state",
            };
        }

        // A state the transition does not list (e.g. REMOTE_FAILEDOVER): refused, as a wrong state or as the wrong site.
        return new(LifecyclePredictionKind.Refused, $"{side.Alias} is {state}, a state {c.Short}'s transition does not list")
        {
            Faults = [InvalidReplicationState, InvalidFunctionTarget],
            Category = "wrong state",
        };
    }

    /// <summary>
    /// The model after the command fared as <paramref name="outcome"/>: a success moves the group to the transition's
    /// states afterwards (renamed to <paramref name="newGroupId"/> for a reversal) and its twin to the transition's
    /// twin states; anything else changes nothing.
    /// </summary>
    public LifecycleModel Apply(LifecycleCommand c, LifecycleOutcome outcome, string? newGroupId = null)
    {
        var side = this.SideOf(c);
        var model = this.Predict(c).PinsOutcome is { } key && outcome != LifecycleOutcome.AlreadyDone
            ? this with { Readings = this.Readings.SetItem(key, outcome == LifecycleOutcome.Refused ? Refused : Allowed) }
            : this;
        if (outcome != LifecycleOutcome.Succeeded || side is null || c.Variant != LifecycleVariant.Current)
        {
            return model;
        }

        var t = c.Transition;
        var operation = c.Operation.Name;
        var (states, pending) = model.Slot(ReadingKey(c.Operation, GroupAfter), t.After);
        var moved = side with { States = states, Pending = pending, Done = side.Done.Add(operation), Prepared = side.Prepared || LifecycleOperations.Prepares(c.Operation) };
        (int, LifecycleSite, ReplicationGroupId)? link = null;
        if (c.Operation.NewGroupId is not null && newGroupId is { Length: > 0 })
        {
            var renamed = ReplicationGroupId.Of(side.Id.FaultDomainId?.Id ?? string.Empty, newGroupId);
            moved = moved with { Id = renamed, Previous = side.Id, Renames = side.Renames + 1, PreviousDone = moved.Done, Done = [operation], Prepared = false };
            link = (c.Pair, Other(c.Site), renamed);
        }

        var pair = this.Pairs[c.Pair].With(c.Site, moved);
        if (pair.At(Other(c.Site)) is { } twin)
        {
            var (twinStates, twinPending) = twin.Current is null || Charts(t, twin.Current)
                ? model.Slot(ReadingKey(c.Operation, TwinAfter), t.PeerAfter)
                : model.Slot(ReadingKey(c.Operation, $"{TwinAfter}, from {twin.Current}"), []);
            pair = pair.With(Other(c.Site), twin with { States = twinStates, Pending = twinPending, Prepared = twin.Prepared && t.PreparedBy is null });
        }
        else
        {
            link = null;
        }

        return model with { Pairs = model.Pairs.SetItem(c.Pair, pair), ExpectedLink = link };
    }

    /// <summary>
    /// Compares what the provider said of each observed group (<paramref name="readings"/>, by pair and site; a group
    /// not read is not judged) with the states the model allows, pins each unconfirmed reading to what it saw, and
    /// returns the model so narrowed with every difference.
    /// </summary>
    public (LifecycleModel Model, IReadOnlyList<LifecycleMismatch> Mismatches) Observe(IReadOnlyDictionary<(int Pair, LifecycleSite Site), LifecycleReading> readings)
    {
        var mismatches = new List<LifecycleMismatch>();
        var pairs = this.Pairs.ToBuilder();
        var pinned = this.Readings.ToBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            foreach (var site in Sites)
            {
                if (pairs[i].At(site) is not { } side || !readings.TryGetValue((i, site), out var reading))
                {
                    continue;
                }

                if (reading.State is null || !side.Allows(reading.State))
                {
                    mismatches.Add(new(site, side.Alias, side.DescribeStates(), reading.State ?? "(no such group)"));
                    continue;
                }

                if (side.Pending is { } key)
                {
                    pinned.TryAdd(key, reading.State);
                }

                pairs[i] = pairs[i].With(site, side with { States = [reading.State], Pending = null, PromoteCapable = reading.PromoteCapable ?? side.PromoteCapable });
            }
        }

        if (this.ExpectedLink is var (linkPair, linkSite, source) && readings.TryGetValue((linkPair, linkSite), out var linked)
            && linked.SourceGroupId is { } says && says.Key != source.Key && pairs[linkPair].At(linkSite) is { } twin)
        {
            mismatches.Add(new(linkSite, twin.Alias, $"sourceInfo naming the new source {source}", $"sourceInfo naming {says}"));
        }

        return (this with { Pairs = pairs.ToImmutable(), Readings = pinned.ToImmutable(), ExpectedLink = null }, mismatches);
    }

    /// <summary>
    /// For the generator, which cannot observe: settles every group with several allowed states on the first (the
    /// confirmed reading), and every open one on the state it had in <paramref name="before"/>.
    /// </summary>
    public LifecycleModel Settle(LifecycleModel before)
    {
        var pairs = this.Pairs.ToBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            foreach (var site in Sites)
            {
                if (pairs[i].At(site) is { } side && side.Current is null)
                {
                    var guess = side.States is { Count: > 0 } states ? states[0] : before.Pairs[i].At(site)?.Current;
                    pairs[i] = pairs[i].With(site, side with { States = guess is null ? null : [guess], Pending = null });
                }
            }
        }

        return this with { Pairs = pairs.ToImmutable(), ExpectedLink = null };
    }

    /// <summary>
    /// Whether the transition charts a twin in <paramref name="twinState"/>: the state it starts from, or one it leaves a
    /// twin in (a twin already there stays; T10's twin before a reversal is any state the failover left it in, T8).
    /// </summary>
    public static bool Charts(LifecycleTransition t, string twinState) => twinState == t.PeerBefore || t.AllowsPeer(twinState);

    /// <summary>The other site of a pair.</summary>
    public static LifecycleSite Other(LifecycleSite site) => site == LifecycleSite.Tested ? LifecycleSite.Peer : LifecycleSite.Tested;

    /// <summary>Both sites, the one under test first.</summary>
    public static IReadOnlyList<LifecycleSite> Sites { get; } = [LifecycleSite.Tested, LifecycleSite.Peer];

    /// <summary>The states a transition slot allows: the pinned reading, else the listed states (several: pending their first reading; none: any state, pending).</summary>
    private (IReadOnlyList<string>? States, string? Pending) Slot(string key, IReadOnlyList<string> listed) =>
        this.Readings.TryGetValue(key, out var pinned) ? ([pinned], null)
        : listed.Count == 0 ? (null, key)
        : listed.Count == 1 ? ([listed[0]], null)
        : (listed, key);

    /// <summary>The wire name of the fault for a call at the wrong end of the pair.</summary>
    private const string InvalidFunctionTarget = "InvalidFunctionTarget";

    /// <summary>The wire name of the fault for a group in the wrong state.</summary>
    private const string InvalidReplicationState = "InvalidReplicationState";
}
