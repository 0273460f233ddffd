namespace Conformance.Targets;

/// <summary>One state-changing call (or what a round trip found or left): when, what, on which groups, what came back, and which check made it.</summary>
/// <param name="At">When.</param>
/// <param name="Operation">The operation, or a record in parentheses: <c>(initial state)</c>, <c>(restored)</c>, <c>(left)</c>.</param>
/// <param name="Groups">The groups named.</param>
/// <param name="Outcome">What came back, in words.</param>
/// <param name="Check">The check that made it.</param>
/// <param name="Pair">For the round trips' records: the pair's states and ids (what <c>./run.sh restore</c> reads).</param>
internal sealed record JournalEntry(DateTimeOffset At, string Operation, IReadOnlyList<string> Groups, string Outcome, string? Check = null, Restore.PairSnapshot? Pair = null)
{
    /// <summary>The record of a pair as the run first found it.</summary>
    public const string Initial = "(initial state)";
}
