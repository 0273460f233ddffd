using System.Text.Json;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RunSummaryTests
{
    [TestCase("", "error", 2)]
    [TestCase("passed,not-exercised,not-applicable", "conformant", 0)]
    [TestCase("passed,warning", "conformant", 0)]
    [TestCase("passed,failed", "not-conformant", 1)]
    [TestCase("passed,failed,warning", "not-conformant", 1)]
    [TestCase("passed,broken", "incomplete", 5)]
    [TestCase("passed,inconclusive", "incomplete", 5)]
    [TestCase("inconclusive,failed,broken", "not-conformant", 1)]
    [TestCase("not-applicable,not-applicable", "incomplete", 5)]
    [TestCase("not-exercised,not-exercised", "incomplete", 5)]
    public void Verdict_without_a_run_error_follows_the_MUST_checks(string outcomes, string verdict, int exitCode)
    {
        var parsed = outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => Enum.GetValues<CheckOutcome>().Single(v => RunSummaryWriter.OutcomeText(v) == o));
        var derived = RunVerdict.Derive(Checks(parsed), error: null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RunSummaryWriter.VerdictText(derived.Verdict), Is.EqualTo(verdict));
            Assert.That(derived.ExitCode, Is.EqualTo(exitCode));
            Assert.That(derived.Reason, exitCode == 0 && outcomes.Split(',').All(o => o is "passed" or "not-applicable" or "") ? Is.Null : Is.Not.Empty);
        }
    }

    [Test]
    public void A_warning_is_listed_and_counted_but_passes_the_gate_unless_strict()
    {
        var checks = new List<RunCheck>
        {
            new("A", "RRG-ARG-1", CheckOutcome.Passed, null, 1),
            new("Malformed_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-2", CheckOutcome.Warning, "wrong fault: a body where groupId is a number was accepted", 1, RequirementLevel.Should),
            new("C", "RRG-CAP-2", CheckOutcome.Warning, "[capability] differs", 1, RequirementLevel.Should),
        };
        var lenient = RunVerdict.Derive(checks, null);
        var strict = RunVerdict.Derive(checks, null, strict: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((lenient.Verdict, lenient.ExitCode, lenient.Headline), Is.EqualTo((Verdict.Conformant, 0, "CONFORMANT with 2 warnings")));
            Assert.That(lenient.Reason, Does.Contain("Malformed_groupId_is_rejected_with_InvalidArgument (RRG-ARG-2)"));
            Assert.That(lenient.Warnings.Select(w => w.ClauseId), Is.EqualTo(new[] { "RRG-ARG-2", "RRG-CAP-2" }));
            Assert.That((strict.Verdict, strict.ExitCode), Is.EqualTo((Verdict.NotConformant, 1)));
            Assert.That(strict.Reason, Does.Contain("2 warning(s) fail in strict mode"));
        }
    }

    [Test]
    public void Clauses_not_exercised_are_listed_and_count_as_neither_pass_nor_fail()
    {
        var derived = RunVerdict.Derive(
            [
                new("A", "RRG-ARG-1", CheckOutcome.Passed, null, 1),
                new("Busy", "RRG-F-BUSY", CheckOutcome.NotExercised, "ProviderBusy was never raised", 1),
                new("Unavailable", "RRG-F-UNAVAIL", CheckOutcome.NotExercised, "ProviderUnavailable was never raised", 1),
            ],
            null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((derived.Verdict, derived.ExitCode, derived.Headline), Is.EqualTo((Verdict.Conformant, 0, "CONFORMANT")));
            Assert.That(derived.NotExercised, Is.EqualTo(new[] { "RRG-F-BUSY", "RRG-F-UNAVAIL" }));
            Assert.That(derived.Reason, Does.Contain("not exercised").And.Contain("RRG-F-BUSY, RRG-F-UNAVAIL"));
        }
    }

    [Test]
    public void An_unverified_MUST_makes_the_run_incomplete_and_an_unverified_SHOULD_does_not()
    {
        var must = RunVerdict.Derive([new("A", "RRG-ARG-1", CheckOutcome.Passed, null, 1), new("Conc", "RRG-CONC-9", CheckOutcome.Inconclusive, "no second group", 1)], null);
        var should = RunVerdict.Derive([new("A", "RRG-ARG-1", CheckOutcome.Passed, null, 1), new("Cap", "RRG-CAP-2", CheckOutcome.Inconclusive, "no info", 1, RequirementLevel.Should)], null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((must.Verdict, must.ExitCode, must.Headline), Is.EqualTo((Verdict.Incomplete, RunVerdict.IncompleteExitCode, "INCOMPLETE")));
            Assert.That(must.Reason, Does.Contain("Conc (RRG-CONC-9)").And.Contain("acceptedUnverified"));
            Assert.That(must.Unverified.Select(c => c.Name), Is.EqualTo(new[] { "Conc" }));
            Assert.That((should.Verdict, should.ExitCode), Is.EqualTo((Verdict.Conformant, 0)));
        }
    }

    [Test]
    public void A_baseline_may_accept_an_unverified_MUST_with_a_reason_and_an_expiry_and_a_verified_or_expired_entry_is_stale()
    {
        using var dir = new TempDirectory();
        var path = dir.File("baseline.json");
        File.WriteAllText(path, """
            { "acceptedUnverified": [
                { "clause": "RRG-CONC-9", "reason": "the lab has one FAILEDOVER group", "expires": "2099-01-01" },
                { "check": "Gone", "reason": "old", "expires": "2000-01-01" } ] }
            """);
        var (baseline, errors) = Baseline.Load(path);
        Assert.That(errors, Is.Empty);
        var checks = new List<RunCheck> { new("A", "RRG-ARG-1", CheckOutcome.Passed, null, 1), new("Conc", "RRG-CONC-9", CheckOutcome.Inconclusive, "no second group", 1) };
        var judgement = baseline!.Judge(checks, new DateOnly(2026, 11, 29));
        var derived = RunVerdict.Derive(checks, null, judgement);
        var verified = baseline.Judge([new("Conc", "RRG-CONC-9", CheckOutcome.Passed, null, 1)], new DateOnly(2026, 11, 29));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(judgement.AcceptedUnverified.Keys, Is.EqualTo(new[] { "Conc" }));
            Assert.That(judgement.Stale, Has.Count.EqualTo(1).And.Some.Contains("expired on 2000-01-01"));
            Assert.That(derived.Verdict, Is.EqualTo(Verdict.NotConformant), "the expired entry is stale");
            Assert.That(verified.Stale, Has.Some.Contains("is now verified"));
            var fresh = Baseline.FromUnverified("profile", [new BaselineEntry(null, "RRG-CONC-9", "lab", new DateOnly(2099, 1, 1))]).Judge(checks, new DateOnly(2026, 11, 29));
            Assert.That(RunVerdict.Derive(checks, null, fresh).ExitCode, Is.Zero);
            Assert.That(RunVerdict.Derive(checks, null, fresh).Reason, Does.Contain("1 MUST check(s) accepted unverified"));
        }
    }

    [Test]
    public void An_interrupted_run_is_INTERRUPTED_whatever_its_checks()
    {
        var derived = RunVerdict.Derive([new("A", "RRG-ARG-1", CheckOutcome.Failed, "x", 1)], null, interrupted: true);
        Assert.That((derived.Verdict, derived.ExitCode, derived.Headline), Is.EqualTo((Verdict.Interrupted, 130, "INTERRUPTED")));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void A_run_error_wins_over_the_checks_with_its_own_exit_code(int exitCode)
    {
        var derived = RunVerdict.Derive(Checks([CheckOutcome.Passed, CheckOutcome.Failed]), new RunError(exitCode, "provider unreachable"));
        Assert.That((derived.Verdict, derived.ExitCode, derived.Reason), Is.EqualTo((Verdict.Error, exitCode, "provider unreachable")));
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
        Assert.That((summary.Verdict.Verdict, summary.Verdict.ExitCode, summary.Verdict.Reason), Is.EqualTo((Verdict.Error, 3, "configuration invalid")));
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
            && counts.NotApplicable == known.Count(o => o == CheckOutcome.NotApplicable)
            && counts.Warnings == known.Count(o => o == CheckOutcome.Warning)
            && counts.NotExercised == known.Count(o => o == CheckOutcome.NotExercised);
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
                "profile", "target", "provider", "verdict", "headline", "exitCode", "reason", "strict", "counts", "warnings", "notExercised", "unverified", "checks", "startedAt", "finishedAt",
            }));
            Assert.That(root.GetProperty("profile").GetString(), Is.EqualTo("array-a"));
            Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("https://array.example:8443/vasa"));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("not-conformant"));
            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("headline").GetString(), Is.EqualTo("NOT CONFORMANT"));
            Assert.That(root.GetProperty("reason").GetString(), Does.Contain("1 MUST check(s) failed: Failover_task_reports_progress (T-2.1)"));
            Assert.That(counts.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())), Is.EqualTo(new[]
            {
                ("passed", 1), ("failed", 1), ("warnings", 0), ("broken", 0), ("inconclusive", 0), ("notExercised", 0), ("notApplicable", 1), ("skipped", 1), ("total", 3),
            }));
            Assert.That(checks.Select(c => c.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "passed", "failed", "not-applicable" }));
            Assert.That(checks[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "clauseId", "level", "outcome", "durationMs" }));
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

    [Test]
    public void Summary_json_states_what_the_run_consumed_of_its_budget_and_what_is_left()
    {
        using var dir = new TempDirectory();
        var summary = new RunSummary("one-site") { Budget = new BudgetSummary(4, 3, Enforced: true) { RefusedChecks = 2 } };
        summary.Add(new RunCheck("a", "1", CheckOutcome.Passed, null, 1));
        RunSummaryWriter.Write(summary, dir.File("summary.json"), new Redactor());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        var budget = json.RootElement.GetProperty("budget");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((budget.GetProperty("limit").GetInt32(), budget.GetProperty("consumed").GetInt32(), budget.GetProperty("left").GetInt32()), Is.EqualTo((4, 3, 1)));
            Assert.That((budget.GetProperty("enforced").GetBoolean(), budget.GetProperty("refusedChecks").GetInt32()), Is.EqualTo((true, 2)));
            Assert.That(summary.Budget!.Describe(), Is.EqualTo("4: 3 consumed, 1 left; 2 check(s) inconclusive for the budget"));
            Assert.That(new BudgetSummary(null, 7, Enforced: true).Describe(), Is.EqualTo("unlimited: 7 consumed"));
        }
    }

    private static List<RunCheck> Checks(IEnumerable<CheckOutcome> outcomes) =>
        outcomes.Select((o, i) => new RunCheck($"check {i}", $"C-{i}", o, null, i)).ToList();
}
