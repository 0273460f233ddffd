using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.FailoverReplicationGroup;

/// <summary>
/// The clauses and checks of FailoverReplicationGroup_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="FailoverChecks"/>).
/// </summary>
internal sealed class FailoverCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.Failover,
        "FO",
        new(async t => await LifecycleHappyPath<FailoverCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<FailoverCatalogue>.GetAsync(t).ConfigureAwait(false)),
        FailoverChecks.Clauses,
        FailoverChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.Failover.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
