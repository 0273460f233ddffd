using Harness.Client;
using Harness.Simulator;
using Harness.Tests.Simulator;
using Harness.Wire;

namespace Harness.Tests.Client;

[TestFixture]
public sealed class TaskWaiterTests
{
    [Test]
    public async Task A_task_that_never_finishes_is_reported_stuck_after_the_timeout()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options(Deviation.TaskNeverCompletes));
        var c = await SimulatorFixtures.ConnectAsync(server);
        var task = await c.Client.ReverseReplicateGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-A", "rg-fo-1")]);
        var wait = await new TaskWaiter(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(10)).WaitAsync(c.Client, task.Value!);
        Assert.Multiple(() =>
        {
            Assert.That(wait.Stuck, Is.True);
            Assert.That(wait.Final, Is.Null);
            Assert.That(wait.Describe(), Does.StartWith("stuck task"));
            Assert.That(wait.Observed.Count, Is.InRange(3, 15), "polling backs off rather than spinning");
        });
    }

    [Test]
    public async Task Every_poll_is_recorded_until_the_task_is_terminal()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options() with { TaskPollsToComplete = 3 });
        var c = await SimulatorFixtures.ConnectAsync(server);
        var task = await c.Client.ReverseReplicateGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-A", "rg-fo-1")]);
        var wait = await new TaskWaiter(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(1)).WaitAsync(c.Client, task.Value!);
        Assert.Multiple(() =>
        {
            Assert.That(wait.Observed.Select(i => i.State), Is.EqualTo(new[] { "queued", "running", "running", "success" }));
            Assert.That(wait.Polls.Select(p => p.Operation), Is.EqualTo(Enumerable.Repeat("QuerySmsTaskInfo", 4)), "each info comes with the exchange that returned it");
            Assert.That(wait.LastPoll?.ResponseBody, Does.Contain("success"), "the last poll is the one that showed the final state");
        });
    }

    [Test]
    public async Task A_wait_the_caller_gives_up_ends_at_its_next_poll_without_calling_the_task_stuck()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options(Deviation.TaskNeverCompletes));
        var c = await SimulatorFixtures.ConnectAsync(server);
        var task = await c.Client.ReverseReplicateGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-A", "rg-fo-1")]);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var wait = await new TaskWaiter(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10)).WaitAsync(c.Client, task.Value!, giveUp: giveUp.Token);

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "not the 30 s timeout");
            Assert.That((wait.GaveUp, wait.Stuck, wait.Interrupted, wait.Final), Is.EqualTo((true, false, false, (Harness.Wire.Tasks.SmsTaskInfo?)null)));
            Assert.That(wait.Describe(), Does.StartWith("stopped waiting after").And.EndWith("while the task was still 'running'"));
        });
    }
}
