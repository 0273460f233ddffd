using Harness.Reporting;

namespace Conformance.Tests.Hostile;

/// <summary>
/// A provider whose tasks never finish, or whose ReverseReplicateGroup_Task never answers, costs the run about one
/// timeout, not one per check: after the first stuck task (or silent call) the checks that would wait again for the
/// same cause are inconclusive at once, naming it; RRG-TASK-2 (or the check whose call went unanswered) still fails.
/// Each bound is measured against a run of the same profile on a provider that behaves.
/// </summary>
[TestFixture]
[Category("Hostile")]
public sealed class StuckAndSilentProviderTests
{
    private const int TaskTimeoutSeconds = 3;
    private const int CallTimeoutSeconds = 2;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);
    private EmbeddedSuite suite = null!;

    [SetUp]
    public void CreateSuite() => this.suite = new EmbeddedSuite();

    [TearDown]
    public void RemoveSuite() => this.suite.Dispose();

    [Test]
    public async Task A_provider_whose_tasks_never_finish_costs_the_run_about_one_task_timeout_and_every_waiting_check_names_RRG_TASK_2()
    {
        var behaving = await this.RunAsync(string.Empty);
        var stuck = await this.RunAsync("\"simulator\": { \"deviations\": [\"TaskNeverCompletes\"] },");

        TestContext.Out.WriteLine($"a run that behaves: {behaving.Elapsed.TotalSeconds:0.0} s; tasks that never finish: {stuck.Elapsed.TotalSeconds:0.0} s (task timeout {TaskTimeoutSeconds} s)");
        var timeout = TimeSpan.FromSeconds(TaskTimeoutSeconds);
        var bound = behaving.Elapsed + (2.5 * timeout) + Margin;
        var success = stuck.Check("The_task_reaches_success");
        var namingTheClause = stuck.Checks.Where(c => c.Outcome == CheckOutcome.Inconclusive && c.Message?.StartsWith("this provider's tasks do not finish (see RRG-TASK-2)", StringComparison.Ordinal) == true).ToList();
        var properties = new[] { "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts", "Every_answer_is_a_task_MoRef_or_a_documented_fault", "Invalid_input_never_changes_any_group_state" };
        Assert.Multiple(() =>
        {
            Assert.That(behaving.NotPassed(), Is.Empty, "the same profile without the deviation passes");
            Assert.That(stuck.Elapsed, Is.LessThan(bound), $"the run took {stuck.Elapsed.TotalSeconds:0.0} s; a run that behaves takes {behaving.Elapsed.TotalSeconds:0.0} s and the task timeout is {TaskTimeoutSeconds} s");
            Assert.That(success.Outcome, Is.EqualTo(CheckOutcome.Failed), success.Message);
            Assert.That(success.Message, Does.StartWith("stuck task: ").And.Contain("still 'running' after").And.Not.Contain("stuck task: stuck task"));
            Assert.That(namingTheClause, Has.Count.GreaterThanOrEqualTo(5), string.Join(Environment.NewLine, stuck.NotPassed()));
            Assert.That(stuck.Checks.Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken).Select(c => $"{c.Name}: {c.Message}"), Is.EquivalentTo(new[] { $"The_task_reaches_success: {success.Message}" }), "only RRG-TASK-2 judges a stuck task");
            Assert.That(stuck.Checks.Where(c => c.DurationMs > timeout.TotalMilliseconds / 2).Select(c => c.Name).ToList(), Has.Count.LessThanOrEqualTo(2), "at most the checks sharing the first stuck task wait for it");
            Assert.That(stuck.Checks.Where(c => properties.Contains(c.Name)).Select(c => c.DurationMs), Is.All.LessThan(timeout.TotalMilliseconds), "no property waits per case or per shrink step");
        });
    }

    [Test]
    public async Task With_keepWaitingAfterStuckTask_a_later_check_waits_the_full_task_timeout_again()
    {
        var checks = new[] { "A_successful_call_answers_200_with_a_task_MoRef", "A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once" };

        var failFast = await this.RunAsync("\"simulator\": { \"deviations\": [\"TaskNeverCompletes\"] },", checks);
        var keepWaiting = await this.RunAsync("\"keepWaitingAfterStuckTask\": true, \"simulator\": { \"deviations\": [\"TaskNeverCompletes\"] },", checks);

        var timeout = TaskTimeoutSeconds * 1000;
        Assert.Multiple(() =>
        {
            Assert.That(failFast.Check(checks[1]).DurationMs, Is.LessThan(timeout / 2), "fails fast by default");
            Assert.That(keepWaiting.Check(checks[1]).DurationMs, Is.GreaterThanOrEqualTo(timeout), "waits again when the profile asks");
            Assert.That(keepWaiting.Check(checks[1]).Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(keepWaiting.Check(checks[1]).Message, Does.StartWith("this provider's tasks do not finish (see RRG-TASK-2)").And.Contain(checks[1]), "its own task is named");
        });
    }

    [Test]
    public async Task A_ReverseReplicateGroup_Task_that_never_answers_costs_the_run_about_one_call_timeout()
    {
        var behaving = await this.RunAsync(string.Empty);
        var silent = await this.RunAsync("\"simulator\": { \"transportFaults\": [ { \"operation\": \"ReverseReplicateGroup_Task\", \"kind\": \"hang\" } ] },");

        var bound = behaving.Elapsed + (2.5 * TimeSpan.FromSeconds(CallTimeoutSeconds)) + Margin;
        TestContext.Out.WriteLine($"a run that behaves: {behaving.Elapsed.TotalSeconds:0.0} s; a silent ReverseReplicateGroup_Task: {silent.Elapsed.TotalSeconds:0.0} s (call timeout {CallTimeoutSeconds} s)");
        var first = silent.Checks.Where(c => c.Message?.Contains("per-call timeout", StringComparison.Ordinal) == true).ToList();
        var later = silent.Checks.Where(c => c.Outcome == CheckOutcome.Inconclusive && c.Message?.StartsWith($"ReverseReplicateGroup_Task did not answer within {CallTimeoutSeconds} s earlier in this run (see {first.FirstOrDefault()?.Name})", StringComparison.Ordinal) == true).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(silent.Elapsed, Is.LessThan(bound), $"the run took {silent.Elapsed.TotalSeconds:0.0} s; a run that behaves takes {behaving.Elapsed.TotalSeconds:0.0} s and the call timeout is {CallTimeoutSeconds} s");
            Assert.That(first.Select(c => (c.Name, c.Outcome)), Is.EqualTo(new[] { ("Empty_groupId_is_rejected_with_InvalidArgument", CheckOutcome.Failed) }), "one call waits for the timeout, and its check fails on it");
            Assert.That(later, Has.Count.GreaterThanOrEqualTo(20), string.Join(Environment.NewLine, silent.NotPassed()));
            Assert.That(silent.Checks.Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken).Select(c => c.Name), Is.EqualTo(new[] { "Empty_groupId_is_rejected_with_InvalidArgument" }));
            Assert.That(silent.Check("The_provider_reports_the_Replication_profile").Outcome, Is.EqualTo(CheckOutcome.Passed), "checks that do not call the silent method still run");
        });
    }

    private Task<HostileRun> RunAsync(string extra, IReadOnlyList<string>? only = null) =>
        this.suite.RunAsync($"\"callTimeoutSeconds\": {CallTimeoutSeconds}, \"taskTimeoutSeconds\": {TaskTimeoutSeconds}, {extra}", only);
}
