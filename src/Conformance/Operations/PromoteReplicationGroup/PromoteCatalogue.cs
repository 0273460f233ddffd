using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.PromoteReplicationGroup;

/// <summary>
/// The clauses and checks of PromoteReplicationGroup_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="PromoteChecks"/>).
/// </summary>
internal sealed class PromoteCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.Promote,
        "PRO",
        new(async t => await LifecycleHappyPath<PromoteCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<PromoteCatalogue>.GetAsync(t).ConfigureAwait(false)),
        PromoteChecks.Clauses,
        PromoteChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.Promote.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
