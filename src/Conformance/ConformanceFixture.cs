using System.Globalization;
using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance;

/// <summary>Base of the suite's fixtures: runs a catalogue check against the run's target and maps its outcome onto NUnit.</summary>
public abstract class ConformanceFixture
{
    /// <summary>Runs the named check and turns its outcome into pass, fail, inconclusive (precondition) or ignore (not applicable).</summary>
    internal static async Task RunAsync(Check check)
    {
        var run = ConformanceRun.Current ?? throw new InvalidOperationException("the conformance run was not set up");
        var result = await run.RunCheckAsync(check).ConfigureAwait(false);
        var ms = (result.Stop - result.Start).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var known = run.KnownFailure(check, result) is not null;
        var label = known ? "KNOWN" : result.Outcome switch
        {
            CheckOutcome.Passed => "PASS ",
            CheckOutcome.Failed => "FAIL ",
            CheckOutcome.Warning => "WARN ",
            CheckOutcome.Broken => "BROKE",
            CheckOutcome.Inconclusive => "INCONCLUSIVE",
            CheckOutcome.NotExercised => "NOT EXERCISED",
            CheckOutcome.RestoreFailed => "RESTORE FAILED",
            _ => "N/A  ",
        };
        await TestContext.Progress.WriteLineAsync(run.Redactor.Redact($"[vasa] {label} {check.Clause.Id,-14} {check.Name} ({ms} ms){(result.Reason is null ? string.Empty : " — " + result.Reason)}")).ConfigureAwait(false);
        foreach (var note in result.Notes)
        {
            var warning = note.StartsWith("WARNING", StringComparison.Ordinal);
            await (warning ? TestContext.Progress : TestContext.Out).WriteLineAsync(run.Redactor.Redact((warning ? "[vasa]        " : "note: ") + note)).ConfigureAwait(false);
        }

        var reason = run.Redactor.Redact($"[{check.Clause.Id}] {result.Reason}");
        switch (result.Outcome)
        {
            case CheckOutcome.Passed:
                return;
            case CheckOutcome.Failed or CheckOutcome.Broken or CheckOutcome.Warning when known:
                Assert.Warn("known failure, accepted by the baseline: " + reason);
                break;
            case CheckOutcome.Warning when run.Summary.Strict:
                Assert.Fail("warning (SHOULD), failing in strict mode: " + reason);
                break;
            case CheckOutcome.Warning:
                Assert.Warn("warning (SHOULD, does not fail the gate): " + reason);
                break;
            case CheckOutcome.Failed:
                Assert.Fail(reason);
                break;
            case CheckOutcome.RestoreFailed:
                Assert.Fail("restore failed: the groups this check changed are not back where they were (the journal says what is left; ./run.sh restore): " + reason);
                break;
            case CheckOutcome.Broken:
                Assert.Fail("harness or infrastructure error, not a provider verdict: " + reason);
                break;
            case CheckOutcome.Inconclusive:
                Assert.Inconclusive("Inconclusive: " + reason);
                break;
            case CheckOutcome.NotExercised:
                Assert.Inconclusive("Not exercised: " + reason);
                break;
            default:
                Assert.Ignore("Not applicable: " + reason);
                break;
        }
    }

    /// <summary>NUnit cases for a catalogue, named after the checks, carrying their clause ids.</summary>
    internal static IEnumerable<TestCaseData> Cases(IEnumerable<Check> checks) =>
        checks.Select(c => new TestCaseData(c.Key)
            .SetName(c.Key)
            .SetDescription($"[{c.Clause.Id}] {c.Clause.Text}")
            .SetCategory(c.Feature)
            .SetProperty("Clause", c.Clause.Id)
            .SetProperty("Level", c.Clause.Level.ToString().ToUpperInvariant()));
}
