using Harness.Wire;

namespace Conformance.Reverse;

/// <summary>One generated ReverseReplicateGroup_Task request: the body sent, the groups it names, and whether it is invalid input.</summary>
/// <param name="What">A short description for reports.</param>
/// <param name="Body">The exact body sent.</param>
/// <param name="Groups">The groups named, when the body is a well-formed groupId list.</param>
/// <param name="Invalid">Whether the contract requires the call to be refused (null/empty/malformed groupId, or more groups than the batch limit).</param>
internal sealed record ReverseInput(string What, string Body, IReadOnlyList<ReplicationGroupId>? Groups, bool Invalid)
{
    /// <inheritdoc />
    public override string ToString() => $"{this.What}: {(this.Body.Length > 300 ? this.Body[..300] + "…" : this.Body)}";
}
