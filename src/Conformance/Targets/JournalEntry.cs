namespace Conformance.Targets;

/// <summary>One state-changing call: when, what, on which groups, and what came back.</summary>
internal sealed record JournalEntry(DateTimeOffset At, string Operation, IReadOnlyList<string> Groups, string Outcome);
