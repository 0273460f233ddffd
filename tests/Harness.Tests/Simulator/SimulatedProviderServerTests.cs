using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Harness.Tests.Simulator;

[TestFixture]
public sealed class SimulatedProviderServerTests
{
    [Test]
    public async Task Login_discovery_and_provider_info_work_over_http()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var connection = await SimulatorFixtures.ConnectAsync(server);
        Assert.Multiple(() =>
        {
            Assert.That(connection.Provider.Value, Is.EqualTo(SimulatedProvider.ProviderMoId));
            Assert.That(connection.Info?.SupportedProviderProfile, Does.Contain("Replication"));
            Assert.That(connection.Info?.MaxBatchSize, Is.EqualTo(8));
        });
    }

    [Test]
    public async Task Https_endpoint_is_accepted_only_when_its_thumbprint_is_pinned()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options(), https: true);
        var pinned = TlsPolicy.Pinned(server.CertificateSha256!);
        var connection = await SimulatorFixtures.ConnectAsync(server, tls: pinned);
        Assert.That(connection.Info, Is.Not.Null);

        var untrusted = TlsPolicy.System;
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", untrusted, new Security.Redactor(), TimeSpan.FromSeconds(10));
        var (refused, failure) = await ProviderConnector.ConnectAsync(transport, "administrator@vsphere.local", SimulatorFixtures.Password, null);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.Null);
            Assert.That(failure!.Message, Does.Contain("not trusted").And.Contain("pinnedSha256"));
        });
    }

    [Test]
    public async Task Calls_without_a_session_get_NotAuthenticated()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Security.Redactor(), TimeSpan.FromSeconds(10));
        var result = await new SmsClient(transport).QueryStorageManagerAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.Fault));
            Assert.That(result.Fault, Is.TypeOf<NotAuthenticated>());
            Assert.That(result.Call.Status, Is.EqualTo(500));
        });
    }

    [Test]
    public async Task Wrong_password_gets_InvalidLogin_and_the_password_is_not_recorded()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Security.Redactor(), TimeSpan.FromSeconds(10));
        var (_, failure) = await ProviderConnector.ConnectAsync(transport, "administrator@vsphere.local", "wrong-Passw0rd", null);
        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("InvalidLogin"));
            Assert.That(failure.Calls.Select(c => c.ToJson()), Has.None.Contains("wrong-Passw0rd"));
        });
    }

    [Test]
    public async Task Reversing_a_failedover_group_makes_it_source_with_a_new_group_id_in_the_same_fault_domain()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var c = await SimulatorFixtures.ConnectAsync(server);
        var group = ReplicationGroupId.Of("fd-A", "rg-fo-1");
        var task = await c.Client.ReverseReplicateGroupAsync(c.Provider, [group]);
        Assert.That(task.Value?.Type, Is.EqualTo("SmsTask"));

        var wait = await new TaskWaiter(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(5)).WaitAsync(c.Client, task.Value!);
        Assert.That(wait.Final?.State, Is.EqualTo(SmsTaskState.Success), wait.Describe());
        var boxed = wait.Final!.Result as BoxedArray;
        Assert.That(boxed?.TypeName, Is.EqualTo("ArrayOfGroupOperationResult"));
        Assert.That(boxed!.TryReadItems<GroupOperationResult>(out var results, out var error), Is.True, error);
        var success = results!.Single() as ReverseReplicationSuccessResult;
        Assert.That(success?.NewGroupId?.Id, Is.Not.Empty);

        var after = await c.Client.QueryReplicationGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-A", success!.NewGroupId!.Id!)]);
        var info = (after.Value!.Single() as QueryReplicationGroupSuccessResult)!.RgInfo!;
        Assert.Multiple(() =>
        {
            Assert.That(info.CurrentState, Is.EqualTo(ReplicationState.Source));
            Assert.That(info.GroupId!.FaultDomainId!.Id, Is.EqualTo("fd-A"));
        });
    }

    [Test]
    public async Task Empty_groupId_gets_an_InvalidArgument_fault_with_HTTP_500()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var c = await SimulatorFixtures.ConnectAsync(server);
        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.Fault));
            Assert.That(result.Fault, Is.TypeOf<InvalidArgument>());
            Assert.That(((InvalidArgument)result.Fault!).InvalidProperty, Is.EqualTo("groupId"));
            Assert.That(result.Call.Status, Is.EqualTo(500));
        });
    }
}
