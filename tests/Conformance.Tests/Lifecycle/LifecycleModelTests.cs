using Conformance.Lifecycle;
using Conformance.Operations;
using Harness.Wire;
using Harness.Wire.Groups;

namespace Conformance.Tests.Lifecycle;

/// <summary>
/// The pure lifecycle model, read from the operations' own transitions: what it predicts at each site and state, what
/// a success, a refusal or a reversal does to both sides, and how it pins an unconfirmed reading to what it observes.
/// </summary>
[TestFixture]
public sealed class LifecycleModelTests
{
    private static readonly LifecycleModel World = LifecycleWorlds.TwoSites();

    [Test]
    public void Every_state_changing_operation_with_a_sender_is_driven_and_none_other()
    {
        Assert.That(LifecycleOperations.All.Select(LifecycleCommand.ShortName), Is.EqualTo(new[] { "Sync", "PrepareFailover", "Failover", "TestFailoverStart", "TestFailoverStop", "Promote", "Reverse" }));
    }

    [Test]
    public void A_test_failover_start_at_B_moves_B_to_INTEST_and_leaves_A_SOURCE()
    {
        var tfs = Command(VasaProviderOperations.TestFailoverStart, LifecycleSite.Tested, "rg-tgt-1-b");
        var prediction = World.Predict(tfs);
        var after = World.Apply(tfs, LifecycleOutcome.Succeeded);
        Assert.Multiple(() =>
        {
            Assert.That(prediction.Kind, Is.EqualTo(LifecyclePredictionKind.Succeeds), prediction.Why);
            Assert.That(after.SideOf(tfs)!.States, Is.EqualTo(new[] { ReplicationState.InTest }));
            Assert.That(after.Pairs[tfs.Pair].Peer!.States, Is.EqualTo(new[] { ReplicationState.Source }));
        });
    }

    [Test]
    public void A_call_at_the_wrong_site_is_refused_with_InvalidFunctionTarget_and_changes_nothing()
    {
        var failoverAtA = Command(VasaProviderOperations.Failover, LifecycleSite.Peer, "rg-tgt-1-b");
        var prediction = World.Predict(failoverAtA);
        Assert.Multiple(() =>
        {
            Assert.That(prediction.Kind, Is.EqualTo(LifecyclePredictionKind.Refused));
            Assert.That(prediction.Faults, Is.EqualTo(new[] { "InvalidFunctionTarget", "InvalidReplicationState" }), "InvalidReplicationState is accepted as a reading, as SITE-1 does");
            Assert.That(prediction.Expected, Is.EqualTo("InvalidFunctionTarget"));
            Assert.That(prediction.AlreadyDone, Is.False);
            Assert.That(World.Apply(failoverAtA, LifecycleOutcome.Refused), Is.SameAs(World), "a refusal changes nothing");
            Assert.That(World.Apply(failoverAtA, LifecycleOutcome.AlreadyDone), Is.SameAs(World), "nor does an AlreadyDone warning");
        });
    }

    [Test]
    public void A_call_in_a_wrong_state_is_refused_with_InvalidReplicationState()
    {
        var promoteTarget = Command(VasaProviderOperations.Promote, LifecycleSite.Tested, "rg-tgt-1-b");
        var syncFailedOver = Command(VasaProviderOperations.Sync, LifecycleSite.Tested, "rg-fo-1-b");
        Assert.Multiple(() =>
        {
            Assert.That(World.Predict(promoteTarget), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("Faults").EqualTo(new[] { "InvalidReplicationState" }));
            Assert.That(World.Predict(syncFailedOver), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("Faults").EqualTo(new[] { "InvalidReplicationState" }));
        });
    }

