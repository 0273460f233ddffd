using Conformance.Contracts;
using Conformance.Operations;

namespace Conformance.Lifecycle;

/// <summary>
/// The operations the lifecycle model drives: every state-changing one whose description carries a transition and a
/// sender, each called and read as its own catalogue judges it (its <see cref="OperationUnderTest"/>).
/// </summary>
internal static class LifecycleOperations
{
    private static readonly Lazy<IReadOnlyDictionary<string, OperationUnderTest>> Subjects = new(() => new Dictionary<string, OperationUnderTest>(StringComparer.Ordinal)
    {
        [VasaProviderOperations.Sync.Name] = Operations.SyncReplicationGroup.SyncCatalogue.Subject,
        [VasaProviderOperations.PrepareFailover.Name] = Operations.PrepareFailoverReplicationGroup.PrepareFailoverCatalogue.Subject,
        [VasaProviderOperations.Failover.Name] = Operations.FailoverReplicationGroup.FailoverCatalogue.Subject,
        [VasaProviderOperations.TestFailoverStart.Name] = Operations.TestFailoverReplicationGroupStart.TestFailoverStartCatalogue.Subject,
        [VasaProviderOperations.TestFailoverStop.Name] = Operations.TestFailoverReplicationGroupStop.TestFailoverStopCatalogue.Subject,
        [VasaProviderOperations.Promote.Name] = Operations.PromoteReplicationGroup.PromoteCatalogue.Subject,
        [VasaProviderOperations.Reverse.Name] = Operations.ReverseReplicateGroup.ReverseCatalogue.Subject,
    });

    /// <summary>The operations, in the order of replication-lifecycle.md §1.</summary>
    public static IReadOnlyList<OperationDescription> All { get; } = VasaProviderOperations.All.Where(o => o.Transition is not null && o.Send is not null).ToList();

    /// <summary>The operation as its catalogue judges it, for the shared steps (<see cref="OperationSteps"/>, <see cref="OperationAnswer"/>).</summary>
    /// <exception cref="KeyNotFoundException">A lifecycle operation without a catalogue (a harness error).</exception>
    public static OperationUnderTest Subject(OperationDescription operation) => Subjects.Value[operation.Name];

    /// <summary>The prefix of the operation's clause ids (FO for FailoverReplicationGroup_Task, RRG for Reverse), read from its catalogue.</summary>
    public static string Prefix(OperationDescription operation)
    {
        var id = Subject(operation).Clauses.TaskSuccess.Id;
        return id[..id.LastIndexOf("-TASK-", StringComparison.Ordinal)];
    }

    /// <summary>Whether the operation prepares a pair for another (some transition names it <see cref="LifecycleTransition.PreparedBy"/>).</summary>
    public static bool Prepares(OperationDescription operation) => VasaProviderOperations.All.Any(o => o.Transition?.PreparedBy == operation.Name);
}
