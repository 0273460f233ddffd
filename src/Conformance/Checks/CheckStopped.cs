using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>Ends a check early with an outcome other than Passed. Thrown by <see cref="CheckScope"/> (and by the checks that judge a run ledger).</summary>
internal sealed class CheckStopped : Exception
{
    /// <summary>Stops the check as Inconclusive, NotExercised, Broken or NotApplicable; a failure is a <see cref="Checks.Failure"/>.</summary>
    public CheckStopped(CheckOutcome outcome, string reason)
        : base(reason)
    {
        if (outcome == CheckOutcome.Failed)
        {
            throw new ArgumentException("a failure reads \"expected …; observed …\": stop with a Failure", nameof(outcome));
        }

        this.Outcome = outcome;
    }

    /// <summary>Stops the check as Failed.</summary>
    public CheckStopped(Failure failure)
        : base(failure.ToString())
    {
        this.Outcome = CheckOutcome.Failed;
        this.Failure = failure;
    }

    /// <summary>Failed, Inconclusive, NotExercised, Broken or NotApplicable.</summary>
    public CheckOutcome Outcome { get; }

    /// <summary>For Failed: what the clause requires and what the provider did, with the exchange that shows it once known.</summary>
    public Failure? Failure { get; set; }

    /// <summary>Whether the innermost failed step has taken the failure's evidence (outer steps leave it be).</summary>
    public bool EvidenceTaken { get; set; }
}
