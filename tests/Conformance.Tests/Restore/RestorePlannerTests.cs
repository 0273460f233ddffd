using Conformance.Lifecycle;
using Conformance.Restore;
using Harness.Wire.Groups;

namespace Conformance.Tests.Restore;

/// <summary>The round trips the planner finds from the lifecycle model (replication-lifecycle.md §3).</summary>
[TestFixture]
public sealed class RestorePlannerTests
{
    private static PairSnapshot Pair(string? b, string? a) => new(
        b is null ? null : new GroupSnapshot("fd-B", "rg-1-b", b, "rg-1-b", "fd-B/rg-1-b"),
        a is null ? null : new GroupSnapshot("fd-A", "rg-1-a", a, "rg-1-a", "fd-A/rg-1-a"));

    private static string Route(PairSnapshot now, PairSnapshot goal, bool peerChangeable = true) =>
        RestorePlanner.Describe(RestorePlanner.Route(now, goal, site => site == LifecycleSite.Tested || peerChangeable));

    [Test]
    public void A_reversed_FAILEDOVER_group_comes_back_by_RT_EXACT_with_both_prepares() =>
        Assert.That(
            Route(Pair(ReplicationState.Source, ReplicationState.Target), Pair(ReplicationState.FailedOver, ReplicationState.Source)),
            Is.EqualTo("PrepareFailover@B → Failover@A → Reverse@A → PrepareFailover@A → Failover@B"));

    [Test]
    public void A_healthy_pair_that_was_reversed_comes_back_in_three_calls_and_a_prepare() =>
        Assert.That(
            Route(Pair(ReplicationState.Source, ReplicationState.Target), Pair(ReplicationState.Target, ReplicationState.Source)),
            Is.EqualTo("PrepareFailover@B → Failover@A → Reverse@A"));

    [Test]
    public void A_test_failover_is_undone_by_its_stop_and_an_INTEST_group_by_its_start()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Route(Pair(ReplicationState.InTest, ReplicationState.Source), Pair(ReplicationState.Target, ReplicationState.Source)), Is.EqualTo("TestFailoverStop@B"));
            Assert.That(Route(Pair(ReplicationState.Target, ReplicationState.Source), Pair(ReplicationState.InTest, ReplicationState.Source)), Is.EqualTo("TestFailoverStart@B"));
        });
    }

    [Test]
    public void A_failed_over_healthy_pair_comes_back_by_reversing_it_and_failing_back() =>
        Assert.That(
            Route(Pair(ReplicationState.FailedOver, ReplicationState.Source), Pair(ReplicationState.Target, ReplicationState.Source)),
            Is.EqualTo("Reverse@B → PrepareFailover@B → Failover@A → Reverse@A"));

    [Test]
    public void A_pair_already_as_it_was_needs_no_call() =>
        Assert.That(Route(Pair(ReplicationState.FailedOver, ReplicationState.Source), Pair(ReplicationState.FailedOver, ReplicationState.Source)), Is.EqualTo("nothing to do"));

    [Test]
    public void One_site_cannot_undo_a_failover_or_a_reversal()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Route(Pair(ReplicationState.FailedOver, null), Pair(ReplicationState.Target, null)), Is.EqualTo("no route"), "failover at one site");
            Assert.That(Route(Pair(ReplicationState.Source, ReplicationState.Target), Pair(ReplicationState.FailedOver, ReplicationState.Source), peerChangeable: false), Is.EqualTo("no route"), "a peer the allowlist does not name");
            Assert.That(Route(Pair(ReplicationState.InTest, null), Pair(ReplicationState.Target, null)), Is.EqualTo("TestFailoverStop@B"), "a test failover is undone at one site");
        });
    }

    [Test]
    public void A_provider_whose_failover_leaves_the_old_source_TARGET_cannot_get_a_FAILEDOVER_group_back_and_the_planner_says_so()
    {
        var readings = System.Collections.Immutable.ImmutableDictionary.Create<string, string>(StringComparer.Ordinal)
            .Add(LifecycleModel.ReadingKey(Conformance.Operations.VasaProviderOperations.Failover, LifecycleModel.TwinAfter), ReplicationState.Target);
        Assert.Multiple(() =>
        {
            Assert.That(
                RestorePlanner.Describe(RestorePlanner.Route(Pair(ReplicationState.Source, ReplicationState.Target), Pair(ReplicationState.FailedOver, ReplicationState.Source), _ => true, null, readings)),
                Is.EqualTo("no route"),
                "under that reading no failover leaves the old source SOURCE");
            Assert.That(
                RestorePlanner.Describe(RestorePlanner.Route(Pair(ReplicationState.Source, ReplicationState.Target), Pair(ReplicationState.FailedOver, ReplicationState.Source), _ => true)),
                Does.EndWith("Failover@B"),
                "without the reading pinned the confirmed one is followed");
        });
    }

    [Test]
    public void A_site_already_prepared_is_not_prepared_again() =>
        Assert.That(
            RestorePlanner.Describe(RestorePlanner.Route(
                Pair(ReplicationState.Source, ReplicationState.Target),
                Pair(ReplicationState.Target, ReplicationState.Source),
                _ => true,
                new HashSet<LifecycleSite> { LifecycleSite.Tested })),
            Is.EqualTo("Failover@A → Reverse@A"));
}
