using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.TestFailoverReplicationGroupStart;

/// <summary>The checks only TestFailoverReplicationGroupStart_Task has: a checkOnly test failover changes nothing.</summary>
internal static class TestFailoverStartChecks
{
    /// <summary>TFS-CHK-1.</summary>
    public static readonly Clause CheckOnly = new("TFS-CHK-1", ClauseLevel.Must, "A test failover with checkOnly = true succeeds for a TARGET group without starting the test: no group changes state at either site.", "reference §4 (TestFailoverStart) [J:FailoverParam]") { Basis = LevelBasis.VmwareDocumentation, Why = "TestFailoverParam is a FailoverParam, whose checkOnly VMware documents as checking without doing" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [CheckOnly];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("A_checkOnly_test_failover_changes_nothing_at_either_site", CheckOnly, op.Name, s => LifecycleProbes.ChangesNothingAsync(s, op, "checkOnly", g => (client, provider) => client.TestFailoverReplicationGroupStartAsync(provider, VasaProviderOperations.TestFailoverOf([g], checkOnly: true)))) { Needs = GroupNeeds.Probe(op) },
    ];
}
