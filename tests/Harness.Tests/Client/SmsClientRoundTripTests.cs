using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Alarms;
using Harness.Wire.Devices;
using Harness.Wire.Faults;
using Harness.Wire.Filters;
using Harness.Wire.Params;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Client;

/// <summary>
/// Every client method of the replication API round-trips against the two-site simulator: the request it sends holds
/// to its method's parameters (the simulator's strict front would refuse it with InvalidRequest otherwise), and the
/// answer comes back typed. The state-changing operations the simulator does not run yet answer NotImplemented.
/// </summary>
[TestFixture]
public sealed class SmsClientRoundTripTests
{
    private static readonly ManagedObjectReference StorageManager = ManagedObjectReference.Of("SmsStorageManager", "SmsStorageManager");
    private static readonly ReplicationGroupId Healthy = ReplicationGroupId.Of("fd-B", "rg-tgt-1-b");
    private static readonly ReplicationGroupId InTest = ReplicationGroupId.Of("fd-B", "rg-test-1-b");
    private static readonly ReplicationGroupId Source = ReplicationGroupId.Of("fd-A", "rg-tgt-1-a");

    private SimulatedWorldServer world = null!;
    private ProviderConnection site = null!;

    [OneTimeSetUp]
    public async Task StartWorld()
    {
        this.world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter: true));
        this.site = await ConnectAsync(this.world, "B");
    }

    [OneTimeTearDown]
    public void StopWorld() => this.world.Dispose();

    [Test]
    public async Task QueryReplicationPeer_round_trips()
    {
        var r = await this.site.Client.QueryReplicationPeerAsync(this.site.Provider, [new FaultDomainInfo { Id = "fd-B", Name = "sent as a plain id" }]);
        Assert.That(r.Value?.Single().TargetDomain?.Single().Id, Is.EqualTo("fd-A"), r.Describe());
        Assert.That(r.Call.RequestBody, Does.Not.Contain("FaultDomainInfo"), "only the id goes out");
        AssertConforms(r.Call);
    }

    [Test]
    public async Task QueryPointInTimeReplica_round_trips()
    {
        var r = await this.site.Client.QueryPointInTimeReplicaAsync(this.site.Provider, [Healthy], new QueryPointInTimeReplicaParam
        {
            ReplicaTimeQueryParam = new ReplicaQueryIntervalParam { FromDate = SimulatedProvider.ReplicaEpoch, Number = 1 },
            PitName = "hourly-.*",
            Tags = ["hourly"],
            PreferDetails = true,
        });
        var info = (r.Value?.Single() as QueryPointInTimeReplicaSuccessResult)?.ReplicaInfo?.Single();
        Assert.Multiple(() =>
        {
            Assert.That(info?.Id?.Id, Is.EqualTo("pit-rg-tgt-1-b-1"), r.Describe());
            Assert.That(info?.PitName, Is.EqualTo("hourly-1"));
            Assert.That(info?.TimeStamp, Is.EqualTo(SimulatedProvider.ReplicaEpoch));
            Assert.That(info?.Tags, Is.EqualTo(new[] { "hourly" }));
        });
        AssertConforms(r.Call);
    }

    [Test]
    public async Task QueryActiveAlarm_round_trips()
    {
        var r = await this.site.Client.QueryActiveAlarmAsync(this.site.Provider, new AlarmFilter { AlarmStatus = AlarmStatus.Yellow });
        var alarm = r.Value?.StorageAlarm?.First();
        Assert.Multiple(() =>
        {
            Assert.That(alarm?.Status, Is.EqualTo(AlarmStatus.Yellow), r.Describe());
            Assert.That(alarm?.AlarmTimeStamp, Is.Not.Null);
            Assert.That(alarm?.ParameterList?.Single().ParameterValue, Is.EqualTo(alarm?.ObjectId));
        });
        AssertConforms(r.Call);
    }

    [Test]
    public async Task VasaProviderSync_round_trips()
    {
        var r = await this.site.Client.VasaProviderSyncAsync(this.site.Provider);
        Assert.That(r.Value?.Type, Is.EqualTo("SmsTask"), r.Describe());
        AssertConforms(r.Call);
        Assert.That((await WaitAsync(this.site, r.Value!)).State, Is.EqualTo("success"));
    }

    [Test]
    public async Task QueryFaultDomain_round_trips()
    {
        var r = await this.site.Client.QueryFaultDomainAsync(StorageManager, new FaultDomainFilter { ProviderId = "sim-" + SimulatedProvider.PeerProviderMoId });
        var domain = r.Value?.Single() as FaultDomainInfo;
        Assert.Multiple(() =>
        {
            Assert.That(domain?.Id, Is.EqualTo("fd-B"), r.Describe());
            Assert.That(domain?.Provider?.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId));
            Assert.That(domain?.StorageArrayId, Is.EqualTo("sim-array-B"));
        });
        AssertConforms(r.Call);
    }

    [Test]
    public async Task QueryReplicationGroupInfo_round_trips()
    {
        var r = await this.site.Client.QueryReplicationGroupInfoAsync(StorageManager, [Source, Healthy]);
        Assert.That(r.Value?.Cast<QueryReplicationGroupSuccessResult>().Select(s => s.RgInfo?.CurrentState), Is.EqualTo(new[] { "SOURCE", "TARGET" }), r.Describe());
        AssertConforms(r.Call);
    }

    /// <summary>The state-changing operations, each sent with a full body that the strict front lets through to the model.</summary>
    private static readonly Dictionary<string, Func<SmsClient, ManagedObjectReference, Task<ProviderResult<ManagedObjectReference>>>> StateChanging = new(StringComparer.Ordinal)
    {
        ["SyncReplicationGroup_Task"] = (c, p) => c.SyncReplicationGroupAsync(p, [Healthy], "conformance-sync"),
        ["PrepareFailoverReplicationGroup_Task"] = (c, p) => c.PrepareFailoverReplicationGroupAsync(p, [Source]),
        ["FailoverReplicationGroup_Task"] = (c, p) => c.FailoverReplicationGroupAsync(p, new FailoverParam
        {
            IsPlanned = true,
            CheckOnly = true,
            ReplicationGroupsToFailover = [new ReplicationGroupData { GroupId = Healthy, PitId = new PointInTimeReplicaId { Id = "pit-rg-tgt-1-b-3" } }],
            PolicyAssociations = [new PolicyAssociation { Id = new VVolId { Id = "vvol-rg-tgt-1-a-1" }, PolicyId = "policy-1", Datastore = ManagedObjectReference.Of("Datastore", "datastore-B") }],
        }),
        ["TestFailoverReplicationGroupStart_Task"] = (c, p) => c.TestFailoverReplicationGroupStartAsync(p, new TestFailoverParam
        {
            IsPlanned = false,
            CheckOnly = false,
            ReplicationGroupsToFailover = [new ReplicationGroupData { GroupId = Healthy }],
        }),
        ["TestFailoverReplicationGroupStop_Task"] = (c, p) => c.TestFailoverReplicationGroupStopAsync(p, [InTest], force: false),
        ["PromoteReplicationGroup_Task"] = (c, p) => c.PromoteReplicationGroupAsync(p, new PromoteParam { IsPlanned = false, ReplicationGroupsToPromote = [InTest] }),
    };

    public static IEnumerable<TestCaseData> StateChangingCalls() =>
        StateChanging.Keys.Select(m => new TestCaseData(m).SetName($"{m}_sends_a_body_of_its_parameters_and_gets_a_task"));

    [TestCaseSource(nameof(StateChangingCalls))]
    public async Task A_state_changing_call_round_trips(string method)
    {
        var r = await StateChanging[method](this.site.Client, this.site.Provider);

        Assert.Multiple(() =>
        {
            Assert.That(r.Call.Operation, Is.EqualTo(method));
            Assert.That(r.Call.ChangesState, Is.True);
            Assert.That(r.Value?.Type, Is.EqualTo("SmsTask"), $"InvalidRequest would mean the strict front refused the body: {r.Describe()} {r.Fault?.FaultMessage?.FirstOrDefault()?.Message}");
        });
        AssertConforms(r.Call);
    }

    [Test]
    public async Task A_test_failover_parameter_goes_with_its_own_type_name()
    {
        var r = await this.site.Client.TestFailoverReplicationGroupStartAsync(this.site.Provider, new TestFailoverParam { IsPlanned = true, CheckOnly = true });

        Assert.That(r.Call.RequestBody, Is.EqualTo("{\"testFailoverParam\":{\"_typeName\":\"TestFailoverParam\",\"isPlanned\":true,\"checkOnly\":true}}"));
    }
}
