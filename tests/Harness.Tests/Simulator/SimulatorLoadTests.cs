using System.Diagnostics;
using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Tasks;

namespace Harness.Tests.Simulator;

/// <summary>A bounded load on loopback: the simulator serves 50 concurrent sessions and 200 concurrent tasks without an error.</summary>
[TestFixture]
public sealed class SimulatorLoadTests
{
    [Test]
    public async Task Fifty_concurrent_sessions_are_served_without_an_error()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var connection = await SimulatorFixtures.ConnectAsync(server);
            var query = await connection.Client.QueryReplicationGroupAsync(connection.Provider, null);
            return (connection.Client.Transport.SessionId, query.Kind);
        }));
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Kind), Is.All.EqualTo(OutcomeKind.Value));
            Assert.That(answers.Select(a => a.SessionId).Distinct().Count(), Is.EqualTo(50), "fifty distinct sessions");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task Two_hundred_concurrent_tasks_all_complete_without_an_error()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options() with { BatchLimit = null });
        var connection = await SimulatorFixtures.ConnectAsync(server);
        var client = connection.Client;
        var clock = Stopwatch.StartNew();
        var started = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.ReverseReplicateGroupAsync(connection.Provider, [ReplicationGroupId.Of("fd-load", $"rg-load-{i}")])));
        Assert.That(started.Select(s => s.Kind), Is.All.EqualTo(OutcomeKind.Value), "every call starts a task");

        var peak = server.Provider.PeakOpenTasks;
        var waiter = new TaskWaiter(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(5));
        var ended = await Task.WhenAll(started.Select(s => waiter.WaitAsync(client, s.Value!)));
        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.EqualTo(200), "two hundred tasks were open at once");
            Assert.That(ended.Select(w => w.Final?.State), Is.All.EqualTo(SmsTaskState.Success));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });
    }
}
