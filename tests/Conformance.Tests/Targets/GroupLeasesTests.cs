using System.Collections.Concurrent;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Harness.Reporting;

namespace Conformance.Tests.Targets;

/// <summary>Group leases: checks running at once against one provider pick disjoint groups, wait for one to come free, and give them back however they end.</summary>
[TestFixture]
public sealed class GroupLeasesTests
{
    [Test]
    public async Task Concurrent_picks_lease_disjoint_groups_and_a_pick_waits_for_a_release()
    {
        // Eight FAILEDOVER groups, twelve checks holding theirs for a while: no group is held by two checks at once, and
        // the four that find every group taken wait for one rather than going inconclusive.
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful(), asRealProvider: true);
        var target = sim.Target.With(taskTimeout: TimeSpan.FromSeconds(20));
        var holding = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clashes = 0;
        var picked = new ConcurrentBag<string>();
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CheckRunner.RunAsync(
            async s =>
            {
                var group = await OperationSteps.PickInStateAsync(s, ReverseCatalogue.Subject);
                picked.Add(group.Key);
                if (holding.AddOrUpdate(group.Key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref clashes);
                }

                await Task.Delay(150);
                holding.AddOrUpdate(group.Key, 0, (_, n) => n - 1);
            },
            target,
            $"picker {i}")));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(CheckOutcome.Passed), string.Join("; ", results.Select(r => r.Reason)));
            Assert.That(clashes, Is.Zero, "a group held by two checks at once");
            Assert.That(picked.Distinct().Count(), Is.EqualTo(8), "every FAILEDOVER group was used");
            Assert.That(target.Leases.Count, Is.Zero, "every lease was given back");
        });
    }

    [Test]
    public async Task A_check_that_throws_still_releases_its_leases()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful(), asRealProvider: true);
        var target = sim.Target.With(taskTimeout: TimeSpan.FromSeconds(2));
        Harness.Wire.ReplicationGroupId? first = null;
        var broken = await CheckRunner.RunAsync(
            async s =>
            {
                first = await OperationSteps.PickInStateAsync(s, ReverseCatalogue.Subject);
                Assert.That(target.Leases.Count, Is.GreaterThan(0), "the pick leased its group");
                throw new InvalidOperationException("the check body broke");
            },
            target);
        Harness.Wire.ReplicationGroupId? again = null;
        var next = await CheckRunner.RunAsync(async s => again = await OperationSteps.PickInStateAsync(s, ReverseCatalogue.Subject), target);
        Assert.Multiple(() =>
        {
            Assert.That(broken.Outcome, Is.EqualTo(CheckOutcome.Broken));
            Assert.That(next.Outcome, Is.EqualTo(CheckOutcome.Passed));
            Assert.That(again?.Key, Is.EqualTo(first?.Key), "the broken check's group came free: the next check picks the same first group");
            Assert.That(target.Leases.Count, Is.Zero, "no lease leaked");
        });
    }
}
