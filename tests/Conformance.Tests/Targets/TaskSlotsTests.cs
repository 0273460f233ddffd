using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Contracts;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Targets;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Targets;

/// <summary>Politeness: with maxConcurrentTasks = N the suite never keeps more than N tasks in flight.</summary>
[TestFixture]
public sealed class TaskSlotsTests
{
    [TestCase(1)]
    [TestCase(3)]
    public async Task No_more_tasks_than_maxConcurrentTasks_are_in_flight(int limit)
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful() with { TaskPollsToComplete = 3 });
        var target = sim.Target.With(maxConcurrentTasks: limit, taskTimeout: TimeSpan.FromSeconds(5));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => CheckRunner.RunAsync(
            async s =>
            {
                var call = await OperationSteps.CallAsync(s, ReverseCatalogue.Subject, [target.NonexistentGroup("slots", i)]);
                s.Expect(call.IsValue, Defect.Task, "HTTP 200 with a task MoRef", call.Describe());
                await OperationSteps.WaitAsync(s, ReverseCatalogue.Subject, call.Value!);
            },
            target)));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(CheckOutcome.Passed));
            Assert.That(sim.Server.Provider.PeakOpenTasks, Is.InRange(1, limit), "tasks in flight at once");
            Assert.That(target.TaskSlots.CurrentCount, Is.EqualTo(limit), "every slot was given back");
        });
    }

    [Test]
    public async Task A_limit_of_one_makes_the_concurrency_check_inconclusive_not_failed()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        var check = ReverseCatalogue.Checks.Single(c => c.Name == "Two_concurrent_reversals_of_one_group_reverse_it_once");
        var result = await check.ExecuteAsync(sim.Target.With(maxConcurrentTasks: 1, taskTimeout: TimeSpan.FromSeconds(5)));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(result.Reason, Does.Contain("maxConcurrentTasks"));
        });
    }
}
