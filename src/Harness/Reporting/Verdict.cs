namespace Harness.Reporting;

/// <summary>The run's verdict in summary.json ("conformant", "not-conformant", "incomplete", "interrupted", "error").</summary>
internal enum Verdict
{
    /// <summary>Every MUST clause that applies was verified and held (exit 0); warnings and not-exercised clauses are listed.</summary>
    Conformant,

    /// <summary>A MUST clause failed, or a warning in strict mode, or a stale baseline (exit 1).</summary>
    NotConformant,

    /// <summary>No MUST failed, but a MUST clause was left unverified (inconclusive or broken) and not accepted (exit 5).</summary>
    Incomplete,

    /// <summary>The run was stopped by a signal or Ctrl-C before its end (exit 130).</summary>
    Interrupted,

    /// <summary>The run could not reach a verdict: bad profile, unreachable provider, nothing selected (exit 2 or 3).</summary>
    Error,
}
