using System.Diagnostics;
using Conformance.Checks;
using Conformance.Targets;
using Harness.Simulator;

namespace Conformance.Mutants;

/// <summary>Runs every check against the faithful simulator and against each mutant, in process, two at a time.</summary>
internal static class MutantMatrix
{
    /// <summary>The checks of every catalogue.</summary>
    public static IReadOnlyList<Check> Checks => Catalogue.InRunOrder;

    /// <summary>The checks of every catalogue, by key (<c>{operation}.{name}</c>).</summary>
    public static IReadOnlyDictionary<string, Check> ByKey { get; } = Catalogue.InRunOrder.ToDictionary(c => c.Key, StringComparer.Ordinal);

    /// <summary>
    /// The check a mutant's intended catch names: a key (<c>{operation}.{name}</c>), or a bare name: the one check of
    /// that name, or, for a sentence every operation's shared contract uses, ReverseReplicateGroup_Task's (the
    /// intended catches written before the other operations had contracts).
    /// </summary>
    /// <exception cref="ArgumentException">No check has that key or name.</exception>
    public static Check Resolve(string keyOrName)
    {
        if (ByKey.TryGetValue(keyOrName, out var byKey))
        {
            return byKey;
        }

        var named = Checks.Where(c => c.Name == keyOrName).ToList();
        return named.Count == 1 ? named[0]
            : named.FirstOrDefault(c => c.Feature == Operations.ReverseReplicateGroup.ReverseCatalogue.Feature)
            ?? throw new ArgumentException($"no check is named '{keyOrName}' (or it names several, none of them Reverse's: use the key, operation.name)", nameof(keyOrName));
    }

    /// <summary>
    /// Runs every check against one simulator set-up (reset to its initial state before each check); the checks that
    /// compare two sites run against the same set-up as a two-site world, tested at site B with site A as the peer.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, CheckResult>> RunOneAsync(SimulatedProviderOptions options, IReadOnlyDictionary<string, DeclaredCapability>? capabilities = null, IReadOnlySet<string>? features = null)
    {
        using var sim = await MutantTarget.StartAsync(options, capabilities).ConfigureAwait(false);
        using var pair = await MutantTarget.StartAsync(MutantCatalogue.TwoSites(options), capabilities).ConfigureAwait(false);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in Checks.Where(c => features is null || features.Contains(c.Feature)))
        {
            var on = check.TwoSites || Operations.ReadOnlyTier.ReadOnlyReads.PeerChecks.Contains(check.Name) ? pair : sim;
            on.Server.Provider.Reset();
            results[check.Key] = await check.ExecuteAsync(on.Target).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Runs the whole matrix.</summary>
    public static async Task<MatrixReport> RunAsync(IReadOnlyList<Mutant> mutants, Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var faithful = await RunOneAsync(MutantCatalogue.Faithful(), MutantCatalogue.DeclaredImplemented).ConfigureAwait(false);
        progress?.Invoke($"faithful simulator: {faithful.Count(r => r.Value.Outcome == Harness.Reporting.CheckOutcome.Passed)}/{faithful.Count} checks passed");
        var results = new MatrixReport.MutantRun[mutants.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, mutants.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
        {
            var mutant = mutants[i];
            var run = new MatrixReport.MutantRun(mutant, await RunOneAsync(mutant.Options, mutant.Capabilities, mutant.Features).ConfigureAwait(false));
            results[i] = run;
            progress?.Invoke($"{(run.Caught ? "caught  " : "MISSED  ")} {mutant.Name,-42} by {string.Join(", ", run.FailedChecks)}");
        }).ConfigureAwait(false);
        return new MatrixReport(faithful, results, clock.Elapsed);
    }
}
