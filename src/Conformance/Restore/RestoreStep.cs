using Conformance.Lifecycle;
using Conformance.Operations;

namespace Conformance.Restore;

/// <summary>One call of a round trip: an operation at one site of the pair.</summary>
/// <param name="Operation">The state-changing operation (its transition says what it does).</param>
/// <param name="Site">Where it is called.</param>
internal sealed record RestoreStep(OperationDescription Operation, LifecycleSite Site)
{
    /// <summary><c>Failover@A</c>, as replication-lifecycle.md §3 writes round trips.</summary>
    public override string ToString() => $"{LifecycleCommand.ShortName(this.Operation)}@{LifecycleCommand.Label(this.Site)}";
}
