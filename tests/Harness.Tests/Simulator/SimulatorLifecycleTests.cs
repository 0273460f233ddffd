using System.Diagnostics;
using System.Text.Json;
using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Devices;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Params;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>
/// The replication lifecycle in the simulator (replication-lifecycle.md §2, §4): each transition T1–T7, T10 and the
/// failback on both sites, each reading of an unconfirmed point, the argument faults, the wrong end, the wrong state,
/// repeats, and each lifecycle deviation's effect.
/// </summary>
[TestFixture]
public sealed class SimulatorLifecycleTests
{
    private static readonly ReplicationGroupId HealthyB = ReplicationGroupId.Of("fd-B", "rg-tgt-1-b");
    private static readonly ReplicationGroupId HealthyA = ReplicationGroupId.Of("fd-A", "rg-tgt-1-a");
    private static readonly ReplicationGroupId FailedOverB = ReplicationGroupId.Of("fd-B", "rg-fo-1-b");
    private static readonly ReplicationGroupId FailedOverA = ReplicationGroupId.Of("fd-A", "rg-fo-1-a");
    private static readonly ReplicationGroupId InTestB = ReplicationGroupId.Of("fd-B", "rg-test-1-b");
    private static readonly ReplicationGroupId InTestA = ReplicationGroupId.Of("fd-A", "rg-test-1-a");
    private static readonly ReplicationGroupId UnknownB = ReplicationGroupId.Of("fd-B", "rg-nope");

