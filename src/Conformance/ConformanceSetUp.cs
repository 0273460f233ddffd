using Conformance.Checks;
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
    private RunInterruption? interruption;

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

        // Watched from the start, connecting included: a signal, run.sh's stop file or the host exiting ends the run
        // cleanly and its files are written (see RunInterruption).
        var interruption = new CancellationTokenSource();
        this.interruption = new RunInterruption(interruption, RunInterruption.DefaultGrace, line => TestContext.Progress.WriteLine(line));
        this.interruption.WatchSignals();
        this.interruption.WatchStopFile(Path.Combine(outDirectory, ".stop"));
        var run = await RunFactory.CreateAsync(profilePath, outDirectory, Environment.GetEnvironmentVariable, interruption: interruption).ConfigureAwait(false);

        // What NUnit runs: every check, unless run.sh was given a filter (VASA_FILTER), whose choice the run cannot see.
        run.Expected = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VASA_FILTER")) ? Catalogue.InRunOrder : null;
        ConformanceRun.Current = run;
        this.interruption.Attach(run);
        var progress = TestContext.Progress;
        if (run.Abort is { } abort)
        {
            var exit = run.Interrupted ? Harness.Reporting.RunSummary.InterruptedExitCode : abort.ExitCode;
            await progress.WriteLineAsync(run.Redactor.Redact($"[vasa] run cannot start (exit {exit}): {abort.Message}")).ConfigureAwait(false);
            return;
        }

        var info = run.Target!.Info;
        await progress.WriteLineAsync($"[vasa] profile '{run.Profile!.Name}' → {run.Summary.Target}, provider {run.Target.Provider.Value} ('{info?.Name ?? "?"}' {info?.Version}), {run.Target.Allowlist.Count} allowlisted group(s), run id {run.Target.RunId}").ConfigureAwait(false);
        foreach (var note in run.Notes)
        {
            await progress.WriteLineAsync("[vasa] " + note).ConfigureAwait(false);
        }

        // The plan, before any check sends anything: one QueryReplicationGroup per site, the groups each check needs,
        // the budget, and the checks that will be inconclusive for lack of groups (also out/plan.json).
        var plan = await RunPlan.ReadAsync(run.Target, run.Expected ?? Catalogue.InRunOrder).ConfigureAwait(false);
        run.Plan = plan;
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "plan.json"), run.Redactor.Redact(plan.ToJson())).ConfigureAwait(false);
        foreach (var line in plan.Describe())
        {
            await progress.WriteLineAsync(run.Redactor.Redact("[vasa] " + line)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the run-level files (unless an interruption wrote them already) and stops the embedded simulator.</summary>
    [OneTimeTearDown]
    public void Finish()
    {
        if (ConformanceRun.Current is not { } run)
        {
            this.interruption?.Dispose();
            return;
        }

        // Signals stay handled until the files are written: a SIGTERM now must not end the host half-way.
        run.Finish();
        this.interruption?.Dispose();
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
}
