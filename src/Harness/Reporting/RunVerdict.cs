namespace Harness.Reporting;

/// <summary>A verdict with its process exit code and, unless conformant, the reason.</summary>
internal sealed record RunVerdict(Verdict Verdict, int ExitCode, string? Reason)
{
    /// <summary>
    /// Pure: a recorded run-level error wins (its own exit code, 2 or 3); otherwise any failed or broken check makes
    /// the provider not conformant (exit 1); otherwise it is conformant (exit 0). Inconclusive and not-applicable
    /// checks do not affect the verdict.
    /// </summary>
    public static RunVerdict Derive(IEnumerable<RunCheck> checks, RunError? error, BaselineJudgement? baseline = null)
    {
        if (error is not null)
        {
            return new RunVerdict(Verdict.Error, error.ExitCode, error.Reason);
        }

        var list = checks.ToList();
        var counts = RunCounts.From(list);
        if (counts.Total == 0)
        {
            return new RunVerdict(Verdict.Error, 2, "no check ran: the filter selected no check");
        }

        var accepted = baseline?.Accepted ?? new Dictionary<string, BaselineEntry>();
        var failing = list.Count(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken && !accepted.ContainsKey(c.Name));
        var stale = baseline?.Stale ?? [];
        if (failing > 0 || stale.Count > 0)
        {
            var reasons = new List<string>();
            if (failing > 0)
            {
                reasons.Add($"{counts.Failed} failed and {counts.Broken} broken of {counts.Total} checks{(accepted.Count > 0 ? $" ({accepted.Count} accepted by the baseline)" : string.Empty)}");
            }

            reasons.AddRange(stale);
            return new RunVerdict(Verdict.NotConformant, 1, string.Join("; ", reasons));
        }

        return new RunVerdict(Verdict.Conformant, 0, null);
    }
}
