namespace Harness.Reporting;

/// <summary>Per-outcome totals, always derived from the checks (never kept as separate counters).</summary>
internal sealed record RunCounts(int Passed, int Failed, int Broken, int Inconclusive, int NotApplicable)
{
    public int Total => this.Passed + this.Failed + this.Broken + this.Inconclusive + this.NotApplicable;

    public static RunCounts From(IEnumerable<RunCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var list = checks as IReadOnlyCollection<RunCheck> ?? checks.ToList();
        int Count(CheckOutcome outcome) => list.Count(c => c.Outcome == outcome);
        return new RunCounts(
            Count(CheckOutcome.Passed),
            Count(CheckOutcome.Failed),
            Count(CheckOutcome.Broken),
            Count(CheckOutcome.Inconclusive),
            Count(CheckOutcome.NotApplicable));
    }
}
