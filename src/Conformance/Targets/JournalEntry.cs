namespace Conformance.Targets;

/// <summary>One state-changing call: when, what, on which groups, what came back, and which check made it.</summary>
internal sealed record JournalEntry(DateTimeOffset At, string Operation, IReadOnlyList<string> Groups, string Outcome, string? Check = null);
