namespace Harness.Reporting;

/// <summary>Per-outcome totals, always derived from the checks (never kept as separate counters).</summary>
internal sealed record RunCounts(int Passed, int Failed, int Broken, int Inconclusive, int NotApplicable, int Warnings = 0, int NotExercised = 0, int RestoreFailed = 0)
{
    public int Total => this.Passed + this.Failed + this.Warnings + this.Broken + this.Inconclusive + this.NotApplicable + this.NotExercised + this.RestoreFailed;

    /// <summary>One line: "30 passed, 1 failed, 2 warnings, …", naming only the outcomes that occurred besides passed.</summary>
    public string Describe()
    {
        var parts = new List<string> { $"{this.Passed} passed" };
        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add($"{count} {(count == 1 ? one : many)}");
            }
        }

        Add(this.Failed, "failed", "failed");
        Add(this.Warnings, "warning", "warnings");
        Add(this.Broken, "broken", "broken");
        Add(this.RestoreFailed, "restore failed", "restore failed");
        Add(this.Inconclusive, "inconclusive", "inconclusive");
        Add(this.NotExercised, "not exercised", "not exercised");
        Add(this.NotApplicable, "not applicable", "not applicable");
        return string.Join(", ", parts);
    }

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
            Count(CheckOutcome.NotApplicable),
            Count(CheckOutcome.Warning),
            Count(CheckOutcome.NotExercised),
            Count(CheckOutcome.RestoreFailed));
    }
}
