using System.Text.Json;
using Conformance.Checks;
using Conformance.Restore;
using Conformance.Run;
using Conformance.Targets;

namespace Conformance.Cli;

/// <summary>
/// <c>restore</c>: reads the journal of an earlier run (interrupted, killed, or stopped by a failed restore) and brings
/// each pair it changed back to the state and orientation the run first found it in, through the same round trips the
/// checks use. Idempotent: a pair already as it was gets no call, so running it twice is safe. <c>--dry-run</c> reads
/// the pairs and prints the calls it would send, and sends none. Its own calls go to <c>out/restore/journal.json</c>.
/// </summary>
internal static class RestoreCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

    /// <summary>Runs the command: <c>restore PROFILE [--journal FILE] [--dry-run]</c>. Exit 0 when every pair is back (or would be), 1 when some is not, 2 for bad input, 3 when the provider cannot be reached.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?> env)
    {
        string? profilePath = null;
        string? journalPath = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--journal" when i + 1 < args.Length:
                    journalPath = args[++i];
                    break;
                case { } value when profilePath is null && !value.StartsWith("--", StringComparison.Ordinal):
                    profilePath = value;
                    break;
                default:
                    await errors.WriteLineAsync($"restore: unknown argument '{args[i]}'; use: restore <profile.json> [--journal out/journal.json] [--dry-run]").ConfigureAwait(false);
                    return 2;
            }
        }

        var outDirectory = RunPaths.OutDirectory(env);
        journalPath ??= Path.Combine(outDirectory, "journal.json");
        if (!File.Exists(journalPath))
        {
            await errors.WriteLineAsync($"restore: no journal at {journalPath}: nothing was recorded, so nothing is left to restore (give another with --journal FILE)").ConfigureAwait(false);
            return 2;
        }

        List<JournalEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<JournalEntry>>(await File.ReadAllTextAsync(journalPath).ConfigureAwait(false), Json);
        }
        catch (JsonException ex)
        {
            await errors.WriteLineAsync($"restore: {journalPath} is not a journal the suite wrote ({ex.Message}); give the run's out/journal.json with --journal FILE").ConfigureAwait(false);
            return 2;
        }

        var initial = (entries ?? []).Where(e => e.Operation == JournalEntry.Initial && e.Pair is not null).Select(e => e.Pair!).DistinctBy(p => p.Key).ToList();
        if (initial.Count == 0)
        {
            await output.WriteLineAsync($"restore: {journalPath} records no pair the run changed (a one-site run, or one that changed nothing): nothing to restore.").ConfigureAwait(false);
            return 0;
        }

        using var run = await RunFactory.CreateAsync(RunPaths.ProfilePath(profilePath), Path.Combine(outDirectory, "restore"), env).ConfigureAwait(false);
        if (run.Abort is { } abort)
        {
            await errors.WriteLineAsync("restore: " + abort.Message).ConfigureAwait(false);
            return abort.ExitCode;
        }

        var target = run.Target!;
        if (target.Simulator is not null)
        {
            await output.WriteLineAsync("restore: the profile's target is the embedded simulator, which starts afresh every run: nothing to restore.").ConfigureAwait(false);
            return 0;
        }

        // Where the run last saw each side (its round trips' records): the ids a reversal gave the groups.
        foreach (var seen in (entries ?? []).Where(e => e.Pair is not null).Select(e => e.Pair!))
        {
            Remember(target, seen.Tested);
            if (target.PeerSide is { } peer)
            {
                Remember(peer, seen.Peer);
            }
        }

        await output.WriteLineAsync($"restore{(dryRun ? " --dry-run" : string.Empty)}: {initial.Count} pair(s) recorded in {journalPath}").ConfigureAwait(false);
        var left = 0;
        foreach (var pair in initial)
        {
            var scope = new CheckScope(target, "restore");
            scope.Touches.Restoring = true;
            var result = await Restorer.RestoreAsync(scope, pair, dryRun).ConfigureAwait(false);
            if (dryRun && result.Problem is null && result.Planned is { Count: > 0 } planned)
            {
                await output.WriteLineAsync($"  {pair.Key}: now {result.Now}; would send {RestorePlanner.Describe(planned)} (then read the pair again and plan on)").ConfigureAwait(false);
                continue;
            }

            left += result.Restored ? 0 : 1;
            await output.WriteLineAsync("  " + result.Describe()).ConfigureAwait(false);
        }

        target.Journal.Complete();
        run.Finish();
        await output.WriteLineAsync(left == 0
            ? dryRun ? "restore --dry-run: nothing was sent." : "restore: every recorded pair is in the state and orientation the run found it in."
            : $"restore: {left} pair(s) are not back; out/restore/journal.json has the calls made. Fix the cause named above and run ./run.sh restore again.").ConfigureAwait(false);
        return left == 0 ? 0 : 1;
    }

    private static void Remember(ConformanceTarget site, GroupSnapshot? side)
    {
        if (side is { State: not null })
        {
            PairReader.Follow(site, side.Origin, side.Id);
        }
    }
}
