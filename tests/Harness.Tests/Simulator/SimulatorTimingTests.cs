using System.Diagnostics;
using Harness.Simulator;
using Harness.Wire.Faults;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>Latency, task duration and progress: the simulator's time-related knobs.</summary>
[TestFixture]
public sealed class SimulatorTimingTests
{
    [Test]
    public async Task Every_response_is_delayed_by_the_configured_latency()
    {
        using var server = SimulatedProviderServer.Start(Options() with { LatencyMilliseconds = 150 });
        var c = await ConnectAsync(server);

        var clock = Stopwatch.StartNew();
        var result = await c.Client.QueryReplicationGroupAsync(c.Provider, null);
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValue, Is.True, result.Describe());
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(140)));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public async Task Without_latency_a_call_answers_quickly()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var clock = Stopwatch.StartNew();
        await c.Client.QueryReplicationGroupAsync(c.Provider, null);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(140)));
    }

    [Test]
    public async Task Latency_is_waited_out_outside_the_model_lock_so_concurrent_calls_overlap()
    {
        using var server = SimulatedProviderServer.Start(Options() with { LatencyMilliseconds = 300 });
        var c = await ConnectAsync(server);

        var clock = Stopwatch.StartNew();
        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => c.Client.QueryReplicationGroupAsync(c.Provider, null)));
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(r => r.IsValue), Is.All.True);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(900)), "four calls of 300 ms each ran one after the other");
        });
    }

    [Test]
    public async Task A_task_stays_running_until_its_duration_has_passed_even_after_enough_polls()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 0, TaskDurationMilliseconds = 300 });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var early = await PollAsync(c, task, 2);
        await Task.Delay(350);
        var late = await PollAsync(c, task, 1);

        Assert.Multiple(() =>
        {
            Assert.That(early.Select(i => i.State), Is.All.EqualTo(SmsTaskState.Running));
            Assert.That(late.Single().State, Is.EqualTo(SmsTaskState.Success));
        });
    }

    [Test]
    public async Task A_task_whose_duration_has_passed_still_needs_its_polls()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 2, TaskDurationMilliseconds = 1 });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        await Task.Delay(20);

        var polls = await PollAsync(c, task, 3);

        Assert.That(polls.Select(i => i.State), Is.EqualTo(new[] { SmsTaskState.Queued, SmsTaskState.Running, SmsTaskState.Success }));
    }

    [Test]
    public async Task Progress_rises_by_100_over_progressSteps_per_running_poll_capped_at_99_then_100()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 6, ProgressSteps = 4 });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 7);

        Assert.Multiple(() =>
        {
            Assert.That(polls.Select(i => i.State), Is.EqualTo(new[] { "queued", "running", "running", "running", "running", "running", "success" }));
            Assert.That(polls.Select(i => i.Progress), Is.EqualTo(new int?[] { 0, 25, 50, 75, 99, 99, 100 }));
        });
    }

    [Test]
    public async Task Default_progress_steps_report_50_on_the_running_poll()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 2 });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 3);

        Assert.That(polls.Select(i => i.Progress), Is.EqualTo(new int?[] { 0, 50, 100 }));
    }

    [Test]
    public async Task A_single_progress_step_reports_99_while_running()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 1, ProgressSteps = 1 });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 2);

        Assert.That(polls.Select(i => i.Progress), Is.EqualTo(new int?[] { 99, 100 }));
    }

    [Test]
    public async Task A_task_that_ends_in_error_keeps_its_last_progress()
    {
        var faults = new[] { new SimulatedFault { Fault = "SmsReplicationFault", Route = FaultRoute.Task } };
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 3, ProgressSteps = 10, Faults = faults });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 4);

        Assert.Multiple(() =>
        {
            Assert.That(polls.Select(i => i.Progress), Is.EqualTo(new int?[] { 0, 10, 20, 20 }));
            Assert.That(polls[^1].State, Is.EqualTo(SmsTaskState.Error));
            Assert.That(polls[^1].Error, Is.TypeOf<SmsReplicationFault>());
        });
    }
}
