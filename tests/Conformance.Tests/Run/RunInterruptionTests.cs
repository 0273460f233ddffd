using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;

namespace Conformance.Tests.Run;

/// <summary>
/// A signal (a CI timeout or cancel, <c>timeout</c>, Ctrl-C) ends the run as interrupted with its files written within
/// seconds, even when a check never ends, when the test host is about to be killed, or when it comes while connecting.
/// </summary>
[TestFixture]
public sealed class RunInterruptionTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        this.directory = Path.Combine(Path.GetTempPath(), "vasa-signal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(this.directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(this.directory, recursive: true);

    [Test]
    public async Task A_stop_writes_the_run_files_within_the_grace_even_while_a_check_never_ends()
    {
        using var interruption = new CancellationTokenSource();
        using var run = await this.CreateRunAsync("""{ "name": "stuck", "target": "embedded", "pollIntervalMilliseconds": 10 }""", interruption);
        var never = new TaskCompletionSource();
        var stuck = NeverEnding(never);
        var notStarted = Catalogue.InRunOrder.Take(2).ToList();
        run.Expected = [stuck, .. notStarted];
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watch = new RunInterruption(interruption, TimeSpan.FromMilliseconds(300), lines.Enqueue);
        watch.Attach(run);

        // The check ignores the interruption, as a hung call or wait would; the tear-down never comes.
        var running = run.RunCheckAsync(stuck);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        watch.Stop("SIGTERM received");
        var summaryPath = Path.Combine(this.directory, "summary.json");
        while (!run.Finished && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed;
        var written = await File.ReadAllTextAsync(summaryPath);
        var checks = JsonDocument.Parse(written).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("message").GetString());
        var summary = JsonDocument.Parse(written).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "written within the grace, not when the check ends");
            Assert.That(running.IsCompleted, Is.False, "the check is still running");
            Assert.That(File.Exists(summaryPath), Is.True);
            Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.EqualTo(130));
            Assert.That(summary.GetProperty("reason").GetString(), Does.Contain("interrupted"));
            Assert.That(checks[stuck.Key], Is.EqualTo(ConformanceRun.InFlightReason));
            Assert.That(notStarted.Select(c => checks[c.Key]), Is.All.EqualTo(ConformanceRun.NotRunReason));
            Assert.That(checks, Has.Count.EqualTo(3));
            foreach (var file in new[] { "junit.xml", "conformance.sarif", "journal.json" })
            {
                Assert.That(File.Exists(Path.Combine(this.directory, file)), Is.True, file);
            }

            Assert.That(lines, Has.Some.Contains("SIGTERM received").And.Some.Contains("writing the report now"));
        });

        // The check ends after all: it keeps the result the files hold, and the tear-down's Finish writes nothing more.
        never.SetResult();
        var result = await running;
        run.Finish();
        var after = await File.ReadAllTextAsync(summaryPath);
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(ConformanceRun.InFlightReason));
            Assert.That(after, Is.EqualTo(written));
        });
    }

    [Test]
    public async Task Finish_from_several_threads_at_once_writes_the_files_once_and_each_call_returns_when_they_are_written()
    {
        using var interruption = new CancellationTokenSource();
        using var run = await this.CreateRunAsync("""{ "name": "twice", "target": "embedded", "pollIntervalMilliseconds": 10 }""", interruption);
        run.Expected = Catalogue.InRunOrder;
        await interruption.CancelAsync();
        var summaryPath = Path.Combine(this.directory, "summary.json");
        var seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            run.Finish();
            return File.Exists(summaryPath);
        })));

        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath)).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.All.True);
            Assert.That(summary.GetProperty("counts").GetProperty("total").GetInt32(), Is.EqualTo(Catalogue.InRunOrder.Count), "each check once");
            Assert.That(Directory.EnumerateFiles(Path.Combine(this.directory, "allure-results"), "*-result.json").Count(), Is.EqualTo(Catalogue.InRunOrder.Count), "each check once (the traceability matrix is a page, not a test)");
        });
    }

    [Test]
    public async Task A_stop_while_connecting_to_a_provider_that_never_answers_ends_the_run_as_interrupted_at_once()
    {
        using var interruption = new CancellationTokenSource();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        interruption.CancelAfter(TimeSpan.FromMilliseconds(500));
        using var run = await this.CreateRunAsync(
            """
            { "name": "hangs", "target": "embedded", "callTimeoutSeconds": 600,
              "simulator": { "transportFaults": [{ "operation": "QueryProviderInfo", "kind": "hang" }] } }
            """,
            interruption);
        run.Expected = Catalogue.InRunOrder.Take(3).ToList();
        var elapsed = clock.Elapsed;
        var result = await run.RunCheckAsync(Catalogue.InRunOrder[0]);
        run.Finish();

        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(this.directory, "summary.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the hung call ended at the stop, not at the 600 s call timeout");
            Assert.That(run.Abort?.Message, Does.Contain("interrupted while connecting"));
            Assert.That(result.Reason, Is.EqualTo(ConformanceRun.NotRunReason));
            Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.EqualTo(130));
            Assert.That(summary.GetProperty("counts").GetProperty("total").GetInt32(), Is.EqualTo(3));
        });
    }

    /// <summary>A check whose body ignores the interruption and ends only when <paramref name="end"/> completes.</summary>
    private static Check NeverEnding(TaskCompletionSource end)
    {
        var model = Catalogue.InRunOrder[0];
        return new Check("A_check_that_never_ends", model.Clause, model.Feature, _ => end.Task);
    }

    private async Task<ConformanceRun> CreateRunAsync(string profileJson, CancellationTokenSource interruption)
    {
        var profile = Path.Combine(this.directory, "profile.json");
        await File.WriteAllTextAsync(profile, profileJson);
        return await RunFactory.CreateAsync(profile, this.directory, Environment.GetEnvironmentVariable, interruption: interruption);
    }
}