    [Test]
    public void A_repeat_of_an_operation_that_refuses_repeats_accepts_AlreadyDone()
    {
        var tfs = Command(VasaProviderOperations.TestFailoverStart, LifecycleSite.Tested, "rg-tgt-1-b");
        var again = World.Apply(tfs, LifecycleOutcome.Succeeded).Predict(tfs);
        var failoverOfFailedOver = World.Predict(Command(VasaProviderOperations.Failover, LifecycleSite.Tested, "rg-fo-1-b"));
        var sync = Command(VasaProviderOperations.Sync, LifecycleSite.Tested, "rg-tgt-1-b");
        Assert.Multiple(() =>
        {
            Assert.That(again, Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("AlreadyDone").True, again.Why);
            Assert.That(failoverOfFailedOver.AlreadyDone, Is.True, "FAILEDOVER is where a failover leaves a group");
            Assert.That(World.Apply(sync, LifecycleOutcome.Succeeded).Predict(sync).Kind, Is.EqualTo(LifecyclePredictionKind.Succeeds), "a repeated Sync is an ordinary call");
        });
    }

    [Test]
    public void A_failover_keeps_both_readings_of_the_twin_until_one_is_observed_then_pins_it_for_the_sequence()
    {
        var tgt1 = Command(VasaProviderOperations.Failover, LifecycleSite.Tested, "rg-tgt-1-b");
        var tgt2 = tgt1 with { Pair = LifecycleWorlds.Pair(World, "rg-tgt-2-b") };
        var after = World.Apply(tgt1, LifecycleOutcome.Succeeded);
        var (observed, mismatches) = after.Observe(Readings(after, (tgt1.Pair, LifecycleSite.Tested, ReplicationState.FailedOver), (tgt1.Pair, LifecycleSite.Peer, ReplicationState.Target)));
        var second = observed.Apply(tgt2, LifecycleOutcome.Succeeded);
        var (_, inconsistent) = second.Observe(Readings(second, (tgt2.Pair, LifecycleSite.Tested, ReplicationState.FailedOver), (tgt2.Pair, LifecycleSite.Peer, ReplicationState.Source)));
        Assert.Multiple(() =>
        {
            Assert.That(after.Pairs[tgt1.Pair].Peer!.States, Is.EqualTo(new[] { ReplicationState.Source, ReplicationState.Target }), "T8: either reading");
            Assert.That(mismatches, Is.Empty);
            Assert.That(observed.Readings, Does.ContainKey("Failover: the twin after").WithValue(ReplicationState.Target));
            Assert.That(second.Pairs[tgt2.Pair].Peer!.States, Is.EqualTo(new[] { ReplicationState.Target }), "pinned by the first failover");
            Assert.That(inconsistent.Select(m => m.ToString()), Is.EqualTo(new[] { "QueryReplicationGroup(A: rg-tgt-2-a) expected TARGET, got SOURCE" }));
        });
    }

    [Test]
    public void A_reversal_renames_the_group_makes_the_twin_TARGET_and_expects_its_sourceInfo_at_the_new_id()
    {
        var reverse = Command(VasaProviderOperations.Reverse, LifecycleSite.Tested, "rg-fo-1-b");
        var after = World.Apply(reverse, LifecycleOutcome.Succeeded, "rg-fo-1-b-r7");
        var side = after.SideOf(reverse)!;
        var stale = new Dictionary<(int, LifecycleSite), LifecycleReading>
        {
            [(reverse.Pair, LifecycleSite.Tested)] = new(ReplicationState.Source),
            [(reverse.Pair, LifecycleSite.Peer)] = new(ReplicationState.Target) { SourceGroupId = ReplicationGroupId.Of("fd-B", "rg-fo-1-b") },
        };
        Assert.Multiple(() =>
        {
            Assert.That(side.Id.Key, Is.EqualTo("fd-B/rg-fo-1-b-r7"));
            Assert.That(side.Alias, Is.EqualTo("rg-fo-1-b′"));
            Assert.That(side.Previous!.Key, Is.EqualTo("fd-B/rg-fo-1-b"));
            Assert.That(side.States, Is.EqualTo(new[] { ReplicationState.Source }));
            Assert.That(after.Pairs[reverse.Pair].Peer!.States, Is.EqualTo(new[] { ReplicationState.Target }));
            Assert.That(after.Observe(stale).Mismatches.Select(m => m.ToString()), Is.EqualTo(new[] { "QueryReplicationGroup(A: rg-fo-1-a) expected sourceInfo naming the new source fd-B/rg-fo-1-b-r7, got sourceInfo naming fd-B/rg-fo-1-b" }));
            Assert.That(after.IdOf(reverse with { Variant = LifecycleVariant.PreviousId })!.Key, Is.EqualTo("fd-B/rg-fo-1-b"));
            Assert.That(after.Predict(reverse with { Variant = LifecycleVariant.PreviousId }), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("AlreadyDone").True, "REV-IDEM-1: the old id");
            Assert.That(after.Predict(reverse), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("AlreadyDone").True, "REV-STATE-1 and REV-IDEM-1: the new source again");
            Assert.That(after.Predict(reverse).Faults, Is.EquivalentTo(new[] { "InvalidFunctionTarget", "InvalidReplicationState" }));
        });
    }

