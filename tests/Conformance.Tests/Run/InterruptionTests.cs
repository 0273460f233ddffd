using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Run;

/// <summary>Ctrl-C (or run.sh's stop file) stops a run cleanly: the current check ends, the rest are not run, tasks in flight are listed, and the report is still written.</summary>
[TestFixture]
public sealed class InterruptionTests
{
    [Test]
    public async Task An_interrupted_run_lists_its_tasks_in_flight_writes_its_report_and_exits_130()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-interrupt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var profile = Path.Combine(directory, "profile.json");
            await File.WriteAllTextAsync(profile, """
                { "name": "interrupt", "target": "embedded", "taskTimeoutSeconds": 30, "pollIntervalMilliseconds": 10,
                  "simulator": { "deviations": ["TaskNeverCompletes"] } }
                """);
            using var run = await RunFactory.CreateAsync(profile, directory, Environment.GetEnvironmentVariable);
            var checks = Catalogue.All.SelectMany(c => c.Checks).ToList();
            var first = checks.Single(c => c.Name == "The_task_reaches_success" && c.Feature == Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature);

            // The success scenario now waits for a task that never ends; the user presses Ctrl-C meanwhile.
            run.Interruption.CancelAfter(TimeSpan.FromMilliseconds(500));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var interrupted = await run.RunCheckAsync(first);
            var rest = await run.RunCheckAsync(checks.Single(c => c.Name == "Each_requested_group_gets_exactly_one_result" && c.Feature == Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature));
            run.Finish();

            var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "summary.json"))).RootElement;
            var journal = await File.ReadAllTextAsync(Path.Combine(directory, "journal.json"));
            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the wait stopped at the interrupt, not at the 30 s task timeout");
                Assert.That(interrupted.Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
                Assert.That(interrupted.Reason, Does.Contain("interrupted"));
                Assert.That(rest.Reason, Does.Contain("not run: the run was interrupted"));
                Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.EqualTo(130));
                Assert.That(journal, Does.Contain("still in flight"), "the task left running is in the journal");
                Assert.That(run.Changes(), Has.Some.Contains("was still in flight"));
                Assert.That(Directory.EnumerateFiles(Path.Combine(directory, "allure-results"), "*-result.json"), Is.Not.Empty);
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
