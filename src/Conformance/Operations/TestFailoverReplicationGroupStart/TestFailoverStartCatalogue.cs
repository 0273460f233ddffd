using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.TestFailoverReplicationGroupStart;

/// <summary>
/// The clauses and checks of TestFailoverReplicationGroupStart_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="TestFailoverStartChecks"/>).
/// </summary>
internal sealed class TestFailoverStartCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.TestFailoverStart,
        "TFS",
        new(async t => await LifecycleHappyPath<TestFailoverStartCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<TestFailoverStartCatalogue>.GetAsync(t).ConfigureAwait(false)),
        TestFailoverStartChecks.Clauses,
        TestFailoverStartChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.TestFailoverStart.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
