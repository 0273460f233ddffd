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
    /// <param name="check">The check's key (<c>{operation}.{name}</c>) or its bare name.</param>
    public static bool Holds(string check, CheckOutcome outcome)
    {
        var found = MutantMatrix.Resolve(check);
        return outcome == CheckOutcome.Passed
            || (outcome == CheckOutcome.NotExercised && (found.MayNotArise || MutantCatalogue.TransientFaultChecks.Values.Contains(found.Name)))
            || (outcome == CheckOutcome.NotApplicable && (found.TwoSites || Conformance.Operations.ReadOnlyTier.ReadOnlyReads.PeerChecks.Contains(found.Name)));
    }
}
