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

        var run = await RunFactory.CreateAsync(profilePath, outDirectory, Environment.GetEnvironmentVariable).ConfigureAwait(false);
        ConformanceRun.Current = run;
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
        if (ConformanceRun.Current is not { } run)
        {
            return;
        }

        run.Finish();
        var c = run.Summary.Counts;
        TestContext.Progress.WriteLine($"[vasa] {c.Passed} passed, {c.Failed} failed, {c.Broken} broken, {c.Inconclusive} inconclusive, {c.NotApplicable} not applicable → {run.Summary.Verdict.Verdict}; summary in {Path.Combine(run.OutDirectory, "summary.json")}");
        run.Dispose();
        ConformanceRun.Current = null;
    }
}
