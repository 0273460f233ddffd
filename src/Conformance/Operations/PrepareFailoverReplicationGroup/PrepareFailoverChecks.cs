using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.PrepareFailoverReplicationGroup;

/// <summary>
/// PrepareFailoverReplicationGroup_Task has no check of its own: the state a prepared source reads as is unconfirmed
/// (T6, recorded by the twin check's notes), and its results are the shared contracts' plain entries.
/// </summary>
internal static class PrepareFailoverChecks
{
    /// <summary>Its own clauses: none.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [];

    /// <summary>Its own checks: none.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) => [];
}
