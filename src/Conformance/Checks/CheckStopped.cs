using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>Ends a check early with an outcome other than Passed. Thrown by <see cref="CheckScope"/> (and by the checks that judge a run ledger).</summary>
internal sealed class CheckStopped(CheckOutcome outcome, string reason) : Exception(reason)
{
    /// <summary>Failed, Inconclusive, NotExercised, Broken or NotApplicable.</summary>
    public CheckOutcome Outcome { get; } = outcome;

    /// <summary>The correlation id of the exchange that shows a failure, once the failed step carries it.</summary>
    public string? EvidenceId { get; set; }
}
