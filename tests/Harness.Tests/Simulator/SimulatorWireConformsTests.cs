using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Alarms;
using Harness.Wire.Filters;
using Harness.Wire.Params;
using Harness.Wire.Results;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>
/// Every answer of every method, in every world (one site; two sites with a vCenter each; two sites in one vCenter),
/// at every site, on its happy and its refused paths, holds to VMware's type definitions, and so does every request the
/// client sends.
/// </summary>
[TestFixture]
public sealed class SimulatorWireConformsTests
{
    private static readonly string[] EveryMethod =
    [
        "QueryStorageManager", "QueryProvider", "QueryFaultDomain", "QueryReplicationGroupInfo", "QueryProviderInfo",
        "QueryReplicationGroup", "QueryReplicationPeer", "QueryPointInTimeReplica", "QueryActiveAlarm", "VasaProviderSync_Task",
        "ReverseReplicateGroup_Task", "QuerySmsTaskInfo", "QuerySmsTaskResult", "SyncReplicationGroup_Task",
        "PrepareFailoverReplicationGroup_Task", "FailoverReplicationGroup_Task", "TestFailoverReplicationGroupStart_Task",
        "TestFailoverReplicationGroupStop_Task", "PromoteReplicationGroup_Task",
    ];

    [TestCase(1, false, "A")]
    [TestCase(2, false, "A")]
    [TestCase(2, false, "B")]
    [TestCase(2, true, "A")]
    [TestCase(2, true, "B")]
    public async Task Every_answer_of_every_method_conforms(int sites, bool sameVcenter, string site)
    {
        using var world = SimulatedWorldServer.Start(sites == 1 ? Options() : TwoSiteOptions(sameVcenter));
        var connection = await ConnectAsync(world, site);
        var calls = new List<ProviderCall>();
        var c = connection.Client.WithObserver(calls.Add);
        var p = connection.Provider;
        var storageManager = (await c.QueryStorageManagerAsync()).Value!;
        var held = world.Provider.GroupsAt(world.Provider.Site(site));
        var ids = held.Select(g => ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList();
        var unknown = ReplicationGroupId.Of("fd-nowhere", "rg-nothing");
        var failedOver = held.Where(g => g.State == "FAILEDOVER").Select(g => ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).FirstOrDefault();

        await c.QueryProviderAsync(storageManager);
        await c.QueryFaultDomainAsync(storageManager);
        await c.QueryFaultDomainAsync(storageManager, new FaultDomainFilter { ProviderId = "sim-" + p.Value });
        await c.QueryFaultDomainAsync(storageManager, new FaultDomainFilter { ProviderId = "sim-nobody" });
        await c.QueryReplicationGroupInfoAsync(storageManager, [.. ids, unknown]);
        await c.QueryReplicationGroupInfoAsync(storageManager, []);
        await c.QueryProviderInfoAsync(p);
        await c.QueryReplicationGroupAsync(p, null);
        await c.QueryReplicationGroupAsync(p, [ids[0], unknown, ids[0]]);
        await c.QueryReplicationPeerAsync(p, null);
        await c.QueryReplicationPeerAsync(p, [new FaultDomainId { Id = ids[0].FaultDomainId!.Id }, new FaultDomainId { Id = "fd-nowhere" }]);
        await c.QueryPointInTimeReplicaAsync(p, [.. ids, unknown]);
        await c.QueryPointInTimeReplicaAsync(p, [.. ids, ids[0]], new() { PreferDetails = true, Tags = ["hourly"] });
        await c.QueryPointInTimeReplicaAsync(p, []);
        for (var filter = new AlarmFilter(); ;)
        {
            var page = await c.QueryActiveAlarmAsync(p, filter);
            if (page.Value?.PageMarker is not { } marker)
            {
                break;
            }

            filter.PageMarker = marker;
        }

        await c.QueryActiveAlarmAsync(p, new AlarmFilter { AlarmStatus = AlarmStatus.Green });
        await c.QueryActiveAlarmAsync(p, new AlarmFilter { PageMarker = "forged" });
        await RunTaskAsync(c, (await c.VasaProviderSyncAsync(p)).Value!);
        if (failedOver is not null)
        {
            await RunTaskAsync(c, (await c.ReverseReplicateGroupAsync(p, [failedOver, unknown])).Value!);
        }

        await c.ReverseReplicateGroupAsync(p, []);
        await ExerciseLifecycleAsync(c, p, world.Provider.GroupsAt(world.Provider.Site(site)));

        Assert.That(calls.Select(x => x.Operation).Distinct(), Is.EquivalentTo(EveryMethod), "every method was called");
        Assert.That(calls.Select(x => x.Status), Has.All.AnyOf(200, 204, 500), "every call was answered");
        Assert.That(calls.Count(x => x.Status == 500), Is.GreaterThan(5), "the refused paths were taken too");
        Assert.Multiple(() =>
        {
            foreach (var call in calls)
            {
                AssertConforms(call);
            }
        });
    }

    [TestCase(1, "A", PerGroupErrorReading.GroupErrorResult)]
    [TestCase(2, "A", PerGroupErrorReading.GroupErrorResult)]
    [TestCase(2, "B", PerGroupErrorReading.GroupErrorResult)]
    [TestCase(2, "B", PerGroupErrorReading.TaskError)]
    [TestCase(2, "B", PerGroupErrorReading.WholeCallFault)]
    public async Task Every_lifecycle_answer_conforms_under_the_other_readings(int sites, string site, PerGroupErrorReading perGroupErrors)
    {
        var readings = new SimulatedLifecycleReadings
        {
            ConcurrentSync = ConcurrentSyncReading.SyncOngoing,
            PeerAfterFailover = PeerReading.Target,
            PlannedFailoverNeedsPrepare = true,
            TestFailoverStartResult = TestFailoverStartResultReading.Array,
            TestFailoverStopWithoutForce = TestFailoverStopReading.NotSupported,
            PromoteCapable = false,
            PeerAfterPromote = PeerReading.Target,
        };
        using var world = SimulatedWorldServer.Start((sites == 1 ? Options() : TwoSiteOptions()) with { Lifecycle = readings, PerGroupErrors = perGroupErrors, Repeats = RepeatReading.Refused });
        var connection = await ConnectAsync(world, site);
        var calls = new List<ProviderCall>();
        var c = connection.Client.WithObserver(calls.Add);

        await ExerciseLifecycleAsync(c, connection.Provider, world.Provider.GroupsAt(world.Provider.Site(site)));

        Assert.That(calls.Select(x => x.Operation).Distinct(), Is.SupersetOf(EveryMethod.Where(m => m.EndsWith("ReplicationGroup_Task", StringComparison.Ordinal) || m.Contains("Failover", StringComparison.Ordinal))));
        Assert.That(calls.Select(x => x.Status), Has.All.AnyOf(200, 204, 500), "every call was answered");
        Assert.Multiple(() =>
        {
            foreach (var call in calls)
            {
                AssertConforms(call);
            }
        });
    }

    /// <summary>
    /// Every lifecycle method on its happy and refused paths at the site, each task run to its end: a group of each
    /// state, the wrong end, an unknown and a repeated group, an empty call, an oversized batch, two concurrent Syncs,
    /// checkOnly and executed failovers, a test failover started and stopped twice, and a promote.
    /// </summary>
    private static async Task ExerciseLifecycleAsync(SmsClient c, ManagedObjectReference p, IReadOnlyList<SimulatedGroup> held)
    {
        ReplicationGroupId? First(string state) => held.Where(g => g.State == state).Select(g => ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).FirstOrDefault();
        var target = First("TARGET");
        var source = First("SOURCE");
        var inTest = First("INTEST");
        var unknown = ReplicationGroupId.Of("fd-nowhere", "rg-nothing");
        List<ReplicationGroupId> Ids(params ReplicationGroupId?[] groups) => groups.OfType<ReplicationGroupId>().ToList();
        List<ReplicationGroupData> Data(params ReplicationGroupId?[] groups) => Ids(groups).Select(g => new ReplicationGroupData { GroupId = g }).ToList();

        var firstSync = await c.SyncReplicationGroupAsync(p, [.. Ids(target, source, inTest), unknown, .. Ids(target)], "pit");
        var secondSync = await c.SyncReplicationGroupAsync(p, [.. Ids(target), unknown], "pit-2");
        await RunIfTaskAsync(c, secondSync);
        await RunIfTaskAsync(c, firstSync);
        await c.SyncReplicationGroupAsync(p, Ids(target), string.Empty);
        await c.SyncReplicationGroupAsync(p, Enumerable.Range(1, 9).Select(i => ReplicationGroupId.Of("fd-nowhere", $"rg-{i}")).ToList(), "pit");
        await RunIfTaskAsync(c, await c.PrepareFailoverReplicationGroupAsync(p, [.. Ids(source, target, inTest), unknown]));
        await c.PrepareFailoverReplicationGroupAsync(p, []);
        await RunIfTaskAsync(c, await c.FailoverReplicationGroupAsync(p, new FailoverParam { IsPlanned = true, CheckOnly = true, ReplicationGroupsToFailover = [.. Data(target, inTest, source), new ReplicationGroupData { GroupId = unknown }] }));
        await c.FailoverReplicationGroupAsync(p, new FailoverParam { IsPlanned = true, CheckOnly = false });
        await RunIfTaskAsync(c, await c.TestFailoverReplicationGroupStartAsync(p, new TestFailoverParam { IsPlanned = true, CheckOnly = false, ReplicationGroupsToFailover = Data(target) }));
        await RunIfTaskAsync(c, await c.TestFailoverReplicationGroupStartAsync(p, new TestFailoverParam { IsPlanned = true, CheckOnly = false, ReplicationGroupsToFailover = [.. Data(target, source), new ReplicationGroupData { GroupId = unknown }] }));
        await c.TestFailoverReplicationGroupStartAsync(p, new TestFailoverParam { IsPlanned = true, CheckOnly = false });
        await RunIfTaskAsync(c, await c.TestFailoverReplicationGroupStopAsync(p, Ids(target), force: false));
        await RunIfTaskAsync(c, await c.TestFailoverReplicationGroupStopAsync(p, Ids(target, inTest), force: true));
        await RunIfTaskAsync(c, await c.TestFailoverReplicationGroupStopAsync(p, [.. Ids(target), unknown], force: true));
        await c.TestFailoverReplicationGroupStopAsync(p, [], force: true);
        await RunIfTaskAsync(c, await c.PromoteReplicationGroupAsync(p, new PromoteParam { IsPlanned = true, ReplicationGroupsToPromote = [.. Ids(inTest, target, source), unknown] }));
        await c.PromoteReplicationGroupAsync(p, new PromoteParam { IsPlanned = true });
        await RunIfTaskAsync(c, await c.FailoverReplicationGroupAsync(p, new FailoverParam { IsPlanned = false, CheckOnly = false, ReplicationGroupsToFailover = [.. Data(target, source), new ReplicationGroupData { GroupId = unknown }, .. Data(target)] }));
        await RunIfTaskAsync(c, await c.FailoverReplicationGroupAsync(p, new FailoverParam { IsPlanned = true, CheckOnly = false, ReplicationGroupsToFailover = Data(target) }));
    }

    /// <summary>Runs the task the call started, if it started one.</summary>
    private static async Task RunIfTaskAsync(SmsClient c, ProviderResult<ManagedObjectReference> call)
    {
        if (call.IsValue)
        {
            await RunTaskAsync(c, call.Value!);
        }
    }

    /// <summary>Polls the task to its end, and reads its result.</summary>
    private static async Task RunTaskAsync(SmsClient c, ManagedObjectReference task)
    {
        for (var i = 0; i < 10 && (await c.QuerySmsTaskInfoAsync(task)).Value?.State is "queued" or "running"; i++)
        {
        }

        await c.QuerySmsTaskResultAsync(task);
    }
}
