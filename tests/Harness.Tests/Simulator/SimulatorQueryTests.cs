using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Alarms;
using Harness.Wire.Faults;
using Harness.Wire.Filters;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>
/// The query methods of both sites: QueryReplicationPeer, QueryPointInTimeReplica, QueryActiveAlarm,
/// VasaProviderSync_Task, and the storage manager's QueryFaultDomain and QueryReplicationGroupInfo. Every exchange is
/// held to VMware's type definitions.
/// </summary>
[TestFixture]
public sealed class SimulatorQueryTests
{
    private static readonly ManagedObjectReference StorageManager = ManagedObjectReference.Of("SmsStorageManager", "SmsStorageManager");
    private static readonly ReplicationGroupId FailedOverAtB = ReplicationGroupId.Of("fd-B", "rg-fo-1-b");
    private static readonly ReplicationGroupId SourceAtA = ReplicationGroupId.Of("fd-A", "rg-fo-1-a");

    [TestCase("A", "fd-A", "fd-B")]
    [TestCase("B", "fd-B", "fd-A")]
    public async Task Each_site_replicates_its_fault_domain_to_the_other_sites(string site, string own, string other)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, site);

        var all = await c.Client.QueryReplicationPeerAsync(c.Provider, null);
        var named = await c.Client.QueryReplicationPeerAsync(c.Provider, [new FaultDomainId { Id = own }]);

        AssertConforms(all.Call);
        AssertConforms(named.Call);
        Assert.Multiple(() =>
        {
            Assert.That(all.Value!.Select(r => (r.SourceDomain!.Id, string.Join(",", r.TargetDomain!.Select(t => t.Id)), r.Error)), Is.EqualTo(new[] { (own, other, (List<MethodFault>?)null) }));
            Assert.That(named.Value!.Single().TargetDomain!.Single().Id, Is.EqualTo(other));
        });
    }

    [Test]
    public async Task An_unknown_or_repeated_fault_domain_gets_an_error_and_no_target_each()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "A");

        var peers = await c.Client.QueryReplicationPeerAsync(c.Provider, [new FaultDomainId { Id = "fd-B" }, new FaultDomainId { Id = "fd-A" }, new FaultDomainId { Id = "fd-A" }]);

        AssertConforms(peers.Call);
        Assert.That(peers.Value!.Select(r => (r.SourceDomain!.Id, r.TargetDomain is null, r.Error?.Single().TypeName)), Is.EqualTo(new[]
        {
            ("fd-B", true, "NotFound"), ("fd-A", false, null), ("fd-A", true, "DuplicateEntry"),
        }), "fd-B is site B's, not A's");
    }

    [Test]
    public async Task In_the_one_site_world_a_fault_domain_replicates_to_the_implied_peer_its_targets_name()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);

        var peers = await c.Client.QueryReplicationPeerAsync(c.Provider, []);

        AssertConforms(peers.Call);
        Assert.That(peers.Value!.Select(r => (r.SourceDomain!.Id, r.TargetDomain!.Single().Id)), Is.EqualTo(new[] { ("fd-A", "fd-A-peer"), ("fd-B", "fd-B-peer") }));
    }

    [Test]
    public async Task Without_a_query_param_a_target_group_answers_the_summary_of_its_replicas()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "B");

        var pits = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB]);

        AssertConforms(pits.Call);
        var summary = (QueryPointInTimeReplicaSummaryResult)pits.Value!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(summary.GroupId!.Key, Is.EqualTo(FailedOverAtB.Key));
            Assert.That(summary.IntervalResults!.Single().Number, Is.EqualTo(3));
            Assert.That(summary.IntervalResults!.Single().FromDate, Is.EqualTo(SimulatedProvider.ReplicaEpoch));
            Assert.That(summary.IntervalResults!.Single().ToDate, Is.GreaterThan(SimulatedProvider.ReplicaEpoch.AddHours(2)));
        });
    }

    /// <summary>Replicas are taken hourly from the epoch: pit-…-1 at 00:00, -2 at 01:00 (tagged daily too), -3 at 02:00.</summary>
    private static readonly Dictionary<string, (QueryPointInTimeReplicaParam Param, int[] Expected)> ReplicaQueryCases = new(StringComparer.Ordinal)
    {
        ["Details_list_every_replica"] = (new() { PreferDetails = true }, [1, 2, 3]),
        ["From_and_to_select_a_window_from_inclusive_to_exclusive"] = (new() { ReplicaTimeQueryParam = new() { FromDate = SimulatedProvider.ReplicaEpoch.AddHours(1), ToDate = SimulatedProvider.ReplicaEpoch.AddHours(2) } }, [2]),
        ["From_and_number_select_the_first_ones_from_the_date"] = (new() { ReplicaTimeQueryParam = new() { FromDate = SimulatedProvider.ReplicaEpoch, Number = 2 } }, [1, 2]),
        ["To_and_number_select_the_latest_ones_before_the_date"] = (new() { ReplicaTimeQueryParam = new() { ToDate = SimulatedProvider.ReplicaEpoch.AddHours(3), Number = 2 } }, [2, 3]),
        ["A_name_pattern_matches_the_whole_name"] = (new() { PitName = "hourly-[13]" }, [1, 3]),
        ["A_name_pattern_is_anchored"] = (new() { PitName = "ourly-1" }, []),
        ["Tag_patterns_select_the_replicas_with_a_matching_tag"] = (new() { Tags = ["dai.*"] }, [2]),
    };

    public static IEnumerable<TestCaseData> ReplicaQueries() => ReplicaQueryCases.Keys.Select(k => new TestCaseData(k).SetName(k));

    [TestCaseSource(nameof(ReplicaQueries))]
    public async Task A_query_param_selects_the_replicas_in_detail(string name)
    {
        var (param, expected) = ReplicaQueryCases[name];
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "B");

        var pits = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB], param);

        AssertConforms(pits.Call);
        var details = (QueryPointInTimeReplicaSuccessResult)pits.Value!.Single();
        Assert.That(details.ReplicaInfo?.Select(r => r.Id!.Id) ?? [], Is.EqualTo(expected.Select(i => $"pit-rg-fo-1-b-{i}")));
    }

    [Test]
    public async Task Asked_for_the_summary_with_filters_the_summary_counts_only_the_selected_replicas()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "B");

        var pits = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB], new() { Tags = ["daily"], PreferDetails = false });

        AssertConforms(pits.Call);
        Assert.That(((QueryPointInTimeReplicaSummaryResult)pits.Value!.Single()).IntervalResults!.Single().Number, Is.EqualTo(1));
    }

    [Test]
    public async Task Per_group_a_source_group_is_the_wrong_end_and_an_unknown_or_repeated_group_an_error()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter: true));
        var c = await ConnectAsync(world, "B");
        var healthy = ReplicationGroupId.Of("fd-B", "rg-tgt-1-b");

        var pits = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [healthy, SourceAtA, healthy], new() { PreferDetails = true });
        var atA = await (await ConnectAsync(world, "A")).Client.QueryPointInTimeReplicaAsync(ManagedObjectReference.Of("VasaProvider", SimulatedProvider.ProviderMoId), [SourceAtA]);

        AssertConforms(pits.Call);
        AssertConforms(atA.Call);
        Assert.Multiple(() =>
        {
            Assert.That(pits.Value!.Select(r => r is GroupErrorResult e ? e.Error!.Single().TypeName : r.TypeName), Is.EqualTo(new[] { "QueryPointInTimeReplicaSuccessResult", "NotFound", "DuplicateEntry" }));
            Assert.That(((GroupErrorResult)atA.Value!.Single()).Error!.Single(), Is.TypeOf<InvalidFunctionTarget>(), "a source group keeps no replicas");
        });
    }

    [Test]
    public async Task No_group_or_a_window_with_all_three_bounds_is_InvalidArgument()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "B");
        var epoch = SimulatedProvider.ReplicaEpoch;

        var none = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, []);
        var three = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB], new() { ReplicaTimeQueryParam = new() { FromDate = epoch, ToDate = epoch.AddDays(1), Number = 1 } });
        var badPattern = await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB], new() { PitName = "(" });

        AssertConforms(none.Call);
        AssertConforms(three.Call);
        Assert.Multiple(() =>
        {
            Assert.That((none.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), none.Describe());
            Assert.That((three.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("queryParam"), three.Describe());
            Assert.That((badPattern.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("queryParam"), badPattern.Describe());
        });
    }

    [Test]
    public async Task A_reversed_group_loses_its_replicas_and_its_old_source_has_none_yet()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var atB = await ConnectAsync(world, "B");
        var atA = await ConnectAsync(world, "A");
        Assume.That(world.Provider.ReplicasOf(FailedOverAtB.Key), Has.Count.EqualTo(3));

        await ReverseAsync(atB, FailedOverAtB);
        var oldSource = await atA.Client.QueryPointInTimeReplicaAsync(atA.Provider, [SourceAtA], new() { PreferDetails = true });

        Assert.Multiple(() =>
        {
            Assert.That(world.Provider.ReplicasOf(FailedOverAtB.Key), Is.Empty);
            Assert.That(oldSource.Value!.Single(), Is.TypeOf<QueryPointInTimeReplicaSuccessResult>(), "now a target, so asked at the right end");
            Assert.That(((QueryPointInTimeReplicaSuccessResult)oldSource.Value!.Single()).ReplicaInfo, Is.Null);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public async Task Paging_through_the_active_alarms_ends_and_sees_each_alarm_once(int pageSize)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { AlarmPageSize = pageSize });
        var c = await ConnectAsync(world, "A");

        var (alarms, pages) = await AllAlarmsAsync(c, new AlarmFilter());

        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.EqualTo((5 + pageSize - 1) / pageSize));
            Assert.That(alarms.Select(a => a.AlarmId), Is.EqualTo(world.Provider.AlarmsAt(world.Provider.Site("A")).Select(a => a.AlarmId)).And.Ordered.And.Unique);
            Assert.That(alarms.Select(a => a.Status), Is.All.AnyOf(AlarmStatus.Red, AlarmStatus.Yellow), "never Green");
            Assert.That(alarms.Where(a => a.AlarmType == AlarmType.Replication).Select(a => a.ObjectId), Is.Not.Empty.And.All.StartWith("fd-A/"), "replication alarms name A's groups");
        });
    }

    [Test]
    public async Task The_filter_selects_by_status_type_and_entity_across_pages()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "B");
        var held = world.Provider.AlarmsAt(world.Provider.Site("B"));
        var replicationObject = held.First(a => a.AlarmType == AlarmType.Replication).ObjectId!;

        var (red, _) = await AllAlarmsAsync(c, new AlarmFilter { AlarmStatus = AlarmStatus.Red });
        var (green, _) = await AllAlarmsAsync(c, new AlarmFilter { AlarmStatus = AlarmStatus.Green });
        var (space, _) = await AllAlarmsAsync(c, new AlarmFilter { AlarmType = AlarmType.SpaceCapacity });
        var (onGroup, _) = await AllAlarmsAsync(c, new AlarmFilter { EntityType = "ReplicationGroupEntity", EntityId = [BoxedPrimitive.OfString(replicationObject)] });

        Assert.Multiple(() =>
        {
            Assert.That(red.Select(a => a.AlarmId), Is.EqualTo(held.Where(a => a.Status == AlarmStatus.Red).Select(a => a.AlarmId)).And.Not.Empty);
            Assert.That(green, Is.Empty);
            Assert.That(space.Select(a => a.AlarmType), Is.Not.Empty.And.All.EqualTo(AlarmType.SpaceCapacity));
            Assert.That(onGroup.Select(a => a.ObjectId), Is.Not.Empty.And.All.EqualTo(replicationObject));
            Assert.That(held.Select(a => a.AlarmId!.Value).Min(), Is.GreaterThan(world.Provider.AlarmsAt(world.Provider.Site("A")).Select(a => a.AlarmId!.Value).Max()), "ids keep increasing from site to site");
        });
    }

    [Test]
    public async Task A_page_marker_not_issued_or_a_status_outside_the_enum_is_InvalidArgument()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "A");

        var marker = await c.Client.QueryActiveAlarmAsync(c.Provider, new AlarmFilter { PageMarker = "page-2" });
        var status = await c.Client.QueryActiveAlarmAsync(c.Provider, new AlarmFilter { AlarmStatus = "Blue" });
        var entity = await c.Client.QueryActiveAlarmAsync(c.Provider, new AlarmFilter { EntityId = [BoxedPrimitive.OfString("fd-A/rg-fo-1-a")] });

        AssertConforms(marker.Call);
        Assert.Multiple(() =>
        {
            Assert.That((marker.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("alarmFilter"), marker.Describe());
            Assert.That(status.Fault, Is.TypeOf<InvalidArgument>(), status.Describe());
            Assert.That(entity.Fault, Is.TypeOf<InvalidArgument>(), "entityId needs entityType");
        });
    }

    [TestCase(false, "sim-vasa-provider-1", "fd-A")]
    [TestCase(false, null, "fd-A")]
    [TestCase(true, null, "fd-A,fd-B")]
    [TestCase(true, "sim-vasa-provider-2", "fd-B")]
    public async Task QueryFaultDomain_lists_the_fault_domains_of_the_providers_registered_in_that_vCenter(bool sameVcenter, string? providerUid, string expected)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter));
        var c = await ConnectAsync(world, "A");

        var domains = await c.Client.QueryFaultDomainAsync(StorageManager, providerUid is null ? null : new FaultDomainFilter { ProviderId = providerUid });

        AssertConforms(domains.Call);
        var infos = domains.Value!.Cast<FaultDomainInfo>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(",", infos.Select(d => d.Id)), Is.EqualTo(expected));
            Assert.That(infos.Select(d => d.Provider!.Value), Is.EqualTo(infos.Select(d => d.Id == "fd-A" ? SimulatedProvider.ProviderMoId : SimulatedProvider.PeerProviderMoId)));
            Assert.That(infos.Select(d => d.StorageArrayId), Is.All.StartWith("sim-array-"));
        });
    }

    [Test]
    public async Task QueryFaultDomain_for_a_provider_not_registered_there_is_NotFound()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "A");

        var domains = await c.Client.QueryFaultDomainAsync(StorageManager, new FaultDomainFilter { ProviderId = "sim-" + SimulatedProvider.PeerProviderMoId });

        AssertConforms(domains.Call);
        Assert.That(domains.Fault, Is.TypeOf<NotFound>(), "site B's provider is registered in B's vCenter");
    }

    [TestCase(true, "SOURCE", "FAILEDOVER")]
    [TestCase(false, "SOURCE", "NotFound")]
    public async Task QueryReplicationGroupInfo_routes_each_group_to_the_provider_of_that_vCenter_holding_it(bool sameVcenter, string atA, string atB)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter));
        var c = await ConnectAsync(world, "A");

        var info = await c.Client.QueryReplicationGroupInfoAsync(StorageManager, [SourceAtA, FailedOverAtB]);
        var empty = await c.Client.QueryReplicationGroupInfoAsync(StorageManager, []);

        AssertConforms(info.Call);
        AssertConforms(empty.Call);
        Assert.Multiple(() =>
        {
            Assert.That(info.Value!.Select(r => r is QueryReplicationGroupSuccessResult s ? s.RgInfo!.CurrentState : ((GroupErrorResult)r).Error!.Single().TypeName), Is.EqualTo(new[] { atA, atB }));
            Assert.That((empty.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("rgFilter"), empty.Describe());
        });
    }

    [Test]
    public async Task VasaProviderSync_runs_a_task_with_a_void_result_and_refuses_a_second_one_meanwhile()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { TaskPollsToComplete = 2 });
        var c = await ConnectAsync(world, "B");

        var sync = await c.Client.VasaProviderSyncAsync(c.Provider, "sim-array-B");
        var meanwhile = await c.Client.VasaProviderSyncAsync(c.Provider);
        var polls = new List<ProviderResult<SmsTaskInfo>>();
        for (var i = 0; i < 3; i++)
        {
            polls.Add(await c.Client.QuerySmsTaskInfoAsync(sync.Value!));
        }

        var result = await c.Client.QuerySmsTaskResultAsync(sync.Value!);
        var after = await c.Client.VasaProviderSyncAsync(c.Provider);
        var otherArray = await c.Client.VasaProviderSyncAsync(c.Provider, "sim-array-A");

        foreach (var call in new[] { sync.Call, meanwhile.Call, result.Call, otherArray.Call }.Concat(polls.Select(p => p.Call)))
        {
            AssertConforms(call);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sync.Value?.Type, Is.EqualTo("SmsTask"), sync.Describe());
            Assert.That(meanwhile.Fault, Is.TypeOf<SyncInProgress>(), meanwhile.Describe());
            Assert.That(polls.Select(p => p.Value!.State), Is.EqualTo(new[] { SmsTaskState.Queued, SmsTaskState.Running, SmsTaskState.Success }));
            Assert.That(polls[^1].Value!.Object?.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId));
            Assert.That(polls[^1].Value!.Result, Is.Null);
            Assert.That(result.Call.Status, Is.EqualTo(204), "a void task has no result");
            Assert.That(after.Value?.Type, Is.EqualTo("SmsTask"), "once the sync ended another may start");
            Assert.That((otherArray.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("arrayId"));
        });
    }

    [TestCase("QueryActiveAlarm")]
    [TestCase("QueryReplicationPeer")]
    [TestCase("QueryPointInTimeReplica")]
    [TestCase("QueryFaultDomain")]
    public async Task A_fault_injected_into_a_query_fails_its_first_call_only(string operation)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Faults = [new SimulatedFault { Operation = operation, Fault = "ProviderBusy", Times = 1 }] });
        var c = await ConnectAsync(world, "B");
        Func<Task<OutcomeKind>> call = operation switch
        {
            "QueryActiveAlarm" => async () => (await c.Client.QueryActiveAlarmAsync(c.Provider)).Kind,
            "QueryReplicationPeer" => async () => (await c.Client.QueryReplicationPeerAsync(c.Provider, null)).Kind,
            "QueryPointInTimeReplica" => async () => (await c.Client.QueryPointInTimeReplicaAsync(c.Provider, [FailedOverAtB])).Kind,
            _ => async () => (await c.Client.QueryFaultDomainAsync(StorageManager)).Kind,
        };

        Assert.That(new[] { await call(), await call() }, Is.EqualTo(new[] { OutcomeKind.Fault, OutcomeKind.Value }));
    }

    /// <summary>Pages through the alarms with the filter until the provider sets no pageMarker (at most 50 pages), holding each exchange to the definitions.</summary>
    private static async Task<(List<StorageAlarm> Alarms, int Pages)> AllAlarmsAsync(ProviderConnection c, AlarmFilter filter)
    {
        var alarms = new List<StorageAlarm>();
        for (var pages = 1; pages <= 50; pages++)
        {
            var page = await c.Client.QueryActiveAlarmAsync(c.Provider, filter);
            Assert.That(page.IsValue, Is.True, page.Describe());
            AssertConforms(page.Call);
            alarms.AddRange(page.Value!.StorageAlarm ?? []);
            if (page.Value.PageMarker is null)
            {
                return (alarms, pages);
            }

            filter.PageMarker = page.Value.PageMarker;
        }

        Assert.Fail("the pageMarker loop did not end within 50 pages");
        return (alarms, 0);
    }
}
