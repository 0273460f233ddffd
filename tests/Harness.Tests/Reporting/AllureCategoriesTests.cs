using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AllureCategoriesTests
{
    [Test]
    public void Categories_json_lists_every_category_in_allure_2_format()
    {
        using var dir = new TempDirectory();
        new AllureResultsWriter(dir.Path, new Redactor()).WriteCategories();

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("categories.json")));
        var written = json.RootElement.EnumerateArray().ToList();
        Assert.That(written.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(AllureCategories.All.Select(c => c.Name)));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (element, category) in written.Zip(AllureCategories.All))
            {
                Assert.That(
                    element.GetProperty("matchedStatuses").EnumerateArray().Select(s => s.GetString()),
                    Is.EqualTo(category.MatchedStatuses.Select(s => s.ToString().ToLowerInvariant())).And.Not.Empty,
                    category.Name);
                Assert.That(element.TryGetProperty("messageRegex", out var regex) ? regex.GetString() : null, Is.EqualTo(category.MessageRegex));
            }
        }
    }

    [TestCase("wrong fault: expected InvalidArgument; observed NotFound (exchange a-1)", "failed", "Wrong fault")]
    [TestCase("[task] expected fault InvalidArgument; observed NotFound (exchange a-1)", "failed", "Task contract")]
    [TestCase("malformed fault: expected maxBatchSize a long; observed a string (exchange a-1)", "failed", "Malformed fault")]
    [TestCase("wrong fault: NotFound", "failed", "Wrong fault")]
    [TestCase("[task] progress went backwards", "failed", "Task contract")]
    [TestCase("line 1\n[result] missing groupId", "failed", "Result contract")]
    [TestCase("Stuck task t-1 after 300 s", "broken", "Stuck task")]
    [TestCase("stuck task t-1", "failed", "Stuck task")]
    [TestCase("Inconclusive: could not create a group", "unknown", "Inconclusive: precondition not established")]
    [TestCase("Not applicable: no async replication", "skipped", "Not applicable")]
    [TestCase("Not exercised: ProviderBusy was never raised", "skipped", "Not exercised: the trigger never arose")]
    [TestCase("Warning (SHOULD): wrong fault: a number was accepted", "failed", "Warning: a SHOULD clause (does not fail the gate unless strict)")]
    [TestCase("Connection refused", "broken", "Harness or infrastructure error")]
    [TestCase("Expected: 3 But was: 4", "failed", null)]
    [TestCase("see Inconclusive: later", "skipped", null)]
    [TestCase("[task] ok", "passed", null)]
    public void First_matching_category_follows_allure_2_full_match_rules(string message, string status, string? expected)
    {
        // Allure 2: Pattern.compile(regex, DOTALL).matcher(message).matches(); the first matching category wins.
        var match = AllureCategories.All.FirstOrDefault(c =>
            c.MatchedStatuses.Select(AllureResultsWriter.StatusText).Contains(status)
            && (c.MessageRegex is null || Regex.IsMatch(message, $"^(?:{c.MessageRegex})\\z", RegexOptions.Singleline)));
        Assert.That(match?.Name, Is.EqualTo(expected));
    }

    [Test]
    public void Allurerc_mirrors_every_category_name_and_pattern()
    {
        var allurerc = File.ReadAllText(Path.Combine(RepositoryRoot(), "allurerc.mjs"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var category in AllureCategories.All)
            {
                Assert.That(allurerc, Does.Contain($"name: \"{category.Name}\""));
                if (category.JsMessagePattern is { } pattern)
                {
                    Assert.That(allurerc, Does.Contain($"message: /{pattern}/"), category.Name);
                }
            }
        }
    }

    [Test]
    public void Allurerc_lists_the_categories_in_the_same_order()
    {
        var allurerc = File.ReadAllText(Path.Combine(RepositoryRoot(), "allurerc.mjs"));
        var positions = AllureCategories.All.Select(c => allurerc.IndexOf($"name: \"{c.Name}\"", StringComparison.Ordinal)).ToList();
        Assert.That(positions, Is.Ordered.And.All.GreaterThanOrEqualTo(0));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
