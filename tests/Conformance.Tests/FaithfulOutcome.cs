using Conformance.Mutants;
using Harness.Reporting;

namespace Conformance.Tests;

/// <summary>
/// What a faithful provider may get: passed, not exercised for a transient fault it never raised (the suite cannot
/// provoke one), or not applicable for a check that compares two sites in a run without the peer site.
/// </summary>
internal static class FaithfulOutcome
{
    /// <summary>Whether the outcome is what a faithful provider gets for this check.</summary>
    public static bool Holds(string check, CheckOutcome outcome) =>
        outcome == CheckOutcome.Passed
        || (outcome == CheckOutcome.NotExercised && MutantCatalogue.TransientFaultChecks.Values.Contains(check))
        || (outcome == CheckOutcome.NotApplicable && Conformance.Operations.ReadOnlyTier.ReadOnlyReads.PeerChecks.Contains(check));
}