    [Test]
    public void Failback_is_predicted_to_succeed_after_a_failover_and_a_reversal()
    {
        var pair = LifecycleWorlds.Pair(World, "rg-tgt-1-b");
        LifecycleCommand[] cycle =
        [
            new(VasaProviderOperations.Sync, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.PrepareFailover, LifecycleSite.Peer, pair),
            new(VasaProviderOperations.Failover, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.Reverse, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.Sync, LifecycleSite.Peer, pair),
            new(VasaProviderOperations.PrepareFailover, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.Failover, LifecycleSite.Peer, pair),
            new(VasaProviderOperations.Reverse, LifecycleSite.Peer, pair),
        ];
        var model = World;
        var predicted = new List<string>();
        foreach (var c in cycle)
        {
            predicted.Add($"{c.Short}@{LifecycleCommand.Label(c.Site)}: {model.Predict(c).Kind}");
            model = LifecycleGenerators.Guess(model, c);
        }

        Assert.Multiple(() =>
        {
            Assert.That(predicted, Has.All.EndsWith(nameof(LifecyclePredictionKind.Succeeds)), "RT-CYCLE, reference §3");
            Assert.That(model.Pairs[pair].Tested!.States, Is.EqualTo(new[] { ReplicationState.Target }), "B is the target again");
            Assert.That(model.Pairs[pair].Peer!.States, Is.EqualTo(new[] { ReplicationState.Source }));
            Assert.That(model.Pairs[pair].Peer!.Alias, Is.EqualTo("rg-tgt-1-a′"));
        });
    }

    [Test]
    public void A_prepared_source_keeps_any_state_until_observed_then_pins_it()
    {
        var pfo = Command(VasaProviderOperations.PrepareFailover, LifecycleSite.Peer, "rg-tgt-1-b");
        var after = World.Apply(pfo, LifecycleOutcome.Succeeded);
        var (pinned, mismatches) = after.Observe(Readings(after, (pfo.Pair, LifecycleSite.Peer, ReplicationState.Source), (pfo.Pair, LifecycleSite.Tested, ReplicationState.Target)));
        Assert.Multiple(() =>
        {
            Assert.That(after.Pairs[pfo.Pair].Peer!.States, Is.Null, "T6: open");
            Assert.That(mismatches, Is.Empty);
            Assert.That(pinned.Readings, Does.ContainKey("PrepareFailover: the group after").WithValue(ReplicationState.Source));
            Assert.That(LifecycleCatalogue.PointOf("PrepareFailover: the group after", ReplicationState.Source)?.Reading, Is.EqualTo("unchanged"));
        });
    }

    [Test]
    public void A_twin_outside_the_transitions_start_is_uncharted_success_or_refusal()
    {
        var pfoOfFailedOverPair = World.Predict(Command(VasaProviderOperations.PrepareFailover, LifecycleSite.Peer, "rg-fo-1-b"));
        Assert.Multiple(() =>
        {
            Assert.That(pfoOfFailedOverPair.Kind, Is.EqualTo(LifecyclePredictionKind.Either));
            Assert.That(pfoOfFailedOverPair.Uncharted, Is.EqualTo("PrepareFailover of a SOURCE group whose twin is FAILEDOVER"));
        });
    }

