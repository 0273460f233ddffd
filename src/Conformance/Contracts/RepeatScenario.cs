using Conformance.Checks;

namespace Conformance.Contracts;

/// <summary>
/// A shared scenario that repeats a call on groups the operation already succeeded on (Reverse: reverse, then ask
/// again by the old and the new id). The result contract judges its answers with every other answer of the run.
/// </summary>
internal abstract class RepeatScenario : SharedScenario
{
    /// <summary>The repeated requests, each answer read to its end.</summary>
    public List<OperationAnswer> Repeats { get; } = [];
}
