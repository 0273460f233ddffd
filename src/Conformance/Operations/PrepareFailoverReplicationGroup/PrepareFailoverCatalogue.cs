using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.PrepareFailoverReplicationGroup;

/// <summary>
/// The clauses and checks of PrepareFailoverReplicationGroup_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="PrepareFailoverChecks"/>).
/// </summary>
internal sealed class PrepareFailoverCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.PrepareFailover,
        "PFO",
        new(async t => await LifecycleHappyPath<PrepareFailoverCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<PrepareFailoverCatalogue>.GetAsync(t).ConfigureAwait(false)),
        PrepareFailoverChecks.Clauses,
        PrepareFailoverChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.PrepareFailover.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
