using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>
/// The readings of unconfirmed points the simulator can take (simulator.perGroupErrors, simulator.repeats): each one
/// faithful, and a call refused as a whole changes nothing.
/// </summary>
[TestFixture]
public sealed class SimulatorReadingTests
{
    private static readonly ReplicationGroupId Unknown = ReplicationGroupId.Of("fd-A", "rg-nope");

    [TestCase(PerGroupErrorReading.GroupErrorResult)]
    [TestCase(PerGroupErrorReading.TaskError)]
    [TestCase(PerGroupErrorReading.WholeCallFault)]
    public async Task A_call_of_failedover_groups_only_is_reversed_under_every_reading(PerGroupErrorReading reading)
    {
        using var server = SimulatedProviderServer.Start(Options() with { PerGroupErrors = reading });
        var c = await ConnectAsync(server);

        var results = await ReverseResultsAsync(c, FailedOver1, FailedOver2);

        Assert.That(results, Has.All.TypeOf<ReverseReplicationSuccessResult>());
    }

    [Test]
    public async Task Under_taskError_a_group_in_the_wrong_state_fails_the_task_with_InvalidReplicationState_and_nothing_changes()
    {
        using var server = SimulatedProviderServer.Start(Options() with { PerGroupErrors = PerGroupErrorReading.TaskError });
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var info = await ReverseAsync(c, FailedOver1, Source1);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Error));
            Assert.That(info.Error, Is.TypeOf<InvalidReplicationState>());
            Assert.That((info.Error as InvalidReplicationState)?.CurrentState, Is.EqualTo("SOURCE"));
            Assert.That(info.Error?.FaultMessage?.Single().Key, Is.EqualTo("com.vmware.sms.fault.InvalidReplicationState"));
            Assert.That(info.Result, Is.Null, "no per-group results");
            Assert.That(server.Provider.Groups, Is.EqualTo(before), "atomic: the FAILEDOVER group of the refused call is not reversed");
        });
    }

    [TestCase(PerGroupErrorReading.TaskError)]
    [TestCase(PerGroupErrorReading.WholeCallFault)]
    public async Task An_unknown_or_repeated_group_refuses_the_whole_call_with_InvalidArgument_naming_groupId(PerGroupErrorReading reading)
    {
        using var server = SimulatedProviderServer.Start(Options() with { PerGroupErrors = reading });
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var unknown = await RefusalAsync(c, reading, FailedOver1, Unknown);
        var repeated = await RefusalAsync(c, reading, FailedOver1, FailedOver1);

        Assert.Multiple(() =>
        {
            Assert.That((unknown as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), unknown?.TypeName);
            Assert.That((repeated as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), repeated?.TypeName);
            Assert.That(server.Provider.Groups, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Under_wholeCallFault_a_group_in_the_wrong_state_is_HTTP_500_InvalidReplicationState_and_starts_no_task()
    {
        using var server = SimulatedProviderServer.Start(Options() with { PerGroupErrors = PerGroupErrorReading.WholeCallFault });
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var call = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1, Source1]);

        Assert.Multiple(() =>
        {
            Assert.That(call.Call.Status, Is.EqualTo(500));
            Assert.That(call.Fault, Is.TypeOf<InvalidReplicationState>(), call.Describe());
            Assert.That(server.Provider.Groups, Is.EqualTo(before));
            Assert.That(server.Provider.PeakOpenTasks, Is.Zero, "no task was started");
        });
    }

    [Test]
    public async Task With_repeats_refused_a_reversed_group_is_refused_by_its_old_and_its_new_id_and_nothing_changes()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Repeats = RepeatReading.Refused });
        var c = await ConnectAsync(server);
        var first = (ReverseReplicationSuccessResult)(await ReverseResultsAsync(c, FailedOver1)).Single();
        var afterFirst = server.Provider.Groups;

        var byOld = (await ReverseResultsAsync(c, FailedOver1)).Single() as GroupErrorResult;
        var byNew = (await ReverseResultsAsync(c, ReplicationGroupId.Of("fd-A", first.NewGroupId!.Id!))).Single() as GroupErrorResult;

        Assert.Multiple(() =>
        {
            Assert.That(byOld?.Error?.Single(), Is.TypeOf<NotFound>(), "the old id names no group any more");
            Assert.That(byNew?.Error?.Single(), Is.TypeOf<InvalidReplicationState>(), "the new group is SOURCE");
            Assert.That(server.Provider.Groups, Is.EqualTo(afterFirst));
        });
    }

    [Test]
    public async Task Under_wholeCallFault_a_repeat_that_became_refusable_after_the_call_was_accepted_fails_its_task()
    {
        using var server = SimulatedProviderServer.Start(Options() with { PerGroupErrors = PerGroupErrorReading.WholeCallFault, Repeats = RepeatReading.Refused, TaskPollsToComplete = 2 });
        var c = await ConnectAsync(server);
        var earlier = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        var later = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var first = await WaitAsync(c, earlier);
        var second = await WaitAsync(c, later);

        Assert.Multiple(() =>
        {
            Assert.That(first.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(second.State, Is.EqualTo(SmsTaskState.Error), "the group was reversed by the other task meanwhile");
            Assert.That((second.Error as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), second.Error?.TypeName);
            Assert.That(Descendants(server, FailedOver1), Has.Count.EqualTo(1), "reversed once");
        });
    }

    /// <summary>The fault that refused the whole call: the HTTP 500 fault, or the task's error.</summary>
    private static async Task<MethodFault?> RefusalAsync(ProviderConnection c, PerGroupErrorReading reading, params ReplicationGroupId[] groups)
    {
        var call = await c.Client.ReverseReplicateGroupAsync(c.Provider, groups);
        if (reading == PerGroupErrorReading.WholeCallFault)
        {
            Assert.That(call.Call.Status, Is.EqualTo(500), call.Describe());
            return call.Fault;
        }

        Assert.That(call.IsValue, Is.True, call.Describe());
        var info = await WaitAsync(c, call.Value!);
        Assert.That(info.State, Is.EqualTo(SmsTaskState.Error));
        return info.Error;
    }
}
