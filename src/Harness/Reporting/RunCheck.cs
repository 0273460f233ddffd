namespace Harness.Reporting;

/// <summary>One check in summary.json: a test, the spec clause it covers, its level, and how it ended.</summary>
internal sealed record RunCheck(string Name, string ClauseId, CheckOutcome Outcome, string? Message, long DurationMs, RequirementLevel Level = RequirementLevel.Must)
{
    /// <summary>The operation (or feature) the check belongs to, e.g. ReverseReplicateGroup_Task; null when unknown.</summary>
    public string? Feature { get; init; }

    /// <summary>Whether the check's clause is left unverified: a MUST check that ended inconclusive or broken.</summary>
    public bool LeavesMustUnverified => this.Level == RequirementLevel.Must && this.Outcome is CheckOutcome.Inconclusive or CheckOutcome.Broken;
}
