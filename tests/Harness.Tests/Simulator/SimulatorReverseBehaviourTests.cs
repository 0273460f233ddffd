using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>The faithful simulator's ReverseReplicateGroup_Task: malformed bodies, re-reversal, concurrency and repeats.</summary>
[TestFixture]
public sealed class SimulatorReverseBehaviourTests
{
    private const string Entry = "{\"_typeName\":\"ReplicationGroupId\",\"faultDomainId\":{\"_typeName\":\"FaultDomainId\",\"id\":\"fd-A\"},\"deviceGroupId\":{\"_typeName\":\"DeviceGroupId\",\"id\":\"rg-fo-1\"}}";

    /// <summary>Bodies the provider must refuse with InvalidArgument naming groupId.</summary>
    public static IEnumerable<TestCaseData> MalformedBodies()
    {
        yield return new TestCaseData("{\"groupId\":\"fd-A/rg-fo-1\"}").SetName("A_groupId_that_is_a_string_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":42}").SetName("A_groupId_that_is_a_number_is_InvalidArgument");
        yield return new TestCaseData($"{{\"groupId\":{Entry}}}").SetName("A_groupId_that_is_a_single_object_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":true}").SetName("A_groupId_that_is_a_boolean_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[\"fd-A/rg-fo-1\"]}").SetName("A_groupId_entry_that_is_not_an_object_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[{\"deviceGroupId\":{\"id\":\"rg-fo-1\"}}]}").SetName("A_groupId_entry_without_faultDomainId_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[{\"faultDomainId\":{\"id\":\"fd-A\"}}]}").SetName("A_groupId_entry_without_deviceGroupId_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[{\"faultDomainId\":{\"id\":7},\"deviceGroupId\":{\"id\":\"rg-fo-1\"}}]}").SetName("A_groupId_entry_whose_faultDomainId_id_is_a_number_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[{\"faultDomainId\":\"fd-A\",\"deviceGroupId\":\"rg-fo-1\"}]}").SetName("A_groupId_entry_with_bare_string_ids_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[" + Entry.Replace("\"_typeName\":\"ReplicationGroupId\"", "\"_typeName\":\"FaultDomainId\"", StringComparison.Ordinal) + "]}").SetName("A_groupId_entry_typed_as_another_type_is_InvalidArgument");
        yield return new TestCaseData("{\"groupId\":[" + Entry.Replace("\"_typeName\":\"ReplicationGroupId\"", "\"_typeName\":7", StringComparison.Ordinal) + "]}").SetName("A_groupId_entry_whose_type_name_is_not_a_string_is_InvalidArgument");
    }

    /// <summary>The provider model's own handling, behind a lenient front (requestShapeFault none).</summary>
    [TestCaseSource(nameof(MalformedBodies))]
    public async Task Malformed_body(string body)
    {
        using var server = SimulatedProviderServer.Start(Options() with { RequestShapeFault = RequestShapeFault.None });
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, body);

        Assert.Multiple(() =>
        {
            Assert.That(result.Call.Status, Is.EqualTo(500));
            Assert.That(result.Fault, Is.TypeOf<InvalidArgument>(), result.Describe());
            Assert.That((result.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"));
            Assert.That(result.Fault?.FaultMessage?.Single().Key, Is.EqualTo("com.vmware.sms.fault.InvalidArgument"));
            Assert.That(server.Provider.Groups, Is.EqualTo(before));
        });
    }

    /// <summary>The strict front, as vCenter's deserializer: a body that breaks the parameters never reaches the model.</summary>
    [TestCase("{\"groupId\":42}", "$.groupId")]
    [TestCase("{\"groupIds\":[]}", "$.groupIds")]
    [TestCase("{\"groupId\":[{\"faultDomainId\":{\"id\":\"fd-A\"}}]}", "$.groupId[0].deviceGroupId")]
    [TestCase("{\"groupId\":[{\"_typeName\":\"ReplicationGroupId\",\"key\":\"fd-A/rg-fo-1\",\"faultDomainId\":{\"id\":\"fd-A\"},\"deviceGroupId\":{\"id\":\"rg-fo-1\"}}]}", "$.groupId[0].key")]
    public async Task By_default_a_body_that_breaks_the_parameters_is_InvalidRequest_naming_the_path(string body, string path)
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        var before = server.Provider.Groups;

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, body);

