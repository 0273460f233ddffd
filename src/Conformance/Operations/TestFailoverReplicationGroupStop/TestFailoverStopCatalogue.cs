using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.TestFailoverReplicationGroupStop;

/// <summary>
/// The clauses and checks of TestFailoverReplicationGroupStop_Task (replication-lifecycle.md §1, §2, §4): the shared contracts and the
/// lifecycle contract, built from its description, plus the checks only it has (<see cref="TestFailoverStopChecks"/>).
/// </summary>
internal sealed class TestFailoverStopCatalogue : ILifecycleCatalogue
{
    private static readonly Lazy<LifecycleOperation> Parts = new(() => new(
        VasaProviderOperations.TestFailoverStop,
        "TFX",
        new(async t => await LifecycleHappyPath<TestFailoverStopCatalogue>.GetAsync(t).ConfigureAwait(false), async t => await LifecycleOversizedBatch<TestFailoverStopCatalogue>.GetAsync(t).ConfigureAwait(false)),
        TestFailoverStopChecks.Clauses,
        TestFailoverStopChecks.Build));

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => VasaProviderOperations.TestFailoverStop.Name;

    /// <inheritdoc />
    public static OperationUnderTest Subject => Parts.Value.Subject;

    /// <summary>The operation, assembled.</summary>
    public static LifecycleOperation Operation => Parts.Value;

    /// <summary>The catalogue.</summary>
    public static Catalogue Catalogue => Parts.Value.Catalogue;
}
