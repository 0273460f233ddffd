using Conformance.Targets;

namespace Conformance.Contracts;

/// <summary>The TooMany scenario of a lifecycle operation: one group more than the limit, then the re-split.</summary>
/// <typeparam name="TCatalogue">The operation's catalogue.</typeparam>
internal sealed class LifecycleOversizedBatch<TCatalogue> : OversizedBatch
    where TCatalogue : ILifecycleCatalogue
{
    /// <inheritdoc />
    protected override OperationUnderTest Operation => TCatalogue.Subject;

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<LifecycleOversizedBatch<TCatalogue>> GetAsync(ConformanceTarget target) => RunOnceAsync<LifecycleOversizedBatch<TCatalogue>>(target);
}