        Assert.Multiple(() =>
        {
            Assert.That(result.Fault, Is.TypeOf<InvalidRequest>(), result.Describe());
            Assert.That(result.Fault?.FaultMessage?.Single().Message, Does.Contain(path));
            Assert.That(server.Provider.Groups, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Set_to_InvalidArgument_the_strict_front_names_the_parameter()
    {
        using var server = SimulatedProviderServer.Start(Options() with { RequestShapeFault = RequestShapeFault.InvalidArgument });
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "{\"groupId\":\"fd-A/rg-fo-1\"}");

        Assert.That((result.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), result.Describe());
    }

    [Test]
    public async Task The_strict_front_lets_a_conforming_body_without_type_names_through()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var call = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "{\"_typeName\":\"ReverseReplicateGroupRequestType\",\"groupId\":[{\"faultDomainId\":{\"id\":\"fd-A\"},\"deviceGroupId\":{\"id\":\"rg-fo-1\"}}]}");

        Assert.That(call.Value?.Type, Is.EqualTo("SmsTask"), call.Describe());
    }

    [TestCase("[1,2]")]
    [TestCase("\"groupId\"")]
    [TestCase("{not json")]
    public async Task A_body_that_is_not_a_JSON_object_is_InvalidRequest(string body)
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, body);

        Assert.That(result.Fault, Is.TypeOf<InvalidRequest>(), result.Describe());
    }

    [TestCase("{}")]
    [TestCase("{\"groupId\":null}")]
    [TestCase("{\"groupId\":[]}")]
    public async Task An_absent_null_or_empty_groupId_stays_InvalidArgument(string body)
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, body);

        Assert.That((result.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), result.Describe());
    }

    [Test]
    public async Task Behind_a_lenient_front_unknown_fields_and_a_root_type_name_are_ignored()
    {
        using var server = SimulatedProviderServer.Start(Options() with { RequestShapeFault = RequestShapeFault.None });
        var c = await ConnectAsync(server);
        var entry = Entry.Replace("{\"_typeName\"", "{\"vendorHint\":{\"x\":1},\"_typeName\"", StringComparison.Ordinal);
        var body = $"{{\"_typeName\":\"ReverseReplicateGroupRequestType\",\"extra\":[1,2],\"groupId\":[{entry}]}}";

        var call = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, body);
        Assert.That(call.IsValue, Is.True, call.Describe());
        var info = await WaitAsync(c, call.Value!);

        Assert.That(Results(info.Result).Single(), Is.TypeOf<ReverseReplicationSuccessResult>());
    }

    [Test]
    public async Task An_entry_without_a_type_name_is_accepted()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var call = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "{\"groupId\":[{\"faultDomainId\":{\"id\":\"fd-A\"},\"deviceGroupId\":{\"id\":\"rg-fo-1\"}}]}");

        Assert.That(call.Value?.Type, Is.EqualTo("SmsTask"), call.Describe());
    }

    [Test]
    public async Task Reversing_a_reversed_group_by_its_old_id_is_an_AlreadyDone_success_naming_the_existing_new_group()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        var first = (ReverseReplicationSuccessResult)(await ReverseResultsAsync(c, FailedOver1)).Single();
        var afterFirst = server.Provider.Groups;

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.TypeOf<ReverseReplicationSuccessResult>());
            var success = (ReverseReplicationSuccessResult)again;
            Assert.That(success.GroupId?.Key, Is.EqualTo(FailedOver1.Key));
            Assert.That(success.NewGroupId?.Id, Is.EqualTo(first.NewGroupId!.Id));
            Assert.That(success.Warning?.Select(w => w.TypeName), Is.EqualTo(new[] { "AlreadyDone" }));
            Assert.That(first.Warning, Is.Null, "the first reversal carries no warning");
            Assert.That(server.Provider.Groups, Is.EqualTo(afterFirst), "nothing changed");
        });
    }

    [Test]
    public async Task Reversing_a_reversed_group_by_its_new_id_is_an_AlreadyDone_success_naming_itself()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        var first = (ReverseReplicationSuccessResult)(await ReverseResultsAsync(c, FailedOver1)).Single();
        var newId = ReplicationGroupId.Of("fd-A", first.NewGroupId!.Id!);
        var afterFirst = server.Provider.Groups;

        var again = (await ReverseResultsAsync(c, newId)).Single() as ReverseReplicationSuccessResult;

        Assert.Multiple(() =>
        {
            Assert.That(again?.GroupId?.Key, Is.EqualTo(newId.Key));
            Assert.That(again?.NewGroupId?.Id, Is.EqualTo(first.NewGroupId.Id));
            Assert.That(again?.Warning?.Single(), Is.TypeOf<AlreadyDone>());
            Assert.That(server.Provider.Groups, Is.EqualTo(afterFirst));
        });
    }

    [Test]
    public async Task Without_new_ids_a_re_reversal_is_still_AlreadyDone_with_the_same_id()
    {
        using var server = SimulatedProviderServer.Start(Options() with { NewDeviceGroupIdOnReverse = false });
        var c = await ConnectAsync(server);
        await ReverseResultsAsync(c, FailedOver1);

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single() as ReverseReplicationSuccessResult;

        Assert.Multiple(() =>
        {
            Assert.That(again?.NewGroupId?.Id, Is.EqualTo("rg-fo-1"));
            Assert.That(again?.Warning?.Single(), Is.TypeOf<AlreadyDone>());
        });
    }

    [Test]
    public async Task Reset_forgets_the_reversals()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        await ReverseResultsAsync(c, FailedOver1);
        server.Provider.Reset();

        var again = (await ReverseResultsAsync(c, FailedOver1)).Single() as ReverseReplicationSuccessResult;

        Assert.That(again?.Warning, Is.Null);
    }

    [Test]
    public async Task Two_tasks_for_one_failedover_group_reverse_it_once_and_the_later_one_reports_AlreadyDone()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 2 });
        var c = await ConnectAsync(server);
        var firstTask = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        var secondTask = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var first = (ReverseReplicationSuccessResult)Results((await WaitAsync(c, firstTask)).Result).Single();
        var second = Results((await WaitAsync(c, secondTask)).Result).Single() as ReverseReplicationSuccessResult;

        Assert.Multiple(() =>
        {
            Assert.That(first.Warning, Is.Null);
            Assert.That(second?.NewGroupId?.Id, Is.EqualTo(first.NewGroupId!.Id));
            Assert.That(second?.Warning?.Single(), Is.TypeOf<AlreadyDone>());
            Assert.That(Descendants(server, FailedOver1).Select(g => g.DeviceGroupId), Is.EqualTo(new[] { first.NewGroupId.Id }), "exactly one new group");
        });
    }

    [Test]
    public async Task The_task_that_completes_first_performs_the_reversal()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TaskPollsToComplete = 2 });
        var c = await ConnectAsync(server);
        var earlier = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        var later = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var laterResult = Results((await WaitAsync(c, later)).Result).Single();
        var earlierResult = Results((await WaitAsync(c, earlier)).Result).Single();

        Assert.Multiple(() =>
        {
            Assert.That(laterResult.Warning, Is.Null, "the later-created task completed first and reversed the group");
            Assert.That(earlierResult.Warning?.Single(), Is.TypeOf<AlreadyDone>());
        });
    }

    [Test]
    public async Task A_group_listed_twice_in_one_call_is_reversed_once_and_the_repeat_gets_DuplicateEntry()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var results = await ReverseResultsAsync(c, FailedOver1, FailedOver1);

        Assert.Multiple(() =>
        {
            Assert.That(results[0], Is.TypeOf<ReverseReplicationSuccessResult>());
            Assert.That((results[1] as GroupErrorResult)?.Error?.Single(), Is.TypeOf<DuplicateEntry>());
            Assert.That(Descendants(server, FailedOver1), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task An_unknown_group_gets_a_per_group_NotFound()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var results = await ReverseResultsAsync(c, FailedOver1, ReplicationGroupId.Of("fd-A", "rg-nope"));

        Assert.That((results[1] as GroupErrorResult)?.Error?.Single(), Is.TypeOf<NotFound>());
    }

    [Test]
    public async Task Group_errors_carry_a_keyed_fault_message_and_no_fault_cause()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var error = ((GroupErrorResult)(await ReverseResultsAsync(c, Source1)).Single()).Error!.Single();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf<InvalidReplicationState>());
            Assert.That(error.FaultMessage?.Single().Key, Is.EqualTo("com.vmware.sms.fault.InvalidReplicationState"));
            Assert.That(error.FaultCause, Is.Null);
        });
    }

    [Test]
    public async Task The_default_provider_reports_the_Replication_profile_and_a_task_completion_after_its_start()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var info = await ReverseAsync(c, FailedOver1);

        Assert.Multiple(() =>
        {
            Assert.That(c.Info?.SupportedProviderProfile, Does.Contain("Replication"));
            Assert.That(info.CompletionTime, Is.GreaterThanOrEqualTo(info.StartTime!.Value));
            Assert.That(info.Error, Is.Null);
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
        });
    }
}
