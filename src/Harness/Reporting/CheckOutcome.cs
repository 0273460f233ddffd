namespace Harness.Reporting;

/// <summary>
/// The outcome of one conformance check in summary.json ("passed", "failed", "warning", "broken", "inconclusive",
/// "not-applicable", "not-exercised", "restore-failed"). README "What a result means" documents each one.
/// </summary>
internal enum CheckOutcome
{
    /// <summary>The clause was exercised and held.</summary>
    Passed,

    /// <summary>A MUST clause was violated: a provider defect that fails the gate.</summary>
    Failed,

    /// <summary>A SHOULD clause was violated: shown and counted, but it fails the gate only in strict mode.</summary>
    Warning,

    /// <summary>The harness or the infrastructure failed, so the clause is unverified.</summary>
    Broken,

    /// <summary>The precondition could not be set up, so the clause is unverified.</summary>
    Inconclusive,

    /// <summary>The clause does not apply: the profile declares the operation or capability absent.</summary>
    NotApplicable,

    /// <summary>The clause's trigger never arose in the run (e.g. a transient fault never raised): neither pass nor fail.</summary>
    NotExercised,

    /// <summary>
    /// The check ran, but the groups it changed could not be brought back to the state and orientation it found them
    /// in: the run stopped changing state, and the journal says what is left where (<c>./run.sh restore</c>).
    /// </summary>
    RestoreFailed,
}
