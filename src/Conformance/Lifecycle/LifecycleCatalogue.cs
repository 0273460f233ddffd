using Conformance.Checks;
using Conformance.Operations;

namespace Conformance.Lifecycle;

/// <summary>
/// The replication lifecycle as a whole (replication-lifecycle.md §2 and §3): the clause that any sequence of
/// lifecycle operations, on either site, leaves both sites as the state machine predicts, and its check, a stateful
/// model-based property (<see cref="LifecycleModelProperty"/>). The state machine is the operations' own data
/// (<see cref="OperationDescription.Transition"/>); the unconfirmed points are derived from it.
/// </summary>
internal static class LifecycleCatalogue
{
    /// <summary>The feature every check of the catalogue belongs to.</summary>
    public const string Feature = "Lifecycle";

    /// <summary>The check's name.</summary>
    public const string ModelCheckName = "Any_sequence_of_lifecycle_operations_leaves_both_sites_as_the_model_predicts";

    /// <summary>LIFE-MODEL-1: the three invariants of the lifecycle model.</summary>
    public static readonly Clause Model = new(
        "LIFE-MODEL-1",
        ClauseLevel.Must,
        "For any sequence of lifecycle operations (Sync, PrepareFailover, Failover, TestFailoverStart, TestFailoverStop, Promote, Reverse) on allowlisted replication pairs, each called at either site and followed by QueryReplicationGroup on both sites: "
        + "(a) both sites read as the state machine predicts (T1–T12; a transition the reference leaves unconfirmed may take any listed reading, but the same one throughout a sequence; a reversal renames the group and points its twin's sourceInfo at the new id); "
        + "(b) a call the state machine forbids is refused with the right fault (InvalidFunctionTarget at the wrong site, where InvalidReplicationState is accepted as a reading as the SITE clauses do; InvalidReplicationState in a wrong state; an AlreadyDone warning instead for a repeat the operation refuses) and changes nothing on either site; "
        + "(c) the results match the requests one to one.",
        "reference §2 (T1–T12), §3 (round trips, failback), §4 (NOCHANGE-1, POST-1, RES-1, the SITE, STATE and IDEM clauses)")
    {
        Basis = LevelBasis.VmwareDocumentation,
        Why = "VMware documents each transition (PowerCLI's replication cmdlets, FailoverSuccessResult, TestFailoverStop's force, ReverseReplicationSuccessResult) and the faults for the wrong end and the wrong state (InvalidFunctionTarget, InvalidReplicationState); where the reference infers a step or leaves it unconfirmed, the model accepts every listed reading",
    };

    /// <summary>Every clause.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [Model];

    private static readonly Lazy<IReadOnlyList<UnconfirmedPoint>> LazyPoints = new(() => LifecycleOperations.All.SelectMany(o => PointsOf(o).Concat(PreparePoint(o))).ToList());

    /// <summary>The unconfirmed transitions the model meets, one point per slot where an operation's transition lists several states afterwards (or none).</summary>
    public static IReadOnlyList<UnconfirmedPoint> Points => LazyPoints.Value;

    /// <summary>Every check.</summary>
    public static IReadOnlyList<Check> Checks { get; } =
    [
        // Two sites are its world (the mutant matrix runs it there); with one it still runs, on that site alone.
        new(ModelCheckName, Model, Feature, LifecycleModelProperty.RunAsync)
        {
            TwoSites = true,
            Exclusive = true,

            // Its sequences may fail over, promote and reverse any allowlisted group: every irreversible operation may take every group left.
            Needs = [.. LifecycleOperations.All.Where(o => o.Transition?.Irreversible == true).Select(o => new GroupNeed(GroupSite.Either, o.Precondition ?? "any", 0, Consumes: true) { Rest = true, Operation = o.Name })],
        },
    ];

