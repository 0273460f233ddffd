namespace Harness.Reporting;

/// <summary>One check in summary.json: a test, the spec clause it covers, and how it ended.</summary>
internal sealed record RunCheck(string Name, string ClauseId, CheckOutcome Outcome, string? Message, long DurationMs);