    [Test]
    public void Promote_of_a_group_that_is_not_promote_capable_is_refused_with_any_fault()
    {
        var model = LifecycleModel.Start([new LifecyclePair(LifecycleSide.Of(ReplicationGroupId.Of("fd-B", "rg-test-1-b"), ReplicationState.InTest, changeable: true, promoteCapable: false), null)]);
        var prediction = model.Predict(new LifecycleCommand(VasaProviderOperations.Promote, LifecycleSite.Tested, 0));
        Assert.Multiple(() =>
        {
            Assert.That(prediction.Kind, Is.EqualTo(LifecyclePredictionKind.Refused));
            Assert.That(prediction.Faults, Is.Empty, "PRO-CAP-1: the fault is unconfirmed");
        });
    }

    [Test]
    public void One_site_tracks_only_the_called_site()
    {
        var model = LifecycleWorlds.OneSite(("rg-tgt-1", ReplicationState.Target), ("rg-rfo-1", ReplicationState.RemoteFailedOver));
        var failover = new LifecycleCommand(VasaProviderOperations.Failover, LifecycleSite.Tested, 0);
        var after = model.Apply(failover, LifecycleOutcome.Succeeded);
        Assert.Multiple(() =>
        {
            Assert.That(model.Predict(failover), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Either).And.Property("PinsOutcome").EqualTo("Failover: a pair not prepared"), "one site cannot prepare the pair: T6 is pinned by the first failover");
            Assert.That(model.Predict(failover with { Site = LifecycleSite.Peer }).Kind, Is.EqualTo(LifecyclePredictionKind.Skipped));
            Assert.That(after.Pairs[0].Peer, Is.Null);
            Assert.That(after.Pairs[0].Tested!.States, Is.EqualTo(new[] { ReplicationState.FailedOver, ReplicationState.Source }));
            Assert.That(model.Predict(failover with { Pair = 1 }).Faults, Is.EquivalentTo(new[] { "InvalidReplicationState", "InvalidFunctionTarget" }), "a state the transition does not list");
        });
    }

    [Test]
    public void A_group_that_reads_differently_is_a_mismatch_naming_site_group_expected_and_got()
    {
        var (_, mismatches) = World.Observe(Readings(World, (LifecycleWorlds.Pair(World, "rg-tgt-1-b"), LifecycleSite.Peer, ReplicationState.Target)));
        var (_, absent) = World.Observe(new Dictionary<(int, LifecycleSite), LifecycleReading> { [(0, LifecycleSite.Tested)] = LifecycleReading.Absent });
        Assert.Multiple(() =>
        {
            Assert.That(mismatches.Single().ToString(), Is.EqualTo("QueryReplicationGroup(A: rg-tgt-1-a) expected SOURCE, got TARGET"));
            Assert.That(absent.Single().ToString(), Is.EqualTo("QueryReplicationGroup(B: rg-tgt-1-b) expected TARGET, got (no such group)"));
        });
    }

    private static LifecycleCommand Command(OperationDescription operation, LifecycleSite site, string pairAtB) => new(operation, site, LifecycleWorlds.Pair(World, pairAtB));

    /// <summary>Readings of the whole model as it settles (the confirmed readings), with the given ones instead.</summary>
    private static Dictionary<(int Pair, LifecycleSite Site), LifecycleReading> Readings(LifecycleModel model, params (int Pair, LifecycleSite Site, string State)[] overrides)
    {
        var settled = model.Settle(model);
        var readings = new Dictionary<(int, LifecycleSite), LifecycleReading>();
        for (var i = 0; i < settled.Pairs.Length; i++)
        {
            foreach (var site in LifecycleModel.Sites)
            {
                if (settled.Pairs[i].At(site)?.Current is { } state)
                {
                    readings[(i, site)] = new(state);
                }
            }
        }

        foreach (var (pair, site, state) in overrides)
        {
            readings[(pair, site)] = new(state);
        }

        return readings;
    }
}
