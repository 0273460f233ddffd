using Conformance.Checks;
using Conformance.Cli;
using Conformance.Run;
using Conformance.Targets;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Restore;

/// <summary>
/// Issue 15's proof against a two-site provider started on its own (never reset): full runs leave every allowlisted
/// group in its initial state and orientation, run after run; a run stopped mid-way is put right by <c>restore</c>,
/// which is idempotent; and a restore that cannot be made stops the run from changing state and says what is left.
/// </summary>
[TestFixture]
public sealed class RoundTripRunTests
{
    private static async Task<Dictionary<string, CheckResult>> RunAllAsync(StandaloneWorld world, string name)
    {
        using var run = await RunFactory.CreateAsync(world.Profile, Path.Combine(world.Directory, name), StandaloneWorld.Env);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in Catalogue.InRunOrder)
        {
            results[check.Key] = await run.RunCheckAsync(check);
        }

        run.Finish();
        return results;
    }

    [Test]
    public async Task Two_consecutive_full_runs_are_fully_verified_and_leave_every_group_as_found()
    {
        using var world = StandaloneWorld.Start();
        foreach (var name in new[] { "first", "second" })
        {
            var results = await RunAllAsync(world, name);
            Assert.Multiple(() =>
            {
                Assert.That(
                    results.Where(r => r.Value.Outcome is not (CheckOutcome.Passed or CheckOutcome.NotExercised)).Select(r => $"{r.Key}: {r.Value.Describe()}"),
                    Is.Empty,
                    $"the {name} run: every check verified (none inconclusive for lack of groups, none failing to restore)");
                Assert.That(world.World(), Is.EqualTo(world.Initial), $"after the {name} run every group is back in its initial state and orientation (by fault domain and name)");
            });
        }
    }

    [Test]
    public async Task A_run_stopped_mid_way_is_put_right_by_restore_and_a_second_restore_sends_nothing()
    {
        using var world = StandaloneWorld.Start(taskMilliseconds: 40);
        var outDirectory = Path.Combine(world.Directory, "stopped");
        using (var run = await RunFactory.CreateAsync(world.Profile, outDirectory, StandaloneWorld.Env))
        {
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            var running = Task.Run(async () =>
            {
                foreach (var check in Catalogue.InRunOrder.TakeWhile(_ => !run.Interrupted))
                {
                    await run.RunCheckAsync(check);
                }
            });

            // Stop the run the moment a group has left its state: the check in flight never restores it.
            while (!running.IsCompleted && world.World().SequenceEqual(world.Initial))
            {
                await Task.Delay(2);
            }

            await run.Interruption.CancelAsync();
            await running;
            run.Finish();
        }

        Assert.That(world.World(), Is.Not.EqualTo(world.Initial), "precondition: the stopped run left a group changed");
        var journal = Path.Combine(outDirectory, "journal.json");
        string? Env(string name) => name == "VASA_OUT" ? Path.Combine(world.Directory, "restore-out") : StandaloneWorld.Env(name);
        async Task<(int Exit, string Output)> RestoreAsync(params string[] extra)
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exit = await RestoreCommand.RunAsync([world.Profile, "--journal", journal, .. extra], output, errors, Env);
            return (exit, output + errors.ToString());
        }

        var left = world.World();
        var callsBefore = world.StateChangingCalls;
        var dry = await RestoreAsync("--dry-run");
        Assert.Multiple(() =>
        {
            Assert.That(dry.Exit, Is.Zero, dry.Output);
            Assert.That(dry.Output, Does.Contain("would send"), "the dry run names the calls it would send");
            Assert.That(world.StateChangingCalls, Is.EqualTo(callsBefore), "the dry run sends nothing that changes state");
            Assert.That(world.World(), Is.EqualTo(left));
        });

        var first = await RestoreAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.Exit, Is.Zero, first.Output);
            Assert.That(world.World(), Is.EqualTo(world.Initial), "restore brings every group back to its initial state and orientation");
        });

        var callsAfter = world.StateChangingCalls;
        var second = await RestoreAsync();
        Assert.Multiple(() =>
        {
            Assert.That(second.Exit, Is.Zero, second.Output);
            Assert.That(world.StateChangingCalls, Is.EqualTo(callsAfter), "a second restore sends no state-changing call");
            Assert.That(second.Output, Does.Contain("already as it was"));
            Assert.That(world.World(), Is.EqualTo(world.Initial));
        });
    }

    [Test]
    public async Task A_restore_that_cannot_be_made_stops_the_run_changing_state_and_the_journal_says_what_is_left()
    {
        // The old source stays SOURCE after a reversal: no round trip leads back from two SOURCE groups.
        using var world = StandaloneWorld.Start(0, Deviation.ReversePeerNotUpdated);
        var results = await RunAllAsync(world, "deviating");
        var notRestored = results.Where(r => r.Value.Outcome == CheckOutcome.RestoreFailed || r.Value.Notes.Any(n => n.Contains("the restore after this check failed", StringComparison.Ordinal))).ToList();
        var halted = results.Where(r => r.Value.Outcome == CheckOutcome.Inconclusive && r.Value.Reason?.Contains("the run stopped changing state", StringComparison.Ordinal) == true).ToList();
        var journal = await File.ReadAllTextAsync(Path.Combine(world.Directory, "deviating", "journal.json"));
        var summary = await File.ReadAllTextAsync(Path.Combine(world.Directory, "deviating", "summary.json"));
        Assert.Multiple(() =>
        {
            Assert.That(notRestored, Is.Not.Empty, "a check reports that its restore failed: " + string.Join("; ", results.Where(r => r.Key.StartsWith("Reverse", StringComparison.Ordinal)).Take(12).Select(r => $"{r.Key}: {r.Value.Describe()}")));
            Assert.That(halted, Is.Not.Empty, "later checks send nothing that changes state: inconclusive, naming the halt");
            Assert.That(journal, Does.Contain("\"(left)\""), "the journal records the pair left, with its states");
            Assert.That(summary, Does.Contain("restore").And.Not.Contain("\"verdict\": \"conformant\""));
        });
    }
}
