using Conformance.Run;

namespace Conformance;

/// <summary>
/// Builds the run once for the whole suite: the profile comes from the NUnit parameter <c>profile</c> or
/// <c>VASA_PROFILE</c> (default profiles/simulator.json), the output folder from <c>VASA_OUT</c> (default out/).
/// A run that cannot start still reports every check, as broken with the reason.
/// </summary>
[SetUpFixture]
public sealed class ConformanceSetUp
{
    private readonly List<IDisposable> stopWatchers = [];

    /// <summary>Loads the profile, connects, and prints what the run targets.</summary>
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var requested = TestContext.Parameters.Get("profile") ?? Environment.GetEnvironmentVariable("VASA_PROFILE");
        var profilePath = RunPaths.ProfilePath(requested);
        var outDirectory = RunPaths.OutDirectory(Environment.GetEnvironmentVariable);
        var resultsDirectory = Path.Combine(outDirectory, "allure-results");
        if (Directory.Exists(resultsDirectory))
        {
            Directory.Delete(resultsDirectory, recursive: true);
        }

        Directory.CreateDirectory(outDirectory);
        var stopFile = Path.Combine(outDirectory, ".stop");
        File.Delete(stopFile);
        var run = await RunFactory.CreateAsync(profilePath, outDirectory, Environment.GetEnvironmentVariable).ConfigureAwait(false);
        ConformanceRun.Current = run;
        this.WatchForStop(run, stopFile);
        var progress = TestContext.Progress;
        if (run.Abort is { } abort)
        {
            await progress.WriteLineAsync(run.Redactor.Redact($"[vasa] run cannot start (exit {abort.ExitCode}): {abort.Message}")).ConfigureAwait(false);
            return;
        }

        var info = run.Target!.Info;
        await progress.WriteLineAsync($"[vasa] profile '{run.Profile!.Name}' → {run.Summary.Target}, provider {run.Target.Provider.Value} ('{info?.Name ?? "?"}' {info?.Version}), {run.Target.Allowlist.Count} allowlisted group(s), run id {run.Target.RunId}").ConfigureAwait(false);
        foreach (var note in run.Notes)
        {
            await progress.WriteLineAsync("[vasa] " + note).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the run-level files and stops the embedded simulator.</summary>
    [OneTimeTearDown]
    public void Finish()
    {
        foreach (var watcher in this.stopWatchers)
        {
            watcher.Dispose();
        }

        if (ConformanceRun.Current is not { } run)
        {
            return;
        }

        run.Finish();
        var changes = run.Changes();
        TestContext.Progress.WriteLine($"[vasa] the run changed {changes.Count} group(s) on the provider; every state-changing call is in {Path.Combine(run.OutDirectory, "journal.json")}");
        foreach (var change in changes.Take(10))
        {
            TestContext.Progress.WriteLine("[vasa]   " + change);
        }

        if (changes.Count > 10)
        {
            TestContext.Progress.WriteLine($"[vasa]   … and {changes.Count - 10} more (see journal.json)");
        }

        var c = run.Summary.Counts;
        TestContext.Progress.WriteLine($"[vasa] {c.Describe()} → {run.Summary.Verdict.Headline}; summary in {Path.Combine(run.OutDirectory, "summary.json")}");
        run.Dispose();
        ConformanceRun.Current = null;
    }

    /// <summary>Ctrl-C or SIGTERM (when run directly), or run.sh's stop file, interrupts the run cleanly: calls and waits end, the rest is reported as not run, and the report is still written.</summary>
    private void WatchForStop(ConformanceRun run, string stopFile)
    {
        void Stop(string why)
        {
            if (!run.Interrupted)
            {
                TestContext.Progress.WriteLine($"[vasa] {why}: finishing the current check, then writing the report");
                run.Interruption.Cancel();
            }
        }

        foreach (var signal in new[] { System.Runtime.InteropServices.PosixSignal.SIGINT, System.Runtime.InteropServices.PosixSignal.SIGTERM })
        {
            this.stopWatchers.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Stop($"{context.Signal} received");
            }));
        }

        this.stopWatchers.Add(new Timer(_ =>
        {
            if (File.Exists(stopFile))
            {
                Stop("interrupted");
            }
        }, null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)));
    }
}
