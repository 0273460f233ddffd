using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Mutants;
using Conformance.Operations;

namespace Conformance.Tests.Checks;

/// <summary>
/// The declarations stay honest: the whole suite runs against the embedded simulator (one site, the default groups),
/// each check from the initial state, and every group a check (or a shared scenario it runs) changed for good with an
/// irreversible call is counted against what it declared in <see cref="Check.Needs"/>. A check that consumes more than
/// it declares would make the run plan and the budget wrong.
/// </summary>
[TestFixture]
public sealed class GroupNeedTests
{
    private const string ScenarioPrefix = "shared scenario: ";

    [Test]
    public async Task No_check_consumes_more_groups_than_it_declares()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        var target = sim.Target;
        var provider = target.Simulator!;
        provider.Reset();
        var initial = provider.Groups.ToDictionary(g => g.Key, g => g.State, StringComparer.Ordinal);
        var consumed = new Dictionary<(string Check, string Operation, string State), HashSet<string>>();
        foreach (var check in Catalogue.InRunOrder)
        {
            provider.Reset();
            var mark = target.Journal.Entries.Count;
            await check.ExecuteAsync(target);
            var after = provider.Groups.ToDictionary(g => g.Key, g => g.State, StringComparer.Ordinal);
            foreach (var entry in target.Journal.Entries.Skip(mark))
            {
                if (VasaProviderOperations.Named(entry.Operation) is not { Transition.Irreversible: true, Precondition: { } state } || !entry.Outcome.StartsWith("task", StringComparison.Ordinal))
                {
                    continue;
                }

                // Changed for good: in the precondition when the check started, in another state (or gone) when it ended.
                foreach (var group in entry.Groups.Where(g => initial.GetValueOrDefault(g) == state && after.GetValueOrDefault(g) != state))
                {
                    var key = (entry.Check ?? "(harness)", entry.Operation, state);
                    consumed.TryAdd(key, new HashSet<string>(StringComparer.Ordinal));
                    consumed[key].Add(group);
                }
            }
        }

        var report = consumed.Select(kv => (kv.Key, Actual: kv.Value.Count, Declared: Declared(kv.Key.Check, kv.Key.Operation, kv.Key.State))).OrderBy(x => x.Key.Check, StringComparer.Ordinal).ToList();
        foreach (var (key, actual, declared) in report)
        {
            TestContext.Out.WriteLine($"{key.Check} ({key.Operation}, {key.State}): consumed {actual}, declared {(declared == int.MaxValue ? "every remaining" : declared)}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Where(r => r.Actual > r.Declared).Select(r => $"{r.Key.Check} ({r.Key.Operation}) consumed {r.Actual} {r.Key.State} group(s), declared {r.Declared}"), Is.Empty);
            Assert.That(report.Sum(r => r.Actual), Is.GreaterThan(0), "the suite consumed nothing: the measure is broken");
        }
    }

    /// <summary>What the checks declare for the journal's check name, operation and state: a shared scenario's need (the most any reader declares), or the check's own (every remaining for a generated check).</summary>
    private static int Declared(string check, string operation, string state)
    {
        if (check.StartsWith(ScenarioPrefix, StringComparison.Ordinal))
        {
            var scenario = check[ScenarioPrefix.Length..];
            var key = scenario.Contains("Twice", StringComparison.Ordinal) ? GroupNeeds.RepeatScenario : scenario.Contains("HappyPath", StringComparison.Ordinal) ? GroupNeeds.SuccessScenario : null;
            return Catalogue.InRunOrder.Where(c => c.Feature == operation)
                .SelectMany(c => c.Needs)
                .Where(n => key is not null && n.Shared == key && n.Consumes && n.State == state)
                .Select(n => n.Count)
                .DefaultIfEmpty(0)
                .Max();
        }

        var needs = Catalogue.InRunOrder.Where(c => c.Name == check && (c.Feature == operation || c.Needs.Any(n => n.Operation == operation)))
            .SelectMany(c => c.Needs)
            .Where(n => n.Consumes && n.State == state && (n.Operation ?? operation) == operation && n.Shared is null)
            .ToList();
        return needs.Any(n => n.Rest) ? int.MaxValue : needs.Sum(n => n.Count);
    }
}
