using Conformance.Lifecycle;
using Conformance.Operations;
using FsCheck;
using FsCheck.Fluent;
using Harness.Wire;
using Harness.Wire.Groups;

namespace Conformance.Tests.Lifecycle;

/// <summary>
/// The generator walks the model, so sequences reach failover, reversal and failback, and probe the wrong site, wrong
/// states, repeats and old ids; it names only allowlisted groups. The shrinker tries the shortest sequences first.
/// </summary>
[TestFixture]
public sealed class LifecycleGeneratorsTests
{
    private const ulong Seed = 20260101;

    private static readonly LifecycleModel World = LifecycleWorlds.TwoSites();

    [Test]
    public void Generated_sequences_reach_failover_reversal_and_failback()
    {
        var walks = Sample(World).Select(Walk).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(walks.SelectMany(w => w), Has.Some.EqualTo("Failover@B: Succeeds").Or.Some.EqualTo("Failover@B: Either"));
            Assert.That(walks.SelectMany(w => w), Has.Some.EqualTo("Reverse@B: Succeeds"));
            Assert.That(walks.Where(w => w.Contains("Reverse@B: Succeeds") && w.Contains("Failover@A: Succeeds") && w.Contains("Reverse@A: Succeeds")), Is.Not.Empty, "failback: FO@A and REV@A after REV@B");
        });
    }

    [Test]
    public void Generated_sequences_probe_the_wrong_site_wrong_states_repeats_and_old_ids()
    {
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commands in Sample(World))
        {
            var model = World;
            foreach (var c in commands)
            {
                if (model.Predict(c).Category is { } category)
                {
                    categories.Add(category);
                }

                model = LifecycleGenerators.Guess(model, c);
            }
        }

        Assert.That(categories, Is.SupersetOf(new[] { "wrong site", "wrong state", "repeat", "old id" }));
    }

    [Test]
    public void Commands_name_only_allowlisted_groups()
    {
        var readOnlyPeer = LifecycleModel.Start(World.Pairs.Select(p => p with { Peer = p.Peer! with { Changeable = false } }));
        var sites = Sample(readOnlyPeer).SelectMany(c => c).Select(c => c.Site).Distinct();
        Assert.That(sites, Is.EqualTo(new[] { LifecycleSite.Tested }), "the peer's groups are read, never changed, when its allowlist does not name them");
    }

    [Test]
    public void The_shrinker_cuts_after_the_failing_command_first_then_tries_single_commands_then_shorter_sequences()
    {
        var pair = LifecycleWorlds.Pair(World, "rg-tgt-2-b");
        LifecycleCommand[] commands =
        [
            new(VasaProviderOperations.Sync, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.TestFailoverStart, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.Promote, LifecycleSite.Tested, pair),
            new(VasaProviderOperations.Reverse, LifecycleSite.Tested, pair),
        ];
        var candidates = LifecycleGenerators.Shrink(commands, World, c => c == commands ? 2 : null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(candidates[0], Is.EqualTo(commands[..3]), "the commands after the failure never ran");
            Assert.That(candidates.Skip(1).Take(4).Select(c => c.Length), Is.All.EqualTo(1), "then each command alone");
            Assert.That(candidates.Skip(5).TakeWhile(c => c.Length == 1).Select(c => c[0]), Has.All.Matches<LifecycleCommand>(c => c.Operation == VasaProviderOperations.Promote), "then the failing command alone on each pair and site");
            Assert.That(candidates.SkipWhile(c => c.Length < commands.Length).Select(c => c.Length), Is.All.EqualTo(commands.Length), "every shorter sequence before any other change");
            Assert.That(candidates, Has.Some.Matches<LifecycleCommand[]>(c => c.Length == commands.Length && c.All(k => k.Pair == LifecycleWorlds.Pair(World, "rg-tgt-1-b"))), "then the pair renamed to the first pair that starts alike");
            Assert.That(candidates.Select(c => string.Join(";", c.Select(k => k.ToString()))), Is.Unique);
        });
    }

    [Test]
    public void The_shrinker_turns_an_old_id_into_the_current_one()
    {
        var reverse = new LifecycleCommand(VasaProviderOperations.Reverse, LifecycleSite.Tested, LifecycleWorlds.Pair(World, "rg-fo-1-b"));
        var candidates = LifecycleGenerators.Shrink([reverse, reverse with { Variant = LifecycleVariant.PreviousId }], World, _ => null).ToList();
        Assert.That(candidates, Has.Some.EqualTo(new[] { reverse, reverse }));
    }

    [Test]
    public void A_pair_not_prepared_pins_whether_failover_needs_PrepareFailover_and_a_prepared_one_must_fail_over()
    {
        var tgt1 = LifecycleWorlds.Pair(World, "rg-tgt-1-b");
        var tgt2 = LifecycleWorlds.Pair(World, "rg-tgt-2-b");
        var failover = new LifecycleCommand(VasaProviderOperations.Failover, LifecycleSite.Tested, tgt1);
        var refusedOnce = World.Apply(failover, LifecycleOutcome.Refused);
        var prepared = refusedOnce.Apply(new LifecycleCommand(VasaProviderOperations.PrepareFailover, LifecycleSite.Peer, tgt2), LifecycleOutcome.Succeeded).Settle(refusedOnce);
        var failedOver = prepared.Apply(failover with { Pair = tgt2 }, LifecycleOutcome.Succeeded).Settle(prepared);
        Assert.Multiple(() =>
        {
            Assert.That(World.Predict(failover).Kind, Is.EqualTo(LifecyclePredictionKind.Either));
            Assert.That(refusedOnce.Readings, Does.ContainKey("Failover: a pair not prepared").WithValue("refused"));
            Assert.That(refusedOnce.Predict(failover), Has.Property("Kind").EqualTo(LifecyclePredictionKind.Refused).And.Property("Category").EqualTo("not prepared"));
            Assert.That(prepared.Predict(failover with { Pair = tgt2 }).Kind, Is.EqualTo(LifecyclePredictionKind.Succeeds), "PFO-POST-1: after PrepareFailover a planned failover succeeds");
            Assert.That(failedOver.Pairs[tgt2].Peer!.Prepared, Is.False, "a failover uses the preparation up");
        });
    }

    private static IReadOnlyList<LifecycleCommand[]> Sample(LifecycleModel model)
    {
        var samples = Gen.Sample(LifecycleGenerators.Sequences(model, LifecycleOperations.All), 90, new Rnd(Seed), 150);
        TestContext.Out.WriteLine($"generator seed {Seed}: {samples.Length} sequences of {samples.Min(c => c.Length)} to {samples.Max(c => c.Length)} commands");
        return samples;
    }

    /// <summary>Each command with the model's prediction as the generator walked it: <c>Reverse@B: Succeeds</c>.</summary>
    private static List<string> Walk(LifecycleCommand[] commands)
    {
        var model = World;
        var walk = new List<string>();
        foreach (var c in commands)
        {
            walk.Add($"{c.Short}@{LifecycleCommand.Label(c.Site)}: {model.Predict(c).Kind}");
            model = LifecycleGenerators.Guess(model, c);
        }

        return walk;
    }
}
