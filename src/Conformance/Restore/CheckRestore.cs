using Conformance.Checks;
using Harness.Wire;

namespace Conformance.Restore;

/// <summary>
/// Round trips around each check (issue 15): with both sites in the profile, a state-changing call first records the
/// pair of each group it names as it reads then (once per check; the run keeps the first reading of each pair, for the
/// journal and <c>./run.sh restore</c>), and the end of the check brings every pair it recorded back. Against the
/// embedded simulator the whole world is compared afterwards too, so every run proves the restore.
/// </summary>
internal static class CheckRestore
{
    /// <summary>The step that holds a check's restore.</summary>
    public const string StepName = "Restore the groups this check changed to the state and orientation it found them in (round trips, replication-lifecycle.md §3)";

    /// <summary>Whether checks on this target restore what they change: only with the peer site connected (one site cannot undo a failover).</summary>
    public static bool Enabled(CheckScope s) => !s.Touches.Off && s.Home.PeerSide is not null;

    /// <summary>Records the pair of each group <paramref name="ids"/> names that the check has not changed yet, before the call that may change it.</summary>
    public static async Task BeforeChangeAsync(CheckScope s, IEnumerable<ReplicationGroupId> ids)
    {
        if (!Enabled(s) || s.Touches.Restoring)
        {
            return;
        }

        foreach (var id in ids.Where(i => !s.Target.IsGenerated(i) && s.Target.MayChange(i)).DistinctBy(i => i.Key).ToList())
        {
            if (s.Touches.Covers(id.Key))
            {
                continue;
            }

            if (await PairReader.ReadAroundAsync(s, id).ConfigureAwait(false) is not { } pair || s.Touches.Covers(pair.At(PairReader.SiteOf(s))!.Key))
            {
                continue;
            }

            if (s.Touches.Add(pair) && s.Home.Restores.TryAddInitial(pair))
            {
                s.Home.Journal.Add(Targets.JournalEntry.Initial, [.. new[] { pair.Tested, pair.Peer }.OfType<GroupSnapshot>().Select(g => g.Id)], $"as the run found it: {pair}", s.Name, pair);
            }
        }
    }

    /// <summary>
    /// Brings back every pair the check changed; returns why some could not be (null when all are back or nothing
    /// changed). A failure on a real provider stops the run's state-changing calls.
    /// </summary>
    public static async Task<string?> AfterCheckAsync(CheckScope s, IReadOnlyList<string>? worldBefore)
    {
        if (s.Touches.Pairs.Count == 0 || s.Target.Stopping.IsCancellationRequested)
        {
            return null;
        }

        s.Touches.Restoring = true;
        try
        {
            return await s.StepAsync(StepName, async () =>
            {
                await s.FinishOwnTasksAsync().ConfigureAwait(false);
                var problems = new List<string>();
                foreach (var pair in s.Touches.Pairs)
                {
                    var result = await Restorer.RestoreAsync(s, pair).ConfigureAwait(false);
                    s.Note("restore: " + result.Describe());
                    s.Home.Journal.Add(result.Restored ? "(restored)" : "(left)", [.. new[] { result.Now.Tested, result.Now.Peer }.OfType<GroupSnapshot>().Select(g => g.Id)], result.Describe(), s.Name, result.Now);
                    if (!result.Restored)
                    {
                        problems.Add(result.Describe());
                    }
                }

                if (problems.Count == 0 && worldBefore is not null && s.Home.Simulator is { } simulator && World(simulator) is var after && !after.SequenceEqual(worldBefore))
                {
                    problems.Add($"the simulated world differs from before the check: {string.Join(", ", worldBefore.Except(after))} became {string.Join(", ", after.Except(worldBefore))}");
                }

                if (problems.Count > 0 && s.Home.Simulator is null)
                {
                    s.Home.Restores.Halt($"the run stopped changing state: the restore after {s.Name ?? "a check"} failed ({problems[0]}); journal.json says what is left; run ./run.sh restore");
                }

                return problems.Count == 0 ? null : string.Join("; ", problems);
            }).ConfigureAwait(false);
        }
        catch (CheckStopped stop)
        {
            return stop.Failure?.Reason ?? stop.Message;
        }
        finally
        {
            s.Touches.Restoring = false;
        }
    }

    /// <summary>The embedded simulator's groups as a restore must leave them: site, fault domain, name and state (ids may change; replicas are residue).</summary>
    public static IReadOnlyList<string> World(Harness.Simulator.SimulatedProvider simulator) =>
        [.. simulator.Groups.Select(g => $"{g.Site ?? "-"}:{g.FaultDomainId}/{g.Name} {g.State}").Order(StringComparer.Ordinal)];
}
