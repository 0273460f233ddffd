using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Run;

/// <summary>
/// The verdict does not depend on the order checks start in within a stage, nor on the number of lanes: the ledger
/// checks (fault contract, wire fidelity) judge only once every earlier stage has ended, over ledgers the lanes share.
/// </summary>
[TestFixture]
public sealed class RunOrderTests
{
    [TestCase("[]")]
    [TestCase("[\"UndeclaredWholeCallFault\", \"GroupIdCarriesKey\"]")]
    public async Task Shuffled_orders_on_three_lanes_give_the_same_outcomes(string deviations)
    {
        var outcomes = new List<string>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            outcomes.Add(await RunShuffledAsync(deviations, seed));
        }

        Assert.That(outcomes.Distinct().ToList(), Has.Count.EqualTo(1), string.Join("\n---\n", outcomes));
        if (deviations != "[]")
        {
            Assert.That(outcomes[0], Does.Contain("Only_declared_faults_are_raised: Failed").And.Contain("Answers_carry_no_property_or_type_unknown_to_the_release: Warning"));
        }
    }

    private static async Task<string> RunShuffledAsync(string deviations, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-order-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var profile = Path.Combine(directory, "p.json");
            await File.WriteAllTextAsync(profile, $$"""{ "name": "order", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "deviations": {{deviations}} } }""");
            using var run = await RunFactory.CreateAsync(profile, directory, name => name == "VASA_LANES" ? "3" : Environment.GetEnvironmentVariable(name));
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            Assert.That(run.Lanes, Has.Count.EqualTo(3));

            // Within each stage, a shuffled start order; the stages themselves start in order, as NUnit starts them.
            var random = new Random(seed);
            var order = Catalogue.InRunOrder.GroupBy(c => c.Stage).OrderBy(g => g.Key).SelectMany(g => g.OrderBy(_ => random.Next())).ToList();
            var results = await Task.WhenAll(order.Select(run.RunCheckAsync));
            return string.Join('\n', order.Zip(results).OrderBy(x => x.First.Key, StringComparer.Ordinal).Select(x => $"{x.First.Key}: {x.Second.Outcome}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
