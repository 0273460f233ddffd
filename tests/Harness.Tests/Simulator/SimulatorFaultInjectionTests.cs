using System.Text.Json;
using Harness.Client;
using Harness.Simulator;
using Harness.Wire.Faults;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>Injected faults: which calls get them, by which route, and what each fault carries.</summary>
[TestFixture]
public sealed class SimulatorFaultInjectionTests
{
    public static IEnumerable<string> FaultNames => SimulatedFault.FaultNames;

    [Test]
    public async Task A_fault_injected_twice_fails_the_first_two_calls_and_then_the_operation_works()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "ProviderBusy", Times = 2 }] });
        var c = await ConnectAsync(server);

        var first = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        var second = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        var third = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Fault, Is.TypeOf<ProviderBusy>());
            Assert.That(first.Call.Status, Is.EqualTo(500));
            Assert.That(second.Fault, Is.TypeOf<ProviderBusy>());
            Assert.That(third.Value?.Type, Is.EqualTo("SmsTask"), third.Describe());
        });
        Assert.That((await WaitAsync(c, third.Value!)).State, Is.EqualTo(SmsTaskState.Success));
    }

    [Test]
    public async Task A_fault_without_times_fails_every_call()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "NotImplemented" }] });
        var c = await ConnectAsync(server);

        var outcomes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add((await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).FaultName);
        }

        Assert.That(outcomes, Is.All.EqualTo("NotImplemented"));
    }

    [Test]
    public async Task Entries_for_one_operation_apply_in_order_each_with_its_own_count()
    {
        var faults = new[]
        {
            new SimulatedFault { Fault = "ProviderBusy", Times = 1 },
            new SimulatedFault { Fault = "ProviderUnavailable", Times = 2 },
        };
        using var server = SimulatedProviderServer.Start(Options() with { Faults = faults });
        var c = await ConnectAsync(server);

        var outcomes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            var call = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
            outcomes.Add(call.FaultName ?? call.Value?.Type);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { "ProviderBusy", "ProviderUnavailable", "ProviderUnavailable", "SmsTask" }));
    }

    [Test]
    public async Task A_fault_on_the_task_route_returns_a_task_that_ends_in_error_with_that_fault()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "ProviderUnavailable", Times = 1, Route = FaultRoute.Task }] });
        var c = await ConnectAsync(server);

        var call = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        Assert.That(call.Value?.Type, Is.EqualTo("SmsTask"), call.Describe());
        var info = await WaitAsync(c, call.Value!);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Error));
            Assert.That(info.Error, Is.TypeOf<ProviderUnavailable>());
            Assert.That(info.Error!.FaultMessage![0].Key, Is.EqualTo("com.vmware.sms.fault.ProviderUnavailable"));
            Assert.That(info.Result, Is.Null);
            Assert.That(server.Provider.Groups, Has.Some.EqualTo(new SimulatedGroup("fd-A", "rg-fo-1", "FAILEDOVER")), "the failed task changed nothing");
        });
    }

    [TestCase("QueryReplicationGroup")]
    [TestCase("QuerySmsTaskInfo")]
    public async Task A_fault_injected_once_into_a_query_fails_only_its_first_call(string operation)
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Operation = operation, Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;
        Func<Task<string?>> call = operation == "QueryReplicationGroup"
            ? async () => (await c.Client.QueryReplicationGroupAsync(c.Provider, null)).FaultName
            : async () => (await c.Client.QuerySmsTaskInfoAsync(task)).FaultName;

        var first = await call();
        var second = await call();

        Assert.That(new[] { first, second }, Is.EqualTo(new[] { "ProviderBusy", null }));
    }

    [Test]
    public async Task A_fault_injected_into_QuerySmsTaskInfo_does_not_count_as_a_poll()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Operation = "QuerySmsTaskInfo", Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(server);
        var task = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Value!;

        var faulted = await c.Client.QuerySmsTaskInfoAsync(task);
        var polls = await PollAsync(c, task, 2);

        Assert.Multiple(() =>
        {
            Assert.That(faulted.FaultName, Is.EqualTo("ProviderBusy"));
            Assert.That(polls.Select(p => p.State), Is.EqualTo(new[] { SmsTaskState.Running, SmsTaskState.Success }));
        });
    }

    [Test]
    public async Task A_fault_injected_twice_into_QueryProviderInfo_fails_the_connection_probe_and_the_next_call()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Operation = "QueryProviderInfo", Fault = "ProviderUnavailable", Times = 2 }] });
        var c = await ConnectAsync(server, providerId: SimulatedProvider.ProviderMoId);

        var second = await c.Client.QueryProviderInfoAsync(c.Provider);
        var third = await c.Client.QueryProviderInfoAsync(c.Provider);

        Assert.Multiple(() =>
        {
            Assert.That(c.Info, Is.Null, "the connection's own QueryProviderInfo got the first fault");
            Assert.That(second.Fault, Is.TypeOf<ProviderUnavailable>());
            Assert.That(third.IsValue, Is.True, third.Describe());
        });
    }

    [Test]
    public async Task A_call_without_a_session_gets_NotAuthenticated_and_does_not_use_up_an_injected_fault()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(server);
        var anonymous = new SmsClient(new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Security.Redactor(), TimeSpan.FromSeconds(10)));

        var refused = await anonymous.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        var injected = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Fault, Is.TypeOf<NotAuthenticated>());
            Assert.That(injected.Fault, Is.TypeOf<ProviderBusy>());
        });
    }

    [Test]
    public async Task Faults_are_injected_before_the_body_is_read()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupRawAsync(c.Provider, "[\"not an object\"]");

        Assert.That(result.Fault, Is.TypeOf<ProviderBusy>());
    }

    [Test]
    public async Task Reset_keeps_the_count_of_injected_faults()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(server);

        var first = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        server.Provider.Reset();
        var second = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Fault, Is.TypeOf<ProviderBusy>());
            Assert.That(second.IsValue, Is.True, second.Describe());
        });
    }

    [TestCaseSource(nameof(FaultNames))]
    public async Task Every_injectable_fault_arrives_with_its_type_name_and_a_keyed_fault_message(string name)
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = name }] });
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Call.Status, Is.EqualTo(500));
            Assert.That(result.FaultName, Is.EqualTo(name));
            Assert.That(result.Fault, Is.Not.TypeOf<UnrecognizedFault>());
            Assert.That(result.Fault?.FaultMessage?.Single().Key, Is.EqualTo("com.vmware.sms.fault." + name));
        });
    }

    [TestCase(true, 8L)]
    [TestCase(false, null)]
    public async Task Injected_TooMany_names_the_batch_limit_only_when_configured_to(bool reports, long? expected)
    {
        using var server = SimulatedProviderServer.Start(Options() with { TooManyReportsMaxBatchSize = reports, Faults = [new SimulatedFault { Fault = "TooMany" }] });
        var c = await ConnectAsync(server);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.That(((TooMany)result.Fault!).MaxBatchSize, Is.EqualTo(expected));
    }

    [Test]
    public async Task Injected_InactiveProvider_names_provider_2_as_active_for_the_first_groups_fault_domain()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "InactiveProvider" }] });
        var c = await ConnectAsync(server);

        var mapping = ((InactiveProvider)(await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Fault!).Mapping!.Single();

        Assert.Multiple(() =>
        {
            Assert.That(mapping.ActiveProvider?.Type, Is.EqualTo("VasaProvider"));
            Assert.That(mapping.ActiveProvider?.Value, Is.EqualTo("vasa-provider-2"));
            Assert.That(mapping.FaultDomainId!.Select(f => f.Id), Is.EqualTo(new[] { "fd-A" }));
        });
    }

    [Test]
    public async Task Injected_InvalidReplicationState_says_SOURCE_is_current_and_FAILEDOVER_desired()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "InvalidReplicationState" }] });
        var c = await ConnectAsync(server);

        var fault = (InvalidReplicationState)(await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Fault!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.CurrentState, Is.EqualTo("SOURCE"));
            Assert.That(fault.DesiredState, Is.EqualTo(new[] { "FAILEDOVER" }));
        });
    }

    [Test]
    public async Task Injected_InvalidArgument_names_groupId()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "InvalidArgument" }] });
        var c = await ConnectAsync(server);

        var fault = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Fault;

        Assert.That(((InvalidArgument)fault!).InvalidProperty, Is.EqualTo("groupId"));
    }

    [Test]
    public void Options_with_an_unknown_fault_or_a_task_route_on_a_query_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new SimulatedProvider(Options() with { Faults = [new SimulatedFault { Fault = "Oops" }] }), Throws.ArgumentException.With.Message.Contains("Oops"));
            Assert.That(() => new SimulatedProvider(Options() with { Faults = [new SimulatedFault { Operation = "Nope", Fault = "NotFound" }] }), Throws.ArgumentException.With.Message.Contains("Nope"));
            Assert.That(() => new SimulatedProvider(Options() with { Faults = [new SimulatedFault { Operation = "QueryReplicationGroup", Fault = "NotFound", Route = FaultRoute.Task }] }), Throws.ArgumentException.With.Message.Contains("task route"));
            Assert.That(() => new SimulatedProvider(Options() with { Faults = [new SimulatedFault { Fault = "NotFound", Times = 0 }] }), Throws.ArgumentException.With.Message.Contains("at least 1"));
        });
    }

    [Test]
    public async Task The_fault_body_is_plain_JSON_with_the_subtype_fields_beside_the_inherited_ones()
    {
        using var server = SimulatedProviderServer.Start(Options() with { Faults = [new SimulatedFault { Fault = "TooMany" }] });
        var c = await ConnectAsync(server);

        var body = (await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1])).Call.ResponseBody!;
        using var doc = JsonDocument.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(doc.RootElement.GetProperty("_typeName").GetString(), Is.EqualTo("TooMany"));
            Assert.That(doc.RootElement.GetProperty("maxBatchSize").GetInt64(), Is.EqualTo(8));
            Assert.That(doc.RootElement.TryGetProperty("faultCause", out _), Is.False);
        });
    }
}
