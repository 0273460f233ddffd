namespace Harness.Reporting;

/// <summary>The run's verdict in summary.json ("conformant", "not-conformant", "error").</summary>
internal enum Verdict
{
    Conformant,
    NotConformant,
    Error,
}
