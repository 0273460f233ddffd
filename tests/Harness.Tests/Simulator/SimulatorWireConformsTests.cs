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
        await c.SyncReplicationGroupAsync(p, ids, "pit");
        await c.PrepareFailoverReplicationGroupAsync(p, ids);
        await c.FailoverReplicationGroupAsync(p, new FailoverParam { IsPlanned = true, CheckOnly = true, ReplicationGroupsToFailover = [new ReplicationGroupData { GroupId = ids[0] }] });
        await c.TestFailoverReplicationGroupStartAsync(p, new TestFailoverParam { IsPlanned = true, CheckOnly = false });
        await c.TestFailoverReplicationGroupStopAsync(p, ids, force: true);
        await c.PromoteReplicationGroupAsync(p, new PromoteParam { IsPlanned = true, ReplicationGroupsToPromote = ids });

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

    /// <summary>Polls the task to its end, and reads its result.</summary>
    private static async Task RunTaskAsync(SmsClient c, ManagedObjectReference task)
    {
        for (var i = 0; i < 10 && (await c.QuerySmsTaskInfoAsync(task)).Value?.State is "queued" or "running"; i++)
        {
        }

        await c.QuerySmsTaskResultAsync(task);
    }
}