    /// <summary>Per operation, in the default two-site world: where it succeeds and what it leaves, and where it is refused.</summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["Sync"] = new("B", HealthyB, ReplicationState.Target, HealthyA, ReplicationState.Source, "A", HealthyA, "B", FailedOverB, ReplicationState.InTest, ReplicationState.FailedOver),
        ["PrepareFailover"] = new("A", HealthyA, ReplicationState.Source, HealthyB, ReplicationState.Target, "B", HealthyB, "B", FailedOverB, ReplicationState.Target, ReplicationState.FailedOver),
        ["Failover"] = new("B", HealthyB, ReplicationState.FailedOver, HealthyA, ReplicationState.Source, "A", HealthyA, "B", InTestB, ReplicationState.InTest, ReplicationState.InTest),
        ["TestFailoverStart"] = new("B", HealthyB, ReplicationState.InTest, HealthyA, ReplicationState.Source, "A", HealthyA, "B", FailedOverB, ReplicationState.FailedOver, ReplicationState.FailedOver),
        ["TestFailoverStop"] = new("B", InTestB, ReplicationState.Target, InTestA, ReplicationState.Source, "A", InTestA, "B", FailedOverB, ReplicationState.InTest, ReplicationState.FailedOver),
        ["Promote"] = new("B", InTestB, ReplicationState.FailedOver, InTestA, ReplicationState.Source, "A", InTestA, "B", HealthyB, ReplicationState.InTest, ReplicationState.FailedOver),
    };

    /// <summary>The lifecycle deviations shown by one test each outside <see cref="OperationBreaks"/>.</summary>
    private static readonly string[] SpecialDeviations =
    [
        nameof(Deviation.FailoverCheckOnlyChanges), nameof(Deviation.FailoverUnplannedTouchesPeer), nameof(Deviation.TestFailoverStartCheckOnlyChanges),
        nameof(Deviation.PromoteIgnoresCapability), nameof(Deviation.SyncPitNotListed), nameof(Deviation.ReversePeerNotUpdated), nameof(Deviation.SyncConcurrentSecondFails),
        nameof(Deviation.TestFailoverStopWithoutForceFailsOver),
    ];

    public static IEnumerable<TestCaseData> Operations => Scenarios.Keys.Select(op => new TestCaseData(op).SetArgDisplayNames(op));

    /// <summary>Every operation × every break it has (<c>{Op}{Break}</c> in <see cref="Deviation"/>), each named by what it shows.</summary>
    public static IEnumerable<TestCaseData> OperationBreaks() =>
        from op in Scenarios.Keys
        from brk in new[] { "AcceptsEmpty", "AcceptsWrongSite", "AcceptsWrongState", "WrongStateFault", "WrongPostState", "WrongPeerState", "TaskNeverEnds", IsVoid(op) ? "ReturnsResult" : "ResultForWrongGroup" }
        select new TestCaseData(op, brk).SetName($"{op}{brk}_{Sentence(brk)}");

    // ---- Transitions (reference §2) ----

    [Test]
    public async Task T1_a_sync_at_B_keeps_the_target_TARGET_and_QueryPointInTimeReplica_then_lists_the_replica_it_returned()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.ReplicasOf(HealthyB.Key).Count;

        var results = await ResultsAsync(b, "Sync", [HealthyB]);
        var sync = (SyncReplicationGroupSuccessResult)results.Single();
        var listed = await b.Client.QueryPointInTimeReplicaAsync(b.Provider, [HealthyB], new QueryPointInTimeReplicaParam { PreferDetails = true });
        AssertConforms(listed.Call);
        var replicas = ((QueryPointInTimeReplicaSuccessResult)listed.Value!.Single()).ReplicaInfo!;

        Assert.Multiple(() =>
        {
            Assert.That(sync.GroupId!.Key, Is.EqualTo(HealthyB.Key));
            Assert.That(sync.PitName, Is.EqualTo("conformance-pit"), "the pitName as sent");
            Assert.That(sync.TimeStamp, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1)), "now");
            Assert.That(sync.PitId?.Id, Is.Not.Null.And.Not.Empty);
            Assert.That(replicas.Select(r => r.Id!.Id), Does.Contain(sync.PitId!.Id), "QPIT-SYNC-1");
            Assert.That(replicas.Single(r => r.Id!.Id == sync.PitId.Id).PitName, Is.EqualTo("conformance-pit"));
            Assert.That(world.Provider.ReplicasOf(HealthyB.Key), Has.Count.EqualTo(before + 1));
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.Target), "SYNC-STATE-1");
            Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Source));
        });
    }

    [Test]
    public async Task T2_a_test_failover_start_at_B_puts_the_target_INTEST_with_recovered_devices_and_A_stays_SOURCE()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var info = await RunAsync(b, "TestFailoverStart", [HealthyB]);
        var target = (TargetGroupInfo)await QueryAsync(b, HealthyB);
        var source = await QueryAsync(await ConnectAsync(world, "A"), HealthyA);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(info.Result, Is.Null, "void, as VMware's types declare (the default reading)");
            Assert.That(target.CurrentState, Is.EqualTo(ReplicationState.InTest));
            Assert.That(target.Devices, Has.Count.EqualTo(2).And.All.TypeOf<RecoveredTargetGroupMemberInfo>(), "TFS-POST-1");
            Assert.That(target.Devices!.Select(d => ((RecoveredTargetGroupMemberInfo)d).RecoveredDeviceId), Has.All.Not.Null);
            Assert.That(source.CurrentState, Is.EqualTo(ReplicationState.Source), "TFS-SRC-1");
        });
    }

    [Test]
    public async Task T3_a_forced_test_failover_stop_puts_an_INTEST_group_back_to_TARGET_with_plain_devices()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var info = await RunAsync(b, "TestFailoverStop", [InTestB], force: true);
        var target = (TargetGroupInfo)await QueryAsync(b, InTestB);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(info.Result, Is.Null, "void");
            Assert.That(target.CurrentState, Is.EqualTo(ReplicationState.Target));
            Assert.That(target.Devices, Has.Count.EqualTo(2).And.All.TypeOf<BareTargetGroupMemberInfo>(), "TFX-POST-1");
            Assert.That(State(world, InTestA), Is.EqualTo(ReplicationState.Source));
        });
    }

    [Test]
    public async Task T4_a_promote_of_an_INTEST_group_makes_it_FAILEDOVER_with_its_recovered_device_ids_unchanged()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var before = RecoveredIds((TargetGroupInfo)await QueryAsync(b, InTestB));

        var results = await ResultsAsync(b, "Promote", [InTestB]);
        var after = (TargetGroupInfo)await QueryAsync(b, InTestB);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single(), Is.TypeOf<BareGroupOperationResult>());
            Assert.That(results.Single().GroupId!.Key, Is.EqualTo(InTestB.Key));
            Assert.That(after.CurrentState, Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(RecoveredIds(after), Is.EqualTo(before).And.Not.Empty, "PRO-POST-1");
            Assert.That(State(world, InTestA), Is.EqualTo(ReplicationState.Source), "peerAfterPromote unchanged (the default)");
        });
    }

    [Test]
    public async Task T5_a_failover_of_an_INTEST_group_is_refused_with_InvalidReplicationState_until_the_test_is_stopped()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var refused = (GroupErrorResult)(await ResultsAsync(b, "Failover", [InTestB])).Single();
        await RunAsync(b, "TestFailoverStop", [InTestB], force: true);
        var failedOver = (await ResultsAsync(b, "Failover", [InTestB])).Single();

        Assert.Multiple(() =>
        {
            var fault = refused.Error!.Single() as InvalidReplicationState;
            Assert.That(fault?.CurrentState, Is.EqualTo(ReplicationState.InTest), "FO-STATE-1");
            Assert.That(fault?.DesiredState, Is.EqualTo(new[] { ReplicationState.Target }));
            Assert.That(failedOver, Is.TypeOf<FailoverSuccessResult>());
            Assert.That(State(world, InTestB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task T6_a_prepare_failover_at_A_answers_a_plain_result_and_leaves_the_source_SOURCE_and_the_target_TARGET()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var a = await ConnectAsync(world, "A");

        var results = await ResultsAsync(a, "PrepareFailover", [HealthyA]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single(), Is.TypeOf<BareGroupOperationResult>(), "PFO-RES-1");
            Assert.That(results.Single().GroupId!.Key, Is.EqualTo(HealthyA.Key));
            Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Source));
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.Target));
        });
    }

    [Test]
    public async Task T7_a_planned_failover_at_B_makes_the_target_FAILEDOVER_and_reports_the_devices_a_query_then_lists()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var latest = world.Provider.ReplicasOf(HealthyB.Key)[^1].Id;

        var result = (FailoverSuccessResult)(await ResultsAsync(b, "Failover", [HealthyB])).Single();
        var target = (TargetGroupInfo)await QueryAsync(b, HealthyB);

        Assert.Multiple(() =>
        {
            Assert.That(result.GroupId!.Key, Is.EqualTo(HealthyB.Key));
            Assert.That(result.NewState, Is.EqualTo(ReplicationState.FailedOver), "FO-RES-1");
            Assert.That(result.PitId?.Id, Is.EqualTo(latest), "no pitId asked: the latest replica");
            Assert.That(result.TimeStamp, Is.Not.Null);
            Assert.That(target.CurrentState, Is.EqualTo(result.NewState), "POST-1");
            Assert.That(target.Devices, Has.All.TypeOf<RecoveredTargetGroupMemberInfo>());
            Assert.That(result.RecoveredDeviceInfo!.Select(d => ((VVolId)d.RecoveredDeviceId!).Id), Is.EqualTo(RecoveredIds(target)));
            Assert.That(result.RecoveredDeviceInfo!.Select(d => d.Error), Has.All.Null, "FO-RES-2");
            Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Source), "peerAfterFailover unchanged (the default)");
        });
    }

    [Test]
    public async Task A_failover_recovers_the_replica_asked_for_and_refuses_one_the_group_does_not_hold_with_NoValidReplica()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var first = world.Provider.ReplicasOf(HealthyB.Key)[0].Id;
        var healthy2 = ReplicationGroupId.Of("fd-B", "rg-tgt-2-b");

        var call = await b.Client.FailoverReplicationGroupAsync(b.Provider, new FailoverParam
        {
            IsPlanned = true,
            CheckOnly = false,
            ReplicationGroupsToFailover =
            [
                new ReplicationGroupData { GroupId = HealthyB, PitId = new PointInTimeReplicaId { Id = first } },
                new ReplicationGroupData { GroupId = healthy2, PitId = new PointInTimeReplicaId { Id = "pit-nowhere" } },
            ],
        });
        var results = Results((await WaitAsync(b, call.Value!)).Result);

        Assert.Multiple(() =>
        {
            Assert.That(((FailoverSuccessResult)results[0]).PitId?.Id, Is.EqualTo(first));
            Assert.That(((GroupErrorResult)results[1]).Error!.Single(), Is.TypeOf<NoValidReplica>());
            Assert.That(State(world, healthy2), Is.EqualTo(ReplicationState.Target));
        });
    }

    [Test]
    public async Task T10_a_sync_prepare_failover_and_reverse_at_B_leave_a_new_source_at_B_whose_target_is_the_old_source_at_A()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PlannedFailoverNeedsPrepare = true } });
        var a = await ConnectAsync(world, "A");
        var b = await ConnectAsync(world, "B");

        await ResultsAsync(b, "Sync", [HealthyB]);
        await ResultsAsync(a, "PrepareFailover", [HealthyA]);
        Assert.That((await ResultsAsync(b, "Failover", [HealthyB])).Single(), Is.TypeOf<FailoverSuccessResult>());
        var reversed = (ReverseReplicationSuccessResult)(await ReverseResultsAsync(b, HealthyB)).Single();
        var newSource = ReplicationGroupId.Of("fd-B", reversed.NewGroupId!.Id!);

        Assert.Multiple(() =>
        {
            Assert.That(State(world, newSource), Is.EqualTo(ReplicationState.Source));
            Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Target), "REV-PEER-1");
            Assert.That(world.Provider.Groups.Single(g => g.Key == HealthyA.Key).Peer, Is.EqualTo(newSource.Key));
        });
    }

    [Test]
    public async Task Failback_prepares_at_B_fails_over_and_reverses_at_A_and_the_pair_ends_in_its_original_orientation()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PlannedFailoverNeedsPrepare = true } });
        var a = await ConnectAsync(world, "A");
        var b = await ConnectAsync(world, "B");

        // RT-CYCLE: Sync@B, PFO@A, FO@B, REV@B, then the same with the sites swapped.
        await ResultsAsync(b, "Sync", [HealthyB]);
        await ResultsAsync(a, "PrepareFailover", [HealthyA]);
        await ResultsAsync(b, "Failover", [HealthyB]);
        var sourceB = ReplicationGroupId.Of("fd-B", ((ReverseReplicationSuccessResult)(await ReverseResultsAsync(b, HealthyB)).Single()).NewGroupId!.Id!);
        var sync = (SyncReplicationGroupSuccessResult)(await ResultsAsync(a, "Sync", [HealthyA])).Single();
        var prepared = (await ResultsAsync(b, "PrepareFailover", [sourceB])).Single();
        var failedOver = (FailoverSuccessResult)(await ResultsAsync(a, "Failover", [HealthyA])).Single();
        var stateBeforeReverse = State(world, HealthyA);
        var sourceA = ReplicationGroupId.Of("fd-A", ((ReverseReplicationSuccessResult)(await ReverseResultsAsync(a, HealthyA)).Single()).NewGroupId!.Id!);
        var infoA = (SourceGroupInfo)await QueryAsync(a, sourceA);
        var infoB = (TargetGroupInfo)await QueryAsync(b, sourceB);

        Assert.Multiple(() =>
        {
            Assert.That(sync.PitId?.Id, Is.Not.Null, "the old source, now TARGET at A, syncs");
            Assert.That(prepared, Is.TypeOf<BareGroupOperationResult>(), "B's new source is prepared at B");
            Assert.That(failedOver.NewState, Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(failedOver.PitId?.Id, Is.EqualTo(sync.PitId!.Id), "the latest replica is the one the Sync at A made");
            Assert.That(stateBeforeReverse, Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(infoA.CurrentState, Is.EqualTo(ReplicationState.Source), "A is the source again");
            Assert.That(infoA.Replica!.Single().TargetGroupId!.Key, Is.EqualTo(sourceB.Key));
            Assert.That(infoB.CurrentState, Is.EqualTo(ReplicationState.Target), "B is the target again");
            Assert.That(infoB.SourceInfo!.SourceGroupId!.Key, Is.EqualTo(sourceA.Key));
        });
    }

    [Test]
    public async Task In_the_one_site_world_a_failover_changes_only_the_called_group()
    {
        using var server = SimulatedProviderServer.Start(Options());
        var c = await ConnectAsync(server);
        var target = ReplicationGroupId.Of("fd-B", "rg-tgt-1");
        var before = server.Provider.Groups.Where(g => g.Key != target.Key).ToList();

        var result = (FailoverSuccessResult)(await ResultsAsync(c, "Failover", [target])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.NewState, Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(result.RecoveredDeviceInfo, Has.Count.EqualTo(2));
            Assert.That(server.Provider.Groups.Single(g => g.Key == target.Key).State, Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(server.Provider.Groups.Where(g => g.Key != target.Key), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task T11_a_checkOnly_failover_answers_plain_results_and_changes_nothing_on_either_site()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PeerAfterFailover = PeerReading.Target } });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var results = await ResultsAsync(b, "Failover", [HealthyB], checkOnly: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single(), Is.TypeOf<BareGroupOperationResult>(), "FO-CHK-1");
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task T11_an_unplanned_failover_never_touches_the_twin_even_when_a_planned_one_would()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PeerAfterFailover = PeerReading.Target, PlannedFailoverNeedsPrepare = true } });
        var b = await ConnectAsync(world, "B");

        var result = (await ResultsAsync(b, "Failover", [HealthyB], planned: false)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<FailoverSuccessResult>(), "an unplanned failover needs no prepare");
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.FailedOver));
            Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Source));
        });
    }

    [Test]
    public async Task A_checkOnly_test_failover_start_changes_nothing()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var info = await RunAsync(b, "TestFailoverStart", [HealthyB], checkOnly: true);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(world.Provider.Groups, Is.EqualTo(before), "TFS-CHK-1");
        });
    }

    // ---- Readings of unconfirmed points ----

    [Test]
    public async Task Under_concurrentSync_success_two_syncs_of_one_group_in_flight_both_succeed_with_a_replica_each()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var (first, second) = await TwoSyncsAsync(b);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<SyncReplicationGroupSuccessResult>());
            Assert.That(second, Is.TypeOf<SyncReplicationGroupSuccessResult>());
            Assert.That(((SyncReplicationGroupSuccessResult)first).PitId!.Id, Is.Not.EqualTo(((SyncReplicationGroupSuccessResult)second).PitId!.Id));
        });
    }

    [Test]
    public async Task Under_concurrentSync_syncOngoing_the_later_sync_gets_SyncOngoing_naming_the_earlier_task_which_is_pollable()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { ConcurrentSync = ConcurrentSyncReading.SyncOngoing } });
        var b = await ConnectAsync(world, "B");
        var firstTask = (await CallAsync(b, "Sync", [HealthyB])).Value!;
        var secondTask = (await CallAsync(b, "Sync", [HealthyB])).Value!;

        var second = Results((await WaitAsync(b, secondTask)).Result).Single();
        var ongoing = ((GroupErrorResult)second).Error!.Single() as SyncOngoing;
        var poll = await b.Client.QuerySmsTaskInfoAsync(ongoing!.Task!);
        var first = Results((await WaitAsync(b, firstTask)).Result).Single();
        var third = (await ResultsAsync(b, "Sync", [HealthyB])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(ongoing.Task!.Value, Is.EqualTo(firstTask.Value), "SYNC-CONC-1");
            Assert.That(poll.IsValue, Is.True, poll.Describe());
            Assert.That(first, Is.TypeOf<SyncReplicationGroupSuccessResult>());
            Assert.That(third, Is.TypeOf<SyncReplicationGroupSuccessResult>(), "once the first ended, a sync runs again");
        });
    }

    [TestCase(PeerReading.Unchanged, ReplicationState.Source)]
    [TestCase(PeerReading.Target, ReplicationState.Target)]
    public async Task Under_peerAfterFailover_a_planned_failover_leaves_the_old_source_as_the_reading_says(PeerReading reading, string peerState)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PeerAfterFailover = reading } });
        var b = await ConnectAsync(world, "B");

        await ResultsAsync(b, "Failover", [HealthyB]);
        var peer = await QueryAsync(await ConnectAsync(world, "A"), HealthyA);

        Assert.Multiple(() =>
        {
            Assert.That(peer.CurrentState, Is.EqualTo(peerState));
            Assert.That(peer, Is.TypeOf(peerState == ReplicationState.Source ? typeof(SourceGroupInfo) : typeof(TargetGroupInfo)));
        });
    }

    [Test]
    public async Task Under_plannedFailoverNeedsPrepare_a_planned_failover_of_a_pair_not_prepared_is_InvalidReplicationState_and_one_prepared_at_A_succeeds()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PlannedFailoverNeedsPrepare = true } });
        var a = await ConnectAsync(world, "A");
        var b = await ConnectAsync(world, "B");

        var unprepared = (await ResultsAsync(b, "Failover", [HealthyB])).Single();
        var stateAfterRefusal = State(world, HealthyB);
        await ResultsAsync(a, "PrepareFailover", [HealthyA]);
        var prepared = (await ResultsAsync(b, "Failover", [HealthyB])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(((GroupErrorResult)unprepared).Error!.Single(), Is.TypeOf<InvalidReplicationState>());
            Assert.That(stateAfterRefusal, Is.EqualTo(ReplicationState.Target), "NOCHANGE-1");
            Assert.That(prepared, Is.TypeOf<FailoverSuccessResult>(), "PFO-POST-1");
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task Under_testFailoverStartResult_array_a_test_failover_start_answers_a_plain_result_per_group_and_a_GroupErrorResult_per_refused_one()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { TestFailoverStartResult = TestFailoverStartResultReading.Array } });
        var b = await ConnectAsync(world, "B");

        var results = await ResultsAsync(b, "TestFailoverStart", [HealthyB, FailedOverB]);

        Assert.Multiple(() =>
        {
            Assert.That(results[0], Is.TypeOf<BareGroupOperationResult>());
            Assert.That(((GroupErrorResult)results[1]).Error!.Single(), Is.TypeOf<InvalidReplicationState>());
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.InTest));
            Assert.That(State(world, FailedOverB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [TestCase(TestFailoverStopReading.Target, true, ReplicationState.Target)]
    [TestCase(TestFailoverStopReading.Target, false, ReplicationState.Target)]
    [TestCase(TestFailoverStopReading.StaysInTest, false, ReplicationState.InTest)]
    [TestCase(TestFailoverStopReading.StaysInTest, true, ReplicationState.Target)]
    [TestCase(TestFailoverStopReading.NotSupported, true, ReplicationState.Target)]
    public async Task Under_testFailoverStopWithoutForce_a_test_failover_stop_leaves_the_group_as_the_reading_and_force_say(TestFailoverStopReading reading, bool force, string state)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { TestFailoverStopWithoutForce = reading } });
        var b = await ConnectAsync(world, "B");

        var info = await RunAsync(b, "TestFailoverStop", [InTestB], force: force);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(State(world, InTestB), Is.EqualTo(state));
        });
    }

    [Test]
    public async Task TestFailoverStopWithoutForceFailsOver_fails_the_group_over_on_a_stop_without_force_only()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.TestFailoverStopWithoutForceFailsOver } });
        var b = await ConnectAsync(world, "B");

        var info = await RunAsync(b, "TestFailoverStop", [InTestB], force: false);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
            Assert.That(State(world, InTestB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task Under_testFailoverStopWithoutForce_notSupported_a_stop_without_force_is_refused_with_NotSupportedByProvider_and_nothing_changes()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { TestFailoverStopWithoutForce = TestFailoverStopReading.NotSupported } });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var call = await CallAsync(b, "TestFailoverStop", [InTestB], force: false);

        Assert.Multiple(() =>
        {
            Assert.That(call.Fault, Is.TypeOf<NotSupportedByProvider>(), call.Describe());
            Assert.That(call.Call.Status, Is.EqualTo(500));
            Assert.That(world.Provider.Groups, Is.EqualTo(before), "TFX-FORCE-1");
        });
        AssertConforms(call.Call);
    }

    [Test]
    public async Task Under_promoteCapable_false_groups_say_so_and_a_promote_gets_NotSupportedByProvider_per_group_and_changes_nothing()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PromoteCapable = false } });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var info = (TargetGroupInfo)await QueryAsync(b, InTestB);
        var result = (GroupErrorResult)(await ResultsAsync(b, "Promote", [InTestB])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(info.IsPromoteCapable, Is.False, "PRO-GATE-1");
            Assert.That(result.Error!.Single(), Is.TypeOf<NotSupportedByProvider>(), "PRO-CAP-1");
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
    }

    [TestCase(PeerReading.Unchanged, ReplicationState.Source)]
    [TestCase(PeerReading.Target, ReplicationState.Target)]
    public async Task Under_peerAfterPromote_a_promote_leaves_the_twin_as_the_reading_says(PeerReading reading, string peerState)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PeerAfterPromote = reading } });
        var b = await ConnectAsync(world, "B");

        await ResultsAsync(b, "Promote", [InTestB]);

        Assert.That(State(world, InTestA), Is.EqualTo(peerState));
    }

    [Test]
    public async Task Under_perGroupErrors_taskError_one_refused_group_fails_the_task_and_no_group_of_it_changes()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { PerGroupErrors = PerGroupErrorReading.TaskError });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var info = await RunAsync(b, "Failover", [HealthyB, InTestB]);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Error));
            Assert.That((info.Error as InvalidReplicationState)?.CurrentState, Is.EqualTo(ReplicationState.InTest));
            Assert.That(world.Provider.Groups, Is.EqualTo(before), "atomic");
        });
    }

    [Test]
    public async Task Under_perGroupErrors_wholeCallFault_one_refused_group_refuses_the_call_with_HTTP_500_and_starts_no_task()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { PerGroupErrors = PerGroupErrorReading.WholeCallFault });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var wrongState = await CallAsync(b, "Failover", [HealthyB, InTestB]);
        var unknown = await CallAsync(b, "Sync", [HealthyB, UnknownB]);

        Assert.Multiple(() =>
        {
            Assert.That(wrongState.Fault, Is.TypeOf<InvalidReplicationState>(), wrongState.Describe());
            Assert.That((unknown.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), unknown.Describe());
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
        AssertConforms(wrongState.Call);
    }

    [Test]
    public async Task A_void_operation_has_no_entry_for_a_GroupErrorResult_so_a_refused_group_fails_its_task()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var wrongState = await RunAsync(b, "TestFailoverStop", [FailedOverB]);
        var unknown = await RunAsync(b, "TestFailoverStart", [UnknownB]);

        Assert.Multiple(() =>
        {
            Assert.That(wrongState.State, Is.EqualTo(SmsTaskState.Error));
            Assert.That(wrongState.Error, Is.TypeOf<InvalidReplicationState>());
            Assert.That(unknown.Error, Is.TypeOf<InvalidArgument>());
            Assert.That(((InvalidArgument)unknown.Error!).InvalidProperty, Is.EqualTo("testFailoverParam.replicationGroupsToFailover"));
        });
    }

    // ---- Arguments ----

    [TestCase("Sync", "groupId")]
    [TestCase("PrepareFailover", "groupId")]
    [TestCase("Failover", "failoverParam.replicationGroupsToFailover")]
    [TestCase("TestFailoverStart", "testFailoverParam.replicationGroupsToFailover")]
    [TestCase("TestFailoverStop", "groupId")]
    [TestCase("Promote", "promoteParam.replicationGroupsToPromote")]
    public async Task A_call_without_groups_is_refused_with_InvalidArgument_naming_where_the_groups_go(string op, string property)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, Scenarios[op].Site);

        var call = await CallAsync(c, op, []);

        Assert.That((call.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo(property), call.Describe());
        AssertConforms(call.Call);
    }

    [TestCase("Sync")]
    [TestCase("PrepareFailover")]
    [TestCase("TestFailoverStop")]
    public async Task A_call_with_groupId_absent_is_refused_with_InvalidArgument_naming_groupId(string op)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, Scenarios[op].Site);

        var call = await CallAsync(c, op, null);

        Assert.That((call.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo("groupId"), call.Describe());
        AssertConforms(call.Call);
    }

    [TestCase("", RequestShapeFault.InvalidRequest, "InvalidArgument")]
    [TestCase(null, RequestShapeFault.None, "InvalidArgument")]
    [TestCase(null, RequestShapeFault.InvalidRequest, "InvalidRequest")]
    public async Task A_sync_with_pitName_empty_or_absent_is_refused_naming_pitName_or_by_the_strict_front(string? pitName, RequestShapeFault front, string fault)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { RequestShapeFault = front });
        var b = await ConnectAsync(world, "B");

        var call = await b.Client.SyncReplicationGroupAsync(b.Provider, [HealthyB], pitName!);

        Assert.Multiple(() =>
        {
            Assert.That(call.FaultName, Is.EqualTo(fault), call.Describe());
            Assert.That((call.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo(fault == "InvalidArgument" ? "pitName" : null));
        });
    }

    [TestCase("Failover", "failoverParam")]
    [TestCase("TestFailoverStart", "testFailoverParam")]
    [TestCase("Promote", "promoteParam")]
    public async Task A_call_with_its_parameter_absent_is_refused_with_InvalidArgument_naming_it(string op, string parameter)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { RequestShapeFault = RequestShapeFault.None });
        var b = await ConnectAsync(world, "B");

        var call = op switch
        {
            "Failover" => await b.Client.FailoverReplicationGroupAsync(b.Provider, null!),
            "TestFailoverStart" => await b.Client.TestFailoverReplicationGroupStartAsync(b.Provider, null!),
            _ => await b.Client.PromoteReplicationGroupAsync(b.Provider, null!),
        };

        Assert.Multiple(() =>
        {
            Assert.That(call.Call.RequestBody, Is.EqualTo("{}"));
            Assert.That((call.Fault as InvalidArgument)?.InvalidProperty, Is.EqualTo(parameter), call.Describe());
        });
    }

    [TestCaseSource(nameof(Operations))]
    public async Task A_call_of_more_groups_than_the_batch_limit_is_refused_with_TooMany_naming_the_limit(string op)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, Scenarios[op].Site);
        var nine = Enumerable.Range(1, 9).Select(i => ReplicationGroupId.Of("fd-X", $"rg-{i}")).ToList();

        var tooMany = await CallAsync(c, op, nine);
        var eight = await CallAsync(c, op, nine[..8]);

        Assert.Multiple(() =>
        {
            Assert.That((tooMany.Fault as TooMany)?.MaxBatchSize, Is.EqualTo(8), tooMany.Describe());
            Assert.That(eight.IsValue, Is.True, "BATCH-2: " + eight.Describe());
        });
        AssertConforms(tooMany.Call);
    }

    // ---- Per group: the wrong end, the wrong state, unknown, listed twice ----

    [TestCaseSource(nameof(Operations))]
    public async Task A_group_at_the_wrong_end_is_refused_with_InvalidFunctionTarget_and_neither_site_changes(string op)
    {
        var scenario = Scenarios[op];
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, scenario.WrongSiteAt);
        var before = world.Provider.Groups;

        var fault = GroupFault(await RunAsync(c, op, [scenario.WrongSite]));

        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.TypeOf<InvalidFunctionTarget>());
            Assert.That(world.Provider.Groups, Is.EqualTo(before), "NOCHANGE-1");
        });
    }

    [TestCaseSource(nameof(Operations))]
    public async Task A_group_in_the_wrong_state_is_refused_with_InvalidReplicationState_naming_its_state_and_the_one_required(string op)
    {
        var scenario = Scenarios[op];
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, scenario.WrongStateAt);
        var state = State(world, scenario.WrongState);
        var before = world.Provider.Groups;

        var fault = GroupFault(await RunAsync(c, op, [scenario.WrongState])) as InvalidReplicationState;

        Assert.Multiple(() =>
        {
            Assert.That(fault?.CurrentState, Is.EqualTo(state));
            Assert.That(fault?.DesiredState, Has.Count.EqualTo(1).And.Not.Contain(state));
            Assert.That(world.Provider.Groups, Is.EqualTo(before), "NOCHANGE-1");
        });
    }

    [TestCase("Sync")]
    [TestCase("PrepareFailover")]
    [TestCase("Failover")]
    [TestCase("Promote")]
    public async Task An_unknown_group_is_NotFound_and_one_listed_twice_DuplicateEntry_while_the_others_proceed(string op)
    {
        var scenario = Scenarios[op];
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, scenario.Site);
        var unknown = ReplicationGroupId.Of(scenario.Happy.FaultDomainId!.Id!, "rg-nope");

        var results = await ResultsAsync(c, op, [scenario.Happy, unknown, scenario.Happy]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.GroupId!.Key), Is.EqualTo(new[] { scenario.Happy.Key, unknown.Key, scenario.Happy.Key }), "RES-1");
            Assert.That(results[0], Is.Not.TypeOf<GroupErrorResult>());
            Assert.That(((GroupErrorResult)results[1]).Error!.Single(), Is.TypeOf<NotFound>());
            Assert.That(((GroupErrorResult)results[2]).Error!.Single(), Is.TypeOf<DuplicateEntry>());
            Assert.That(State(world, scenario.Happy), Is.EqualTo(scenario.After));
        });
    }

    // ---- Repeats ----

    [TestCase("Failover", "B", "rg-fo-1-b", typeof(FailoverSuccessResult))]
    [TestCase("TestFailoverStart", "B", "rg-test-1-b", typeof(BareGroupOperationResult))]
    public async Task Under_repeats_alreadyDone_a_repeat_is_a_success_with_an_AlreadyDone_warning_that_changes_nothing(string op, string site, string group, Type resultType)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { TestFailoverStartResult = TestFailoverStartResultReading.Array } });
        var c = await ConnectAsync(world, site);
        var id = ReplicationGroupId.Of("fd-" + site, group);
        var before = world.Provider.Groups;

        var result = (await ResultsAsync(c, op, [id])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf(resultType));
            Assert.That(result.Warning?.Single(), Is.TypeOf<AlreadyDone>());
            Assert.That((result as FailoverSuccessResult)?.NewState, Is.EqualTo(op == "Failover" ? ReplicationState.FailedOver : null));
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_checkOnly_failover_of_a_FAILEDOVER_group_is_a_plain_entry_with_an_AlreadyDone_warning()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");

        var result = (await ResultsAsync(b, "Failover", [FailedOverB], checkOnly: true)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<BareGroupOperationResult>(), "FO-CHK-1: plain entries");
            Assert.That(result.Warning?.Single(), Is.TypeOf<AlreadyDone>());
        });
    }

    [Test]
    public async Task Under_repeats_alreadyDone_stopping_the_test_of_a_TARGET_group_succeeds_and_changes_nothing()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var info = await RunAsync(b, "TestFailoverStop", [HealthyB]);

        Assert.Multiple(() =>
        {
            Assert.That(info.State, Is.EqualTo(SmsTaskState.Success), "TFX-STATE-1");
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
    }

    [TestCase("Failover", "rg-fo-1-b", ReplicationState.FailedOver)]
    [TestCase("TestFailoverStart", "rg-test-1-b", ReplicationState.InTest)]
    [TestCase("TestFailoverStop", "rg-tgt-1-b", ReplicationState.Target)]
    public async Task Under_repeats_refused_a_repeat_is_refused_with_InvalidReplicationState(string op, string group, string state)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Repeats = RepeatReading.Refused });
        var b = await ConnectAsync(world, "B");
        var before = world.Provider.Groups;

        var fault = GroupFault(await RunAsync(b, op, [ReplicationGroupId.Of("fd-B", group)]));

        Assert.Multiple(() =>
        {
            Assert.That((fault as InvalidReplicationState)?.CurrentState, Is.EqualTo(state));
            Assert.That(world.Provider.Groups, Is.EqualTo(before));
        });
    }

    // ---- Deviations: each breaks its clause, observably ----

    [TestCaseSource(nameof(OperationBreaks))]
    public async Task Each_operation_deviation_shows_its_break(string op, string brk)
    {
        var deviation = Enum.Parse<Deviation>(op + brk);

        var faithful = await ObserveAsync(op, brk, TwoSiteOptions());
        var broken = await ObserveAsync(op, brk, TwoSiteOptions() with { Deviations = new HashSet<Deviation> { deviation } });

        Assert.Multiple(() =>
        {
            Assert.That(faithful, Is.EqualTo(Expected(op, brk, faithful: true)), "the faithful simulator");
            Assert.That(broken, Is.EqualTo(Expected(op, brk, faithful: false)), deviation.ToString());
        });
    }

    [Test]
    public async Task FailoverCheckOnlyChanges_fails_the_group_over_on_a_checkOnly_failover()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.FailoverCheckOnlyChanges } });
        var b = await ConnectAsync(world, "B");

        var result = (await ResultsAsync(b, "Failover", [HealthyB], checkOnly: true)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<BareGroupOperationResult>(), "still the checkOnly answer");
            Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task FailoverUnplannedTouchesPeer_turns_the_twin_into_TARGET_on_an_unplanned_failover()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.FailoverUnplannedTouchesPeer } });
        var b = await ConnectAsync(world, "B");

        await ResultsAsync(b, "Failover", [HealthyB], planned: false);

        Assert.That(State(world, HealthyA), Is.EqualTo(ReplicationState.Target));
    }

    [Test]
    public async Task TestFailoverStartCheckOnlyChanges_puts_the_group_INTEST_on_a_checkOnly_test_failover()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.TestFailoverStartCheckOnlyChanges } });
        var b = await ConnectAsync(world, "B");

        await RunAsync(b, "TestFailoverStart", [HealthyB], checkOnly: true);

        Assert.That(State(world, HealthyB), Is.EqualTo(ReplicationState.InTest));
    }

    [Test]
    public async Task PromoteIgnoresCapability_promotes_a_group_of_a_provider_that_is_not_promote_capable()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Lifecycle = new() { PromoteCapable = false }, Deviations = new HashSet<Deviation> { Deviation.PromoteIgnoresCapability } });
        var b = await ConnectAsync(world, "B");

        var result = (await ResultsAsync(b, "Promote", [InTestB])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<BareGroupOperationResult>());
            Assert.That(State(world, InTestB), Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task SyncPitNotListed_leaves_the_replica_a_sync_returned_out_of_QueryPointInTimeReplica()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.SyncPitNotListed } });
        var b = await ConnectAsync(world, "B");

        var sync = (SyncReplicationGroupSuccessResult)(await ResultsAsync(b, "Sync", [HealthyB])).Single();
        var listed = await b.Client.QueryPointInTimeReplicaAsync(b.Provider, [HealthyB], new QueryPointInTimeReplicaParam { PreferDetails = true });

        Assert.That(((QueryPointInTimeReplicaSuccessResult)listed.Value!.Single()).ReplicaInfo!.Select(r => r.Id!.Id), Does.Not.Contain(sync.PitId!.Id));
    }

    [Test]
    public async Task ReversePeerNotUpdated_leaves_the_old_source_SOURCE_and_pointing_at_the_old_id()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.ReversePeerNotUpdated } });
        var a = await ConnectAsync(world, "A");
        var b = await ConnectAsync(world, "B");

        await ReverseResultsAsync(b, FailedOverB);
        var peer = (SourceGroupInfo)await QueryAsync(a, FailedOverA);

        Assert.Multiple(() =>
        {
            Assert.That(peer.CurrentState, Is.EqualTo(ReplicationState.Source));
            Assert.That(peer.Replica!.Single().TargetGroupId!.Key, Is.EqualTo(FailedOverB.Key), "the old id, which names no group now");
        });
    }

    [Test]
    public async Task SyncConcurrentSecondFails_fails_the_second_of_two_concurrent_syncs_with_SmsReplicationFault()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions() with { Deviations = new HashSet<Deviation> { Deviation.SyncConcurrentSecondFails } });
        var b = await ConnectAsync(world, "B");

        var (first, second) = await TwoSyncsAsync(b);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<SyncReplicationGroupSuccessResult>());
            Assert.That(((GroupErrorResult)second).Error!.Single().GetType(), Is.EqualTo(typeof(SmsReplicationFault)));
        });
    }

    [Test]
    public void Every_lifecycle_deviation_has_a_test_showing_its_effect()
    {
        var lifecycle = Enum.GetValues<Deviation>().SkipWhile(d => d != Deviation.SyncAcceptsEmpty).Select(d => d.ToString());
        var shown = OperationBreaks().Select(t => (string)t.Arguments[0]! + (string)t.Arguments[1]!).Concat(SpecialDeviations);

        Assert.That(shown, Is.EquivalentTo(lifecycle));
    }

    // ---- Cost ----

    [Test]
    public void A_lifecycle_call_its_completion_and_a_query_take_well_under_two_milliseconds_in_process()
    {
        var provider = new SimulatedProvider(TwoSiteOptions());
        var login = provider.Handle("POST", "/sdk/vim25/8.0.3.0/SessionManager/SessionManager/Login", new Dictionary<string, string>(), $"{{\"userName\":\"{provider.Options.UserName}\",\"password\":\"{Password}\"}}", 1);
        var headers = new Dictionary<string, string> { ["vmware-api-session-id"] = login.Headers!["vmware-api-session-id"] };
        var vasa = $"/sdk/vim25/8.0.3.0/sms/VasaProvider/{SimulatedProvider.PeerProviderMoId}/";
        var group = "{\"faultDomainId\":{\"id\":\"fd-B\"},\"deviceGroupId\":{\"id\":\"rg-tgt-1-b\"}}";
        (string Method, string Body)[] round =
        [
            ("TestFailoverReplicationGroupStart_Task", $"{{\"testFailoverParam\":{{\"_typeName\":\"TestFailoverParam\",\"isPlanned\":true,\"checkOnly\":false,\"replicationGroupsToFailover\":[{{\"_typeName\":\"ReplicationGroupData\",\"groupId\":{group}}}]}}}}"),
            ("TestFailoverReplicationGroupStop_Task", $"{{\"groupId\":[{group}],\"force\":true}}"),
        ];
        var query = $"{{\"groupId\":[{group}]}}";

        // Each operation: the call, polls until its task has ended (the change happens there), and a query of the group.
        double OperationsPerSecond(int rounds)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++)
            {
                foreach (var (method, body) in round)
                {
                    var task = JsonDocument.Parse(provider.Handle("POST", vasa + method, headers, body, 1).Body!).RootElement.GetProperty("value").GetString();
                    while (JsonDocument.Parse(provider.Handle("POST", $"/sdk/vim25/8.0.3.0/sms/SmsTask/{task}/QuerySmsTaskInfo", headers, null, 1).Body!).RootElement.GetProperty("state").GetString() is "queued" or "running")
                    {
                    }

                    provider.Handle("POST", vasa + "QueryReplicationGroup", headers, query, 1);
                }
            }

            return round.Length * rounds / clock.Elapsed.TotalSeconds;
        }

        OperationsPerSecond(50); // warm-up
        var best = Enumerable.Range(0, 3).Max(_ => OperationsPerSecond(200)); // the machine is shared: the best of three
        Assert.Multiple(() =>
        {
            Assert.That(provider.Groups.Single(g => g.Key == HealthyB.Key).State, Is.EqualTo(ReplicationState.Target), "every round went INTEST and back");
            Assert.That(best, Is.GreaterThan(500), $"{best:F0} lifecycle operations per second");
        });
        TestContext.Out.WriteLine($"{best:F0} lifecycle operations (call, completion, query) per second in process");
    }

    // ---- Helpers ----

    private static string Sentence(string brk) => brk switch
    {
        "AcceptsEmpty" => "starts_a_task_for_a_call_without_groups",
        "AcceptsWrongSite" => "lets_a_group_at_the_wrong_end_succeed",
        "AcceptsWrongState" => "lets_a_group_in_the_wrong_state_succeed",
        "WrongStateFault" => "answers_a_group_in_the_wrong_state_with_NotFound",
        "WrongPostState" => "leaves_the_called_group_in_a_wrong_state",
        "WrongPeerState" => "leaves_the_twin_at_the_other_site_in_a_state_no_reading_allows",
        "TaskNeverEnds" => "keeps_its_tasks_running",
        "ResultForWrongGroup" => "names_another_group_in_the_first_result",
        _ => "returns_a_result_array_from_a_void_task",
    };

    private static bool IsVoid(string op) => op is "TestFailoverStart" or "TestFailoverStop";

    /// <summary>What the faithful simulator and the deviation show for one break.</summary>
    private static string Expected(string op, string brk, bool faithful)
    {
        var scenario = Scenarios[op];
        return brk switch
        {
            "AcceptsEmpty" => faithful ? "InvalidArgument" : "success",
            "AcceptsWrongSite" => faithful ? "InvalidFunctionTarget" : "success",
            "AcceptsWrongState" => faithful ? "InvalidReplicationState" : "success",
            "WrongStateFault" => faithful ? "InvalidReplicationState" : "NotFound",
            "WrongPostState" => faithful ? scenario.After : scenario.WrongPost,
            "WrongPeerState" => faithful ? scenario.PeerAfter : scenario.WrongPeer,
            "TaskNeverEnds" => faithful ? "success" : "running",
            "ResultForWrongGroup" => faithful ? scenario.Happy.Key : scenario.Happy.Key + "-other",
            _ => faithful ? "void" : "ArrayOfGroupOperationResult",
        };
    }

    /// <summary>Runs the probe of one break in a fresh world and says what it saw.</summary>
    private static async Task<string?> ObserveAsync(string op, string brk, SimulatedProviderOptions options)
    {
        var scenario = Scenarios[op];
        using var world = SimulatedWorldServer.Start(options);
        var c = await ConnectAsync(world, brk switch
        {
            "AcceptsWrongSite" => scenario.WrongSiteAt,
            "AcceptsWrongState" or "WrongStateFault" => scenario.WrongStateAt,
            _ => scenario.Site,
        });
        switch (brk)
        {
            case "AcceptsEmpty":
                var empty = await CallAsync(c, op, []);
                return empty.IsValue ? (await WaitAsync(c, empty.Value!)).State : empty.FaultName;
            case "AcceptsWrongSite":
                return GroupFault(await RunAsync(c, op, [scenario.WrongSite]))?.TypeName ?? "success";
            case "AcceptsWrongState" or "WrongStateFault":
                return GroupFault(await RunAsync(c, op, [scenario.WrongState]))?.TypeName ?? "success";
            case "WrongPostState":
                await RunAsync(c, op, [scenario.Happy]);
                return State(world, scenario.Happy);
            case "WrongPeerState":
                await RunAsync(c, op, [scenario.Happy]);
                return State(world, scenario.Peer);
            case "TaskNeverEnds":
                var call = await CallAsync(c, op, [scenario.Happy]);
                return (await PollAsync(c, call.Value!, 4))[^1].State;
            case "ResultForWrongGroup":
                return Results((await RunAsync(c, op, [scenario.Happy])).Result)[0].GroupId!.Key;
            default:
                var result = (await RunAsync(c, op, [scenario.Happy])).Result;
                return result is null ? "void" : ((BoxedArray)result).TypeName;
        }
    }

    /// <summary>Calls an operation by its short name (as in <see cref="Deviation"/>) with the groups; null groups send none.</summary>
    private static Task<ProviderResult<ManagedObjectReference>> CallAsync(ProviderConnection c, string op, IReadOnlyList<ReplicationGroupId>? groups, bool checkOnly = false, bool planned = true, bool force = true) => op switch
    {
        "Sync" => c.Client.SyncReplicationGroupAsync(c.Provider, groups, "conformance-pit"),
        "PrepareFailover" => c.Client.PrepareFailoverReplicationGroupAsync(c.Provider, groups),
        "Failover" => c.Client.FailoverReplicationGroupAsync(c.Provider, new FailoverParam { IsPlanned = planned, CheckOnly = checkOnly, ReplicationGroupsToFailover = groups?.Select(g => new ReplicationGroupData { GroupId = g }).ToList() }),
        "TestFailoverStart" => c.Client.TestFailoverReplicationGroupStartAsync(c.Provider, new TestFailoverParam { IsPlanned = planned, CheckOnly = checkOnly, ReplicationGroupsToFailover = groups?.Select(g => new ReplicationGroupData { GroupId = g }).ToList() }),
        "TestFailoverStop" => c.Client.TestFailoverReplicationGroupStopAsync(c.Provider, groups, force),
        "Promote" => c.Client.PromoteReplicationGroupAsync(c.Provider, new PromoteParam { IsPlanned = planned, ReplicationGroupsToPromote = groups?.ToList() }),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a lifecycle operation"),
    };

    /// <summary>Calls an operation (it must answer a task, and the exchange conform) and waits for the task's end.</summary>
    private static async Task<SmsTaskInfo> RunAsync(ProviderConnection c, string op, IReadOnlyList<ReplicationGroupId> groups, bool checkOnly = false, bool planned = true, bool force = true)
    {
        var call = await CallAsync(c, op, groups, checkOnly, planned, force);
        Assert.That(call.IsValue, Is.True, call.Describe());
        AssertConforms(call.Call);
        return await WaitAsync(c, call.Value!);
    }

    /// <summary>Runs an operation that must succeed with per-group results, and returns them.</summary>
    private static async Task<List<GroupOperationResult>> ResultsAsync(ProviderConnection c, string op, IReadOnlyList<ReplicationGroupId> groups, bool checkOnly = false, bool planned = true)
    {
        var info = await RunAsync(c, op, groups, checkOnly, planned);
        Assert.That(info.State, Is.EqualTo(SmsTaskState.Success), info.Error?.TypeName);
        return Results(info.Result);
    }

    /// <summary>Two Syncs of HealthyB started before either is polled, both waited for: their results.</summary>
    private static async Task<(GroupOperationResult First, GroupOperationResult Second)> TwoSyncsAsync(ProviderConnection b)
    {
        var first = (await CallAsync(b, "Sync", [HealthyB])).Value!;
        var second = (await CallAsync(b, "Sync", [HealthyB])).Value!;
        return (Results((await WaitAsync(b, first)).Result).Single(), Results((await WaitAsync(b, second)).Result).Single());
    }

    /// <summary>The refusal of the one group of a finished task: its GroupErrorResult's fault, or the task's error; null when it succeeded.</summary>
    private static MethodFault? GroupFault(SmsTaskInfo info) =>
        info.State == SmsTaskState.Error ? info.Error
        : info.Result is null ? null
        : Results(info.Result).Single() is GroupErrorResult error ? error.Error!.Single()
        : null;

    /// <summary>The group as the connected site's QueryReplicationGroup describes it (the exchange held to the type definitions).</summary>
    private static async Task<GroupInfo> QueryAsync(ProviderConnection c, ReplicationGroupId id)
    {
        var query = await c.Client.QueryReplicationGroupAsync(c.Provider, [id]);
        AssertConforms(query.Call);
        return ((QueryReplicationGroupSuccessResult)query.Value!.Single()).RgInfo!;
    }

    private static string State(SimulatedWorldServer world, ReplicationGroupId id) => world.Provider.Groups.Single(g => g.Key == id.Key).State;

    private static List<string?> RecoveredIds(TargetGroupInfo info) =>
        info.Devices!.Select(d => (((RecoveredTargetGroupMemberInfo)d).RecoveredDeviceId as VVolId)?.Id).ToList();

    /// <summary>One operation in the default two-site world.</summary>
    /// <param name="Site">Where it is called.</param>
    /// <param name="Happy">A group it succeeds on there.</param>
    /// <param name="After">That group's state afterwards.</param>
    /// <param name="Peer">That group's twin at the other site.</param>
    /// <param name="PeerAfter">The twin's state afterwards (under the default readings).</param>
    /// <param name="WrongSiteAt">Where a group at the wrong end is.</param>
    /// <param name="WrongSite">A group at the wrong end.</param>
    /// <param name="WrongStateAt">Where a group in the wrong state is.</param>
    /// <param name="WrongState">A group in the wrong state.</param>
    /// <param name="WrongPost">The called group's state under <c>{Op}WrongPostState</c>.</param>
    /// <param name="WrongPeer">The twin's state under <c>{Op}WrongPeerState</c>.</param>
    private sealed record Scenario(
        string Site, ReplicationGroupId Happy, string After, ReplicationGroupId Peer, string PeerAfter, string WrongSiteAt, ReplicationGroupId WrongSite,
        string WrongStateAt, ReplicationGroupId WrongState, string WrongPost, string WrongPeer);
}