    /// <summary>The point and the reading a pinned reading of the model is, or null for a slot the reference does not chart (a twin outside the transition's start).</summary>
    public static (UnconfirmedPoint Point, string Reading)? PointOf(string readingKey, string state)
    {
        foreach (var operation in LifecycleOperations.All)
        {
            var t = operation.Transition!;
            if (readingKey == LifecycleModel.ReadingKey(operation, LifecycleModel.GroupAfter) && Points.FirstOrDefault(p => p.Id == PointId(operation, "AFTER")) is { } after)
            {
                return (after, t.After.Count == 0 ? (state == operation.Precondition ? Unchanged : Other) : state);
            }

            if (readingKey == LifecycleModel.ReadingKey(operation, LifecycleModel.TwinAfter) && Points.FirstOrDefault(p => p.Id == PointId(operation, "TWIN")) is { } twin)
            {
                return (twin, t.PeerAfter.Count == 0 ? (state == t.PeerBefore ? Unchanged : Other) : state);
            }

            if (readingKey == LifecycleModel.ReadingKey(operation, LifecycleModel.Unprepared) && Points.FirstOrDefault(p => p.Id == PointId(operation, "PREPARE")) is { } prepare)
            {
                return (prepare, state);
            }
        }

        return null;
    }

    private const string Unchanged = "unchanged";
    private const string Other = "other";

    private static string PointId(OperationDescription operation, string slot) => $"U-LIFE-{LifecycleOperations.Prefix(operation)}-{slot}";

    private static IEnumerable<UnconfirmedPoint> PointsOf(OperationDescription operation)
    {
        var t = operation.Transition!;
        var name = LifecycleCommand.ShortName(operation);
        var where = $"reference §2, {t.Transitions}{(t.Unconfirmed is null ? string.Empty : $"; unconfirmed: {t.Unconfirmed}")}";
        if (t.After.Count != 1)
        {
            yield return new(
                PointId(operation, "AFTER"),
                $"Which state does a group read after a successful {name}?",
                where,
                Readings(t.After, operation.Precondition ?? "its state", "the group"))
            {
                MetIn = [Model],
                Simulator = "simulator.lifecycle (the unconfirmed transitions' settings)",
            };
        }

        if (t.PeerAfter.Count != 1)
        {
            yield return new(
                PointId(operation, "TWIN"),
                $"Which state does the twin at the other site read after a successful {name}?",
                where,
                Readings(t.PeerAfter, t.PeerBefore, "the twin"))
            {
                MetIn = [Model],
                Simulator = "simulator.lifecycle (the unconfirmed transitions' settings)",
            };
        }
    }

    private static IEnumerable<UnconfirmedPoint> PreparePoint(OperationDescription operation)
    {
        if (operation.Transition!.PreparedBy is not { } preparer)
        {
            yield break;
        }

        var name = LifecycleCommand.ShortName(operation);
        var by = VasaProviderOperations.Named(preparer) is { } p ? LifecycleCommand.ShortName(p) : preparer;
        yield return new(
            PointId(operation, "PREPARE"),
            $"Does a {name} of a pair not prepared ({by} at the other site) succeed? After {by}, it must (PFO-POST-1).",
            "reference §2, T6 (the result of PrepareFailover is unconfirmed), §4 PFO-POST-1",
            [
                new(LifecycleModel.Allowed, $"{name} succeeds without {by}, at every such call of the sequence"),
                new(LifecycleModel.Refused, $"{name} is refused with InvalidReplicationState until {by}, at every such call of the sequence; after {by} it succeeds"),
            ])
        {
            MetIn = [Model],
            Simulator = "simulator.lifecycle.plannedFailoverNeedsPrepare = false (default) or true",
        };
    }

    private static IReadOnlyList<Reading> Readings(IReadOnlyList<string> listed, string before, string who) => listed.Count > 0
        ? listed.Select(state => new Reading(state, $"{who} reads {state}, at every such call of the sequence")).ToList()
        : [new(Unchanged, $"{who} stays {before}"), new(Other, $"{who} reads another state: recorded, and required of every such call of the sequence")];
}
