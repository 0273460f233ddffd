using System.Text.Json;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RunSummaryTests
{
    [TestCase("", "error", 2)]
    [TestCase("passed,inconclusive,not-applicable", "conformant", 0)]
    [TestCase("passed,failed", "not-conformant", 1)]
    [TestCase("passed,broken", "not-conformant", 1)]
    [TestCase("inconclusive,failed,broken", "not-conformant", 1)]
    [TestCase("not-applicable,not-applicable", "conformant", 0)]
    public void Verdict_without_a_run_error_follows_the_checks(string outcomes, string verdict, int exitCode)
    {
        var parsed = outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => Enum.GetValues<CheckOutcome>().Single(v => RunSummaryWriter.OutcomeText(v) == o));
        var derived = RunVerdict.Derive(Checks(parsed), error: null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RunSummaryWriter.VerdictText(derived.Verdict), Is.EqualTo(verdict));
            Assert.That(derived.ExitCode, Is.EqualTo(exitCode));
            Assert.That(derived.Reason, exitCode == 0 ? Is.Null : Is.Not.Empty);
        }
    }

    [TestCase(2)]
    [TestCase(3)]
    public void A_run_error_wins_over_the_checks_with_its_own_exit_code(int exitCode)
    {
        var derived = RunVerdict.Derive(Checks([CheckOutcome.Passed, CheckOutcome.Failed]), new RunError(exitCode, "provider unreachable"));
        Assert.That(derived, Is.EqualTo(new RunVerdict(Verdict.Error, exitCode, "provider unreachable")));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(4)]
    public void A_run_error_must_exit_with_2_or_3(int exitCode)
    {
        var summary = new RunSummary("default");
        Assert.That(() => summary.RecordError(exitCode, "x"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_first_recorded_run_error_is_kept()
    {
        var summary = new RunSummary("default");
        summary.RecordError(3, "configuration invalid");
        summary.RecordError(2, "later");
        Assert.That(summary.Verdict, Is.EqualTo(new RunVerdict(Verdict.Error, 3, "configuration invalid")));
    }

    [Test]
    public void Counts_follow_checks_added_later()
    {
        var summary = new RunSummary("default");
        summary.Add(new RunCheck("a", "1", CheckOutcome.Passed, null, 1));
        var before = summary.Counts;
        summary.Add(new RunCheck("b", "2", CheckOutcome.NotApplicable, "no async replication", 1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(new RunCounts(1, 0, 0, 0, 0)));
            Assert.That(summary.Counts, Is.EqualTo(new RunCounts(1, 0, 0, 0, 1)));
            Assert.That(summary.Counts.Total, Is.EqualTo(2));
        }
    }

    [FsCheck.NUnit.Property]
    public bool Counts_are_derived_from_the_checks(byte[] seeds)
    {
        var outcomes = Enum.GetValues<CheckOutcome>();
        var known = seeds.Select(s => outcomes[s % outcomes.Length]).ToArray();
        var counts = RunCounts.From(Checks(known));
        return counts.Total == known.Length
            && counts.Passed == known.Count(o => o == CheckOutcome.Passed)
            && counts.Failed == known.Count(o => o == CheckOutcome.Failed)
            && counts.Broken == known.Count(o => o == CheckOutcome.Broken)
            && counts.Inconclusive == known.Count(o => o == CheckOutcome.Inconclusive)
            && counts.NotApplicable == known.Count(o => o == CheckOutcome.NotApplicable);
    }

    [Test]
    public void Summary_json_has_the_documented_shape()
    {
        using var dir = new TempDirectory();
        var summary = new RunSummary("array-a", "https://array.example:8443/vasa")
        {
            StartedAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            FinishedAt = new DateTimeOffset(2026, 1, 1, 8, 5, 0, 250, TimeSpan.Zero),
        };
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "R-4.2.1", CheckOutcome.Passed, null, 850));
        summary.Add(new RunCheck("Failover_task_reports_progress", "T-2.1", CheckOutcome.Failed, "[task] progress went backwards", 3000));
        summary.Add(new RunCheck("Async_replication_is_reported", "R-5.1", CheckOutcome.NotApplicable, "Not applicable: sync only", 3));
        var path = Path.Combine(dir.Path, "out", "summary.json");
        RunSummaryWriter.Write(summary, path, new Redactor());

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var counts = root.GetProperty("counts");
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "profile", "target", "verdict", "exitCode", "reason", "counts", "checks", "startedAt", "finishedAt",
            }));
            Assert.That(root.GetProperty("profile").GetString(), Is.EqualTo("array-a"));
            Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("https://array.example:8443/vasa"));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("not-conformant"));
            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("reason").GetString(), Does.Contain("1 failed"));
            Assert.That(counts.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())), Is.EqualTo(new[]
            {
                ("passed", 1), ("failed", 1), ("broken", 0), ("inconclusive", 0), ("notApplicable", 1), ("skipped", 1), ("total", 3),
            }));
            Assert.That(checks.Select(c => c.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "passed", "failed", "not-applicable" }));
            Assert.That(checks[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "clauseId", "outcome", "durationMs" }));
            Assert.That(checks[1].GetProperty("message").GetString(), Is.EqualTo("[task] progress went backwards"));
            Assert.That(checks[1].GetProperty("durationMs").GetInt64(), Is.EqualTo(3000));
            Assert.That(root.GetProperty("startedAt").GetString(), Is.EqualTo("2026-01-01T08:00:00.000Z"));
            Assert.That(root.GetProperty("finishedAt").GetString(), Is.EqualTo("2026-01-01T08:05:00.250Z"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no .tmp left behind");
        }
    }

    [Test]
    public void Summary_json_of_an_embedded_conformant_run_has_a_null_reason()
    {
        using var dir = new TempDirectory();
        var summary = new RunSummary("default");
        summary.Add(new RunCheck("a", "1", CheckOutcome.Passed, null, 1));
        RunSummaryWriter.Write(summary, dir.File("summary.json"), new Redactor());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        var root = json.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("embedded"));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("conformant"));
            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    private static List<RunCheck> Checks(IEnumerable<CheckOutcome> outcomes) =>
        outcomes.Select((o, i) => new RunCheck($"check {i}", $"C-{i}", o, null, i)).ToList();
}
