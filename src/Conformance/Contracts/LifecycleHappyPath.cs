using Conformance.Targets;

namespace Conformance.Contracts;

/// <summary>
/// The success scenario of a lifecycle operation: call it on up to two allowlisted groups in its precondition state
/// (at the site that holds them) and, once the task succeeded, read each group at that site and its twin at the other
/// site (the embedded simulator is reset between checks, so the checks judge what this read).
/// </summary>
/// <typeparam name="TCatalogue">The operation's catalogue.</typeparam>
internal sealed class LifecycleHappyPath<TCatalogue> : LifecycleSuccessScenario
    where TCatalogue : ILifecycleCatalogue
{
    /// <inheritdoc />
    protected override OperationUnderTest Operation => TCatalogue.Subject;

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<LifecycleHappyPath<TCatalogue>> GetAsync(ConformanceTarget target) => RunOnceAsync<LifecycleHappyPath<TCatalogue>>(target);
}
