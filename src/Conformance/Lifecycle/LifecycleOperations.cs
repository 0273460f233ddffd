using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Operations;
using Conformance.Operations.ReverseReplicateGroup;

namespace Conformance.Lifecycle;

/// <summary>
/// The operations the lifecycle model drives: every state-changing one whose description carries a transition and a
/// sender, and each as the shared steps call it (<see cref="OperationUnderTest"/>: Reverse's own; for the others, the
/// standard clauses with the reference's prefixes, §4, until their catalogues exist).
/// </summary>
internal static class LifecycleOperations
{
    private static readonly ConcurrentDictionary<string, OperationUnderTest> Subjects = new(StringComparer.Ordinal);

    /// <summary>The operations, in the order of replication-lifecycle.md §1.</summary>
    public static IReadOnlyList<OperationDescription> All { get; } = VasaProviderOperations.All.Where(o => o.Transition is not null && o.Send is not null).ToList();

    /// <summary>The clause-id prefix replication-lifecycle.md §4 gives the operation: FO for FailoverReplicationGroup_Task.</summary>
    public static string Prefix(OperationDescription operation) => operation.Name switch
    {
        "SyncReplicationGroup_Task" => "SYNC",
        "PrepareFailoverReplicationGroup_Task" => "PFO",
        "FailoverReplicationGroup_Task" => "FO",
        "TestFailoverReplicationGroupStart_Task" => "TFS",
        "TestFailoverReplicationGroupStop_Task" => "TFX",
        "PromoteReplicationGroup_Task" => "PRO",
        "ReverseReplicateGroup_Task" => "REV",
        _ => LifecycleCommand.ShortName(operation).ToUpperInvariant(),
    };

    /// <summary>The operation as the shared steps (<see cref="OperationSteps"/>, <see cref="OperationAnswer"/>) call and read it.</summary>
    public static OperationUnderTest Subject(OperationDescription operation) =>
        operation == VasaProviderOperations.Reverse ? ReverseCatalogue.Subject : Subjects.GetOrAdd(operation.Name, _ => Build(operation));

    private static OperationUnderTest Build(OperationDescription operation)
    {
        var clauses = ContractClauses.For(operation, Prefix(operation));
        var model = LifecycleCatalogue.Model;
        var readings = new ContractReadings(
            ContractReadings.GroupErrorPoint(operation, [model]),
            ContractReadings.TaskTypePoint([model]),
            ContractReadings.ResultBoxingPoint([model]),
            ContractReadings.ResultQueryPoint([model]),
            ContractReadings.MalformedFaultPoint(operation, [model]),
            ContractReadings.NoSessionPoint([model]));
        var none = new OperationScenarios(
            _ => throw new InvalidOperationException($"the lifecycle model runs no shared scenario of {operation.Name}"),
            _ => throw new InvalidOperationException($"the lifecycle model runs no shared scenario of {operation.Name}"));
        return new OperationUnderTest(operation, clauses, readings, none);
    }
}
