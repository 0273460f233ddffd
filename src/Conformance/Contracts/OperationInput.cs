using Harness.Wire;

namespace Conformance.Contracts;

/// <summary>One generated request of an operation: the body sent, the groups it names, and whether it is invalid input.</summary>
/// <param name="What">A short description for reports.</param>
/// <param name="Body">The exact body sent.</param>
/// <param name="Groups">The groups named, when the body is a well-formed group list.</param>
/// <param name="Invalid">Whether the contract requires the call to be refused (a null, empty or malformed group list, or more groups than the batch limit).</param>
internal sealed record OperationInput(string What, string Body, IReadOnlyList<ReplicationGroupId>? Groups, bool Invalid)
{
    /// <inheritdoc />
    public override string ToString() => $"{this.What}: {(this.Body.Length > 300 ? this.Body[..300] + "…" : this.Body)}";
}
