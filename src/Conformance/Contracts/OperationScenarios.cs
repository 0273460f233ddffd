using Conformance.Targets;

namespace Conformance.Contracts;

/// <summary>
/// An operation's shared scenarios, which the contracts read: each runs once per target, whichever check asks first.
/// An operation writes its own as small subclasses of <see cref="SuccessScenario"/>, <see cref="OversizedBatch"/> and,
/// where repeating a call means something, <see cref="RepeatScenario"/>.
/// </summary>
/// <param name="Success">The call on groups in the precondition state, and its task.</param>
/// <param name="Oversized">The batch above the limit, and its re-split.</param>
internal sealed record OperationScenarios(Func<ConformanceTarget, Task<SuccessScenario>> Success, Func<ConformanceTarget, Task<OversizedBatch>> Oversized)
{
    /// <summary>The call repeated on groups it already succeeded on, whose answers the result contract also judges; null when the operation has none.</summary>
    public Func<ConformanceTarget, Task<RepeatScenario>>? Repeat { get; init; }
}
