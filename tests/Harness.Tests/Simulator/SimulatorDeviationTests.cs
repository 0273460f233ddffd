using System.Text.Json;
using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>Each deliberate contract break is observable on the wire (and only that break).</summary>
[TestFixture]
public sealed class SimulatorDeviationTests
{
    [Test]
    public async Task TaskGoesBackToRunning_shows_running_after_the_first_success_then_success_again()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.TaskGoesBackToRunning));
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 4);

        Assert.That(polls.Select(p => p.State), Is.EqualTo(new[] { "running", "success", "running", "success" }));
    }

    [TestCase(1, new[] { "running", "success" }, new[] { 60, 30 })]
    [TestCase(3, new[] { "queued", "running", "running", "success" }, new[] { 0, 60, 30, 100 })]
    public async Task ProgressDecreases_reports_60_then_30(int polls, string[] states, int[] progress)
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ProgressDecreases) with { TaskPollsToComplete = polls });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var infos = await PollAsync(c, task, states.Length);

        Assert.Multiple(() =>
        {
            Assert.That(infos.Select(p => p.State), Is.EqualTo(states));
            Assert.That(infos.Select(p => p.Progress), Is.EqualTo(progress.Select(p => (int?)p)));
        });
    }

    [Test]
    public async Task ProgressOutOfRange_reports_150_while_running()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ProgressOutOfRange));
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var polls = await PollAsync(c, task, 2);

        Assert.That(polls.Select(p => p.Progress), Is.EqualTo(new int?[] { 150, 100 }));
    }

    [Test]
    public async Task CompletionBeforeStart_puts_completionTime_60_seconds_before_startTime()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.CompletionBeforeStart));
        var c = await ConnectAsync(server);

        var info = await ReverseAsync(c, FailedOver1);

        Assert.That(info.CompletionTime, Is.EqualTo(info.StartTime!.Value.AddSeconds(-60)));
    }

    [Test]
    public async Task TaskErrorWithoutFault_ends_the_task_in_error_with_no_error_and_changes_nothing()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.TaskErrorWithoutFault));
        var c = await ConnectAsync(server);

        var info = await ReverseAsync(c, FailedOver1);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Error));
            Assert.That(info.Error, Is.Null);
            Assert.That(Descendants(server, FailedOver1).Single().DeviceGroupId, Is.EqualTo("rg-fo-1"));
        });
    }

    [Test]
    public async Task ErrorSetOnSuccess_gives_a_successful_task_an_error_too()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ErrorSetOnSuccess));
        var c = await ConnectAsync(server);

        var info = await ReverseAsync(c, FailedOver1);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(info.Error, Is.TypeOf<SmsReplicationFault>());
            Assert.That(Results(info.Result).Single(), Is.TypeOf<ReverseReplicationSuccessResult>());
        });
    }

    [Test]
    public async Task TaskResultWrongType_boxes_the_result_as_an_ArrayOfString_in_the_info_and_the_task_result()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.TaskResultWrongType));
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var info = await WaitAsync(c, task);
        var result = await c.Client.QuerySmsTaskResultAsync(task);

        Assert.Multiple(() =>
        {
            Assert.That((info.Result as BoxedArray)?.TypeName, Is.EqualTo("ArrayOfString"));
            Assert.That((info.Result as BoxedArray)?.Value.GetRawText(), Is.EqualTo("[\"x\"]"));
            Assert.That((result.Value as BoxedArray)?.TypeName, Is.EqualTo("ArrayOfString"));
            Assert.That(Descendants(server, FailedOver1).Single().State, Is.EqualTo("SOURCE"), "the group was still reversed");
        });
    }

    [Test]
    public async Task TaskResultDisallowedSubtype_replaces_the_first_result_with_a_FailoverSuccessResult()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.TaskResultDisallowedSubtype));
        var c = await ConnectAsync(server);

        var results = await ReverseResultsAsync(c, FailedOver1, FailedOver2);

        Assert.Multiple(() =>
        {
            Assert.That(results[0], Is.TypeOf<FailoverSuccessResult>());
            Assert.That(results[0].GroupId?.Key, Is.EqualTo(FailedOver1.Key));
            Assert.That((results[0] as FailoverSuccessResult)?.NewState, Is.EqualTo("SOURCE"));
            Assert.That(results[1], Is.TypeOf<ReverseReplicationSuccessResult>());
        });
    }

    [Test]
    public async Task QuerySmsTaskResultDisagrees_drops_the_last_entry_from_QuerySmsTaskResult_only()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.QuerySmsTaskResultDisagrees));
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1, FailedOver2])).Value!;

        var info = await WaitAsync(c, task);
        var result = await c.Client.QuerySmsTaskResultAsync(task);

        Assert.Multiple(() =>
        {
            Assert.That(Results(info.Result).Select(r => r.GroupId?.Key), Is.EqualTo(new[] { FailedOver1.Key, FailedOver2.Key }));
            Assert.That(Results(result.Value).Select(r => r.GroupId?.Key), Is.EqualTo(new[] { FailedOver1.Key }));
        });
    }

    [Test]
    public async Task Without_deviations_QuerySmsTaskResult_agrees_with_the_info_result()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1, FailedOver2])).Value!;

        var info = await WaitAsync(c, task);
        var result = await c.Client.QuerySmsTaskResultAsync(task);

        Assert.That((result.Value as BoxedArray)?.Value.GetRawText(), Is.EqualTo((info.Result as BoxedArray)?.Value.GetRawText()));
    }

    [Test]
    public async Task EmptyErrorList_sends_every_GroupErrorResult_with_an_empty_error_list()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.EmptyErrorList));
        var c = await ConnectAsync(server);

        var reverse = await ReverseResultsAsync(c, Source1);
        var query = await c.Client.QueryReplicationGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-A", "rg-nope")]);

        Assert.Multiple(() =>
        {
            Assert.That((reverse.Single() as GroupErrorResult)?.Error, Is.Not.Null.And.Empty);
            Assert.That((query.Value?.Single() as GroupErrorResult)?.Error, Is.Not.Null.And.Empty);
        });
    }

    [Test]
    public async Task AlreadyDoneAsError_answers_a_re_reversal_with_a_GroupErrorResult_holding_AlreadyDone()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.AlreadyDoneAsError));
        var c = await ConnectAsync(server);
        await ReverseResultsAsync(c, FailedOver1);

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.TypeOf<GroupErrorResult>());
            Assert.That((again as GroupErrorResult)?.Error?.Single(), Is.TypeOf<AlreadyDone>());
            Assert.That(Descendants(server, FailedOver1), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task DuplicateEntryReversedTwice_reverses_a_repeated_group_again_into_a_second_new_group()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.DuplicateEntryReversedTwice));
        var c = await ConnectAsync(server);

        var results = await ReverseResultsAsync(c, FailedOver1, FailedOver1);

        var newIds = results.OfType<ReverseReplicationSuccessResult>().Select(r => r.NewGroupId?.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(newIds, Has.Count.EqualTo(2).And.Unique);
            Assert.That(Descendants(server, FailedOver1).Select(g => g.DeviceGroupId), Is.EquivalentTo(newIds));
        });
    }

    [Test]
    public async Task ReverseAgainOnRepeat_reverses_an_already_reversed_group_into_another_new_group()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ReverseAgainOnRepeat));
        var c = await ConnectAsync(server);
        var first = (ReverseReplicationSuccessResult)(await ReverseResultsAsync(c, FailedOver1)).Single();

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single() as ReverseReplicationSuccessResult;

        Assert.Multiple(() =>
        {
            Assert.That(again?.Warning, Is.Null);
            Assert.That(again?.NewGroupId?.Id, Is.Not.EqualTo(first.NewGroupId!.Id));
            Assert.That(Descendants(server, FailedOver1), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ConcurrentDoubleReverse_lets_two_concurrent_tasks_both_reverse_the_group()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ConcurrentDoubleReverse));
        var c = await ConnectAsync(server);
        var firstTask = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        var secondTask = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var first = Results((await WaitAsync(c, firstTask)).Result).Single() as ReverseReplicationSuccessResult;
        var second = Results((await WaitAsync(c, secondTask)).Result).Single() as ReverseReplicationSuccessResult;

        Assert.Multiple(() =>
        {
            Assert.That(second?.Warning, Is.Null);
            Assert.That(second?.NewGroupId?.Id, Is.Not.EqualTo(first?.NewGroupId?.Id));
            Assert.That(Descendants(server, FailedOver1), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ConcurrentDoubleReverse_leaves_a_later_re_reversal_AlreadyDone()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.ConcurrentDoubleReverse));
        var c = await ConnectAsync(server);
        await ReverseResultsAsync(c, FailedOver1);

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single();

        Assert.That(again.Warning?.Single(), Is.TypeOf<AlreadyDone>());
    }

    [Test]
    public async Task UndeclaredWholeCallFault_fails_a_call_naming_an_unknown_group_with_NotFound()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.UndeclaredWholeCallFault));
        var c = await ConnectAsync(server);

        var unknown = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1, ReplicationGroupId.Of("fd-A", "rg-nope")]);
        var known = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Call.Status, Is.EqualTo(500));
            Assert.That(unknown.Fault, Is.TypeOf<NotFound>());
            Assert.That(known.Value?.Type, Is.EqualTo("SmsTask"));
        });
    }

    [Test]
    public async Task InvalidPropertyWrong_names_pitName_in_InvalidArgument()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.InvalidPropertyWrong));
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);

        Assert.That((result.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("pitName"));
    }

    [Test]
    public async Task MalformedFaultMessage_sends_fault_messages_without_a_key()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.MalformedFaultMessage));
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);

        using var body = JsonDocument.Parse(result.Call.ResponseBody!);
        var message = body.RootElement.GetProperty("faultMessage")[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.TryGetProperty("key", out _), Is.False);
            Assert.That(message.GetProperty("message").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task FaultCauseNotAFault_gives_every_fault_a_cause_without_a_type_name()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.FaultCauseNotAFault));
        var c = await ConnectAsync(server);

        var whole = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);
        var perGroup = ((GroupErrorResult)(await ReverseResultsAsync(c, Source1)).Single()).Error!.Single();

        using var body = JsonDocument.Parse(whole.Call.ResponseBody!);
        Assert.Multiple(() =>
        {
            Assert.That(body.RootElement.GetProperty("faultCause").GetRawText(), Is.EqualTo("{\"message\":\"x\"}"));
            Assert.That(perGroup.FaultCause, Is.TypeOf<UnrecognizedFault>());
            Assert.That(perGroup.FaultCause?.TypeName, Is.Null);
        });
    }

    [Test]
    public async Task A_TooMany_maxBatchSize_of_0_is_reported_while_the_limit_of_8_still_holds()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TooManyMaxBatchSize = 0 });
        var c = await ConnectAsync(server);

        var nine = await c.Client.ReverseReplicateGroupAsync(c.Provider, Enumerable.Repeat(FailedOver1, 9).ToList());
        var eight = await c.Client.ReverseReplicateGroupAsync(c.Provider, Enumerable.Repeat(FailedOver1, 8).ToList());

        Assert.Multiple(() =>
        {
            Assert.That((nine.Fault as TooMany)?.MaxBatchSize, Is.EqualTo(0));
            Assert.That(eight.IsValue, Is.True, eight.Describe());
        });
    }

    [Test]
    public async Task InactiveProviderBadMapping_sends_an_active_provider_MoRef_with_an_empty_value()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.InactiveProviderBadMapping) with { Faults = [new SimulatedFault { Fault = "InactiveProvider" }] });
        var c = await ConnectAsync(server);

        var fault = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Fault as InactiveProvider;

        Assert.That(fault?.Mapping?.Single().ActiveProvider?.Value, Is.Empty);
    }

    [Test]
    public async Task MalformedBodyAccepted_starts_a_task_without_results_for_a_malformed_body()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.MalformedBodyAccepted));
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var call = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "{\"groupId\":\"fd-A/rg-fo-1\"}");
        Assert.That(call.Value?.Type, Is.EqualTo("SmsTask"), call.Describe());
        var info = await WaitAsync(c, call.Value!);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(Results(info.Result), Is.Empty);
            Assert.That(server.Provider.Groups, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task MalformedBodyHtmlError_answers_a_malformed_body_with_an_HTML_page_and_HTTP_500()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.MalformedBodyHtmlError));
        var c = await ConnectAsync(server);

        var malformed = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "{\"groupId\":42}");
        var empty = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);

        Assert.Multiple(() =>
        {
            Assert.That(malformed.Call.Status, Is.EqualTo(500));
            Assert.That(malformed.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation));
            Assert.That(malformed.Call.ResponseHeaders["Content-Type"], Does.StartWith("text/html"));
            Assert.That(empty.Fault, Is.TypeOf<InvalidArgument>(), "an empty groupId is still a JSON fault");
        });
    }

    [Test]
    public async Task NoReplicationProfile_leaves_Replication_out_of_the_supported_profiles()
    {
        using var server = SimulatedProviderServer.Start(Options(Deviation.NoReplicationProfile));
        var c = await ConnectAsync(server, providerId: SimulatedProvider.ProviderMoId);

        Assert.That(c.Info?.SupportedProviderProfile, Is.EqualTo(new[] { "ProfileBasedManagement" }));
    }
}
