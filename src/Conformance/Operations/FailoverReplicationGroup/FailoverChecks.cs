using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.FailoverReplicationGroup;

/// <summary>The checks only FailoverReplicationGroup_Task has: a checkOnly failover changes nothing (T11).</summary>
internal static class FailoverChecks
{
    /// <summary>FO-CHK-1.</summary>
    public static readonly Clause CheckOnly = new("FO-CHK-1", ClauseLevel.Must, "A failover with checkOnly = true succeeds for a TARGET group without failing it over: no group changes state at either site.", "reference §2 T11, §4 (Failover) [J:FailoverParam]") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents FailoverParam.checkOnly as checking whether the failover can be done, without doing it" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [CheckOnly];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("A_checkOnly_failover_changes_nothing_at_either_site", CheckOnly, op.Name, s => LifecycleProbes.ChangesNothingAsync(s, op, "checkOnly", g => (client, provider) => client.FailoverReplicationGroupAsync(provider, VasaProviderOperations.FailoverOf([g], isPlanned: true, checkOnly: true)))),
    ];
}
