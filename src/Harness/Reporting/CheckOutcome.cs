namespace Harness.Reporting;

/// <summary>The outcome of one conformance check in summary.json ("passed", "failed", "broken", "inconclusive", "not-applicable").</summary>
internal enum CheckOutcome
{
    Passed,
    Failed,
    Broken,
    Inconclusive,
    NotApplicable,
}
