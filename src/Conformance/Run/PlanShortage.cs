namespace Conformance.Run;

/// <summary>A check the plan expects to be inconclusive for lack of groups (or of budget), and why.</summary>
/// <param name="Check">The check's key.</param>
/// <param name="Reason">Why, with the fix.</param>
/// <param name="Budget">Whether the budget, not the allowlist, is what runs out.</param>
internal sealed record PlanShortage(string Check, string Reason, bool Budget);
