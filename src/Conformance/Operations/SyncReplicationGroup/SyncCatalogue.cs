using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.SyncReplicationGroup;

/// <summary>
/// The clauses and checks of SyncReplicationGroup_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="SyncChecks"/>).
/// </summary>
internal sealed class SyncCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.Sync,
        "SYNC",
        new(async t => await LifecycleHappyPath<SyncCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<SyncCatalogue>.GetAsync(t).ConfigureAwait(false)),
        SyncChecks.Clauses,
        SyncChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.Sync.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
