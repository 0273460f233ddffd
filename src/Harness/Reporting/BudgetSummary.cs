namespace Harness.Reporting;

/// <summary>What a run consumed of the profile's group budget, for summary.json and the report's first screen.</summary>
/// <param name="Limit">How many groups the run might consume; null when unlimited.</param>
/// <param name="Consumed">How many allowlisted groups irreversible calls were given (an upper bound: a call may still have been refused).</param>
/// <param name="Enforced">Whether the budget was enforced (a one-site run; a two-site run restores its groups).</param>
internal sealed record BudgetSummary(int? Limit, int Consumed, bool Enforced)
{
    /// <summary>What is left; null when unlimited.</summary>
    public int? Left => this.Limit is { } limit ? Math.Max(0, limit - this.Consumed) : null;

    /// <summary>The checks inconclusive because the budget (not the allowlist) ran out.</summary>
    public int RefusedChecks { get; init; }

    /// <summary>The budget in words, e.g. <c>4: 3 consumed, 1 left</c>.</summary>
    public string Describe() =>
        (this.Limit is { } limit ? $"{limit}: {this.Consumed} consumed, {this.Left} left" : $"unlimited: {this.Consumed} consumed")
        + (this.Enforced ? string.Empty : " (not enforced: two sites)")
        + (this.RefusedChecks > 0 ? $"; {this.RefusedChecks} check(s) inconclusive for the budget" : string.Empty);
}
