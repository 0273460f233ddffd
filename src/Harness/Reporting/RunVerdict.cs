namespace Harness.Reporting;

/// <summary>A verdict with its process exit code and, unless conformant, the reason.</summary>
internal sealed record RunVerdict(Verdict Verdict, int ExitCode, string? Reason)
{
    /// <summary>
    /// Pure: a recorded run-level error wins (its own exit code, 2 or 3); otherwise any failed or broken check makes
    /// the provider not conformant (exit 1); otherwise it is conformant (exit 0). Inconclusive and not-applicable
    /// checks do not affect the verdict.
    /// </summary>
    public static RunVerdict Derive(IEnumerable<RunCheck> checks, RunError? error)
    {
        if (error is not null)
        {
            return new RunVerdict(Verdict.Error, error.ExitCode, error.Reason);
        }

        var counts = RunCounts.From(checks);
        if (counts.Failed + counts.Broken > 0)
        {
            return new RunVerdict(Verdict.NotConformant, 1, $"{counts.Failed} failed and {counts.Broken} broken of {counts.Total} checks");
        }

        return new RunVerdict(Verdict.Conformant, 0, null);
    }
}
