using Harness.Reporting;

namespace Harness.Tests.Reporting;

[TestFixture]
public sealed class BaselineTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private string file = null!;

    [SetUp]
    public void CreateFile() => this.file = Path.Combine(Path.GetTempPath(), "baseline-" + Guid.NewGuid().ToString("N") + ".json");

    [TearDown]
    public void RemoveFile() => File.Delete(this.file);

    [Test]
    public void A_listed_failure_is_accepted_and_does_not_fail_the_gate()
    {
        var baseline = this.Load("""{"knownFailures":[{"check":"A","reason":"T-1","expires":"2027-01-31"}]}""");
        var checks = new[] { Check("A", CheckOutcome.Failed), Check("B", CheckOutcome.Passed) };
        var judgement = baseline.Judge(checks, Today);
        Assert.Multiple(() =>
        {
            Assert.That(judgement.Accepted.Keys, Is.EquivalentTo(new[] { "A" }));
            Assert.That(judgement.Stale, Is.Empty);
            Assert.That(RunVerdict.Derive(checks, null, judgement).ExitCode, Is.EqualTo(0));
            Assert.That(RunVerdict.Derive(checks, null, null).ExitCode, Is.EqualTo(1), "without the baseline the same run fails");
        });
    }

    [Test]
    public void A_listed_failure_that_now_passes_is_a_stale_baseline()
    {
        var baseline = this.Load("""{"knownFailures":[{"clause":"C-1","reason":"T-2","expires":"2027-01-31"}]}""");
        var checks = new[] { Check("A", CheckOutcome.Passed, "C-1") };
        var verdict = RunVerdict.Derive(checks, null, baseline.Judge(checks, Today));
        Assert.Multiple(() =>
        {
            Assert.That(verdict.ExitCode, Is.EqualTo(1));
            Assert.That(verdict.Reason, Does.StartWith("stale baseline: clause C-1 now passes"));
        });
    }

    [Test]
    public void An_expired_entry_is_a_stale_baseline_even_while_the_check_still_fails()
    {
        var baseline = this.Load("""{"knownFailures":[{"check":"A","reason":"T-3","expires":"2026-11-26"}]}""");
        var checks = new[] { Check("A", CheckOutcome.Failed) };
        var judgement = baseline.Judge(checks, Today);
        Assert.Multiple(() =>
        {
            Assert.That(judgement.Accepted, Is.Empty);
            Assert.That(judgement.Stale.Single(), Does.Contain("expired on 2026-11-26"));
            Assert.That(RunVerdict.Derive(checks, null, judgement).ExitCode, Is.EqualTo(1));
        });
    }

    [Test]
    public void No_check_at_all_is_an_error_with_exit_2()
    {
        var verdict = RunVerdict.Derive([], null, null);
        Assert.Multiple(() =>
        {
            Assert.That(verdict.ExitCode, Is.EqualTo(2));
            Assert.That(verdict.Reason, Does.Contain("selected no check"));
        });
    }

    [TestCase("""{"knownFailures":[{"check":"A","expires":"2027-01-01"}]}""", "\"reason\" is required")]
    [TestCase("""{"knownFailures":[{"check":"A","reason":"r","expires":"next year"}]}""", "\"expires\" must be a date")]
    [TestCase("""{"knownFailures":[{"reason":"r","expires":"2027-01-01"}]}""", "exactly one of \"check\"")]
    [TestCase("""{"knownFailures":[{"check":"A","clause":"C","reason":"r","expires":"2027-01-01"}]}""", "exactly one of \"check\"")]
    [TestCase("""{"knownFailures":[{"check":"A","reason":"r","expires":"2027-01-01","until":"x"}]}""", "unknown field(s) until")]
    [TestCase("""{"known":[]}""", "expected {\"knownFailures\"")]
    [TestCase("""{ not json""", "not valid JSON")]
    public void A_bad_baseline_file_is_one_clear_message_per_problem(string json, string expected)
    {
        File.WriteAllText(this.file, json);
        var (baseline, errors) = Baseline.Load(this.file);
        Assert.Multiple(() =>
        {
            Assert.That(baseline, Is.Null);
            Assert.That(errors, Has.Some.Contains(expected));
        });
    }

    private static RunCheck Check(string name, CheckOutcome outcome, string clause = "C-0") => new(name, clause, outcome, null, 1);

    private Baseline Load(string json)
    {
        File.WriteAllText(this.file, json);
        var (baseline, errors) = Baseline.Load(this.file);
        Assert.That(errors, Is.Empty);
        return baseline!;
    }
}
