using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Run;

/// <summary>A run with a budget states in summary.json and on the report's first screen what it consumed and what is left.</summary>
[TestFixture]
public sealed class BudgetSummaryTests
{
    [Test]
    public async Task The_summary_and_the_report_state_what_was_consumed_and_what_is_left()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-budget-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var profile = Path.Combine(directory, "p.json");
            await File.WriteAllTextAsync(profile, """{ "name": "budget", "target": "embedded", "pollIntervalMilliseconds": 10, "budget": 1 }""");
            using (var run = await RunFactory.CreateAsync(profile, directory, name => name == "VASA_LANES" ? "1" : Environment.GetEnvironmentVariable(name)))
            {
                Assert.That(run.Abort, Is.Null, run.Abort?.Message);
                var reverse = Catalogue.InRunOrder.Where(c => c.Feature == "ReverseReplicateGroup_Task").ToList();
                var concurrent = await run.RunCheckAsync(reverse.Single(c => c.Name == "Two_concurrent_reversals_of_one_group_reverse_it_once"));
                var duplicate = await run.RunCheckAsync(reverse.Single(c => c.Name == "A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once"));
                Assert.That((concurrent.Outcome, duplicate.Outcome), Is.EqualTo((CheckOutcome.Passed, CheckOutcome.Inconclusive)), duplicate.Describe());
                run.Finish();
            }

            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "summary.json")));
            var budget = summary.RootElement.GetProperty("budget");
            var environment = await File.ReadAllTextAsync(Path.Combine(directory, "allure-results", "environment.properties"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(budget.GetProperty("limit").GetInt32(), Is.EqualTo(1));
                Assert.That(budget.GetProperty("consumed").GetInt32(), Is.EqualTo(1));
                Assert.That(budget.GetProperty("left").GetInt32(), Is.Zero);
                Assert.That(budget.GetProperty("refusedChecks").GetInt32(), Is.EqualTo(1));
                Assert.That(environment, Does.Contain("budget=1\\: 1 consumed, 0 left; 1 check(s) inconclusive for the budget").Or.Contain("budget=1: 1 consumed, 0 left; 1 check(s) inconclusive for the budget"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
