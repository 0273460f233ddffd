using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>Ends a check early with an outcome other than Passed. Thrown only by <see cref="CheckScope"/>.</summary>
internal sealed class CheckStopped(CheckOutcome outcome, string reason) : Exception(reason)
{
    /// <summary>Failed, Inconclusive, NotExercised, Broken or NotApplicable.</summary>
    public CheckOutcome Outcome { get; } = outcome;
}
