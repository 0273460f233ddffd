using Conformance.Contracts;
using Conformance.Targets;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>Reverse's TooMany scenario: one group more than the limit (none FAILEDOVER), then the re-split.</summary>
internal sealed class ReverseOversizedBatch : OversizedBatch
{
    /// <inheritdoc />
    protected override OperationUnderTest Operation => ReverseCatalogue.Subject;

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<ReverseOversizedBatch> GetAsync(ConformanceTarget target) => RunOnceAsync<ReverseOversizedBatch>(target);
}
