using System.Collections.Immutable;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Lifecycle;
using Conformance.Operations;
using Harness.Wire.Tasks;

namespace Conformance.Restore;

/// <summary>
/// Brings a replication pair back to the states and orientation it had (the round trips of replication-lifecycle.md
/// §3): reads the pair, plans the shortest route (<see cref="RestorePlanner"/>), makes its first call, waits for its
/// task, reads the pair again and plans again, until the pair is back, no route is left, or a call fails. Every call
/// goes through the suite's own safety (the allowlists) and journal.
/// </summary>
internal static class Restorer
{
    /// <summary>The most calls one pair's restore makes before giving up.</summary>
    public const int MaxCalls = 12;

    /// <summary>Restores <paramref name="goal"/> (or, with <paramref name="dryRun"/>, only plans it); never throws for what the provider does.</summary>
    public static async Task<RestoreResult> RestoreAsync(CheckScope home, PairSnapshot goal, bool dryRun = false)
    {
        var done = new List<RestoreStep>();
        var prepared = new HashSet<LifecycleSite>();
        var readings = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);
        LifecycleModel? expected = null;
        var now = goal;
        try
        {
            for (var calls = 0; ; calls++)
            {
                now = await PairReader.ReadAgainAsync(home, goal).ConfigureAwait(false);
                if (expected is not null)
                {
                    // What the last call did pins the readings of its unconfirmed transitions: the next route follows this provider.
                    readings = expected.Observe(new Dictionary<(int Pair, LifecycleSite Site), LifecycleReading>
                    {
                        [(0, LifecycleSite.Tested)] = new(now.Tested?.State),
                        [(0, LifecycleSite.Peer)] = new(now.Peer?.State),
                    }).Model.Readings;
                    expected = null;
                }

                if (now.Matches(goal))
                {
                    Follow(home, now);
                    return new RestoreResult(goal, now, done, null) { Planned = [] };
                }

                var route = RestorePlanner.Route(now, goal, site => Changeable(home, now, site), prepared, readings);
                if (route is null || route.Count == 0)
                {
                    var why = now.At(LifecycleSite.Peer) is null || home.Target.PeerSide is null
                        ? "no round trip at one site brings it back (the undo of a failover, a promote or a reversal is a failover at the other site)"
                        : $"no round trip of the operations the allowlists permit leads from {now} back to {goal}";
                    return new RestoreResult(goal, now, done, why);
                }

                if (dryRun)
                {
                    return new RestoreResult(goal, now, done, null) { Planned = route };
                }

                if (calls >= MaxCalls)
                {
                    return new RestoreResult(goal, now, done, $"still not back after {MaxCalls} calls ({RestorePlanner.Describe(done)})");
                }

                var step = route[0];
                var before = now;
                expected = RestorePlanner.ModelOf(before, site => Changeable(home, before, site), prepared, readings).Apply(new LifecycleCommand(step.Operation, step.Site, 0), LifecycleOutcome.Succeeded);
                if (await CallAsync(home, now, step).ConfigureAwait(false) is { } problem)
                {
                    return new RestoreResult(goal, await PairReader.ReadAgainAsync(home, goal).ConfigureAwait(false), done, problem);
                }

                done.Add(step);
                if (LifecycleOperations.Prepares(step.Operation))
                {
                    prepared.Add(step.Site);
                }
                else
                {
                    prepared.Clear();
                }
            }
        }
        catch (CheckStopped stop)
        {
            return new RestoreResult(goal, now, done, stop.Failure?.Reason ?? stop.Message);
        }
    }

    /// <summary>Whether the suite may change the pair's group at <paramref name="site"/>: its site is connected and its allowlist (or the run's renames of it) names it.</summary>
    private static bool Changeable(CheckScope home, PairSnapshot now, LifecycleSite site) =>
        now.At(site) is { State: not null } side && PairReader.ScopeAt(home, site) is { } scope
        && (scope.Target.MayChange(side.Id) || scope.Target.DeclaredAllowlist.Any(d => d.Key == side.Origin));

    /// <summary>Makes one call of the round trip and waits for its task; returns why it failed, or null.</summary>
    private static async Task<string?> CallAsync(CheckScope home, PairSnapshot now, RestoreStep step)
    {
        var scope = PairReader.ScopeAt(home, step.Site)!;
        var side = now.At(step.Site)!;
        PairReader.Follow(scope.Target, side.Origin, side.Id);
        var subject = LifecycleOperations.Subject(step.Operation);
        var call = await OperationSteps.CallAsync(scope, subject, [side.Id]).ConfigureAwait(false);
        if (!call.IsValue || !OperationSteps.IsTaskMoRef(call.Value))
        {
            return $"{step} for {side.Key} was refused: {call.Describe()}";
        }

        var wait = await OperationSteps.WaitAsync(scope, subject, call.Value!).ConfigureAwait(false);
        if (wait.Final is not { State: SmsTaskState.Success } final)
        {
            return $"{step} for {side.Key}: its task ended {wait.Final?.State ?? "(not at all)"}{(wait.Final?.Error is { } error ? $" ({error.TypeName})" : string.Empty)}";
        }

        var (results, problem, _) = OperationSteps.TryReadResults(scope, subject, final);
        if (problem is not null)
        {
            return $"{step} for {side.Key}: {problem}";
        }

        var mine = results?.FirstOrDefault(r => r.GroupId?.Key == side.Key);
        return mine is null || step.Operation.IsSuccess(mine) ? null : $"{step} for {side.Key} did not succeed: {OperationSteps.Describe(mine)} {string.Join(", ", (mine as Harness.Wire.Results.GroupErrorResult)?.Error?.Select(e => e.TypeName) ?? [])}";
    }

    /// <summary>Remembers where each side of a restored pair is now, for later checks and runs.</summary>
    private static void Follow(CheckScope home, PairSnapshot now)
    {
        foreach (var site in LifecycleModel.Sites)
        {
            if (now.At(site) is { State: not null } side && PairReader.ScopeAt(home, site) is { } scope)
            {
                PairReader.Follow(scope.Target, side.Origin, side.Id);
            }
        }
    }
}
