using System.Collections.Immutable;
using Conformance.Lifecycle;
using Conformance.Operations;
using Harness.Wire;

namespace Conformance.Restore;

/// <summary>
/// Finds the shortest round trip (replication-lifecycle.md §3) from a pair's states now to the states it had, by
/// searching the lifecycle model (<see cref="LifecycleModel"/>, the operations' own transitions): no second table. A
/// step is taken only where the model predicts success for certain; an unconfirmed one (a planned failover of a pair
/// not prepared, T6) is avoided by preparing first. Promote (capability unknown) and Sync (no state change) are never
/// used. Where a transition has several readings the search follows the confirmed one; the restorer reads the pair
/// after every step and plans again from what it saw.
/// </summary>
internal static class RestorePlanner
{
    /// <summary>The longest round trip searched (RT-EXACT with both prepares is five calls).</summary>
    public const int MaxSteps = 8;

    private static readonly IReadOnlyList<OperationDescription> Moves =
        [.. LifecycleOperations.All.Where(o => o != VasaProviderOperations.Sync && o != VasaProviderOperations.Promote)];

    /// <summary>
    /// The calls that bring the pair from <paramref name="now"/> to <paramref name="goal"/>'s states: empty when it is
    /// there, null when no route exists with the sites that may be changed (one site cannot undo a failover).
    /// </summary>
    /// <param name="now">The pair as read now.</param>
    /// <param name="goal">The pair as it was.</param>
    /// <param name="changeable">Whether the suite may call state-changing operations at each site for this pair.</param>
    /// <param name="prepared">The sites whose group a PrepareFailover prepared since the last failover.</param>
    /// <param name="readings">The unconfirmed transitions' readings this provider showed so far (<see cref="LifecycleModel.Readings"/>): the search follows them.</param>
    public static IReadOnlyList<RestoreStep>? Route(PairSnapshot now, PairSnapshot goal, Func<LifecycleSite, bool> changeable, IReadOnlySet<LifecycleSite>? prepared = null, ImmutableDictionary<string, string>? readings = null)
    {
        var start = ModelOf(now, changeable, prepared, readings);
        bool Done(LifecycleModel m) =>
            (goal.Tested is null || m.Pairs[0].Tested?.Current == goal.Tested.State) && (goal.Peer is null || m.Pairs[0].Peer?.Current == goal.Peer.State);

        var frontier = new Queue<(LifecycleModel Model, List<RestoreStep> Path)>();
        frontier.Enqueue((start, []));
        var seen = new HashSet<string>(StringComparer.Ordinal) { Shape(start) };
        while (frontier.Count > 0)
        {
            var (model, path) = frontier.Dequeue();
            if (Done(model))
            {
                return path;
            }

            if (path.Count == MaxSteps)
            {
                continue;
            }

            foreach (var site in LifecycleModel.Sites)
            {
                foreach (var operation in Moves)
                {
                    var command = new LifecycleCommand(operation, site, 0);
                    if (model.Predict(command).Kind != LifecyclePredictionKind.Succeeds)
                    {
                        continue;
                    }

                    var next = model.Apply(command, LifecycleOutcome.Succeeded).Settle(model);
                    if (seen.Add(Shape(next)))
                    {
                        frontier.Enqueue((next, [.. path, new RestoreStep(operation, site)]));
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The one-pair model of <paramref name="now"/>: each side in its state, changeable where the allowlists permit, prepared as given, with the readings pinned so far.</summary>
    public static LifecycleModel ModelOf(PairSnapshot now, Func<LifecycleSite, bool> changeable, IReadOnlySet<LifecycleSite>? prepared = null, ImmutableDictionary<string, string>? readings = null)
    {
        LifecycleSide? Side(LifecycleSite site) => now.At(site) is { } g
            ? LifecycleSide.Of(ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId), g.State, changeable(site)) with { Prepared = prepared?.Contains(site) == true }
            : null;
        var model = LifecycleModel.Start([new LifecyclePair(Side(LifecycleSite.Tested), Side(LifecycleSite.Peer))]);
        return readings is null ? model : model with { Readings = readings };
    }

    /// <summary>The route in words: <c>PrepareFailover@B → Failover@A → Reverse@A</c>, or <c>nothing to do</c>.</summary>
    public static string Describe(IReadOnlyList<RestoreStep>? route) => route is null ? "no route" : route.Count == 0 ? "nothing to do" : string.Join(" → ", route);

    private static string Shape(LifecycleModel m)
    {
        var pair = m.Pairs[0];
        return $"{pair.Tested?.Current}/{pair.Tested?.Prepared}/{pair.Peer?.Current}/{pair.Peer?.Prepared}";
    }
}
