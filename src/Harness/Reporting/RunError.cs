namespace Harness.Reporting;

/// <summary>A run-level error (the run could not reach a verdict) and the exit code it maps to: 2 or 3.</summary>
internal sealed record RunError(int ExitCode, string Reason);
