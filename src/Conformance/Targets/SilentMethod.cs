using System.Globalization;

namespace Conformance.Targets;

/// <summary>A method whose call got no complete answer within the per-call timeout: which method, the timeout, and the check that waited.</summary>
/// <param name="Operation">The API method, e.g. <c>ReverseReplicateGroup_Task</c>.</param>
/// <param name="Timeout">The per-call timeout that passed (callTimeoutSeconds).</param>
/// <param name="Check">The check (or scenario) whose call it was.</param>
internal sealed record SilentMethod(string Operation, TimeSpan Timeout, string Check)
{
    /// <summary>Why a later call of the method is not made, e.g. <c>ReverseReplicateGroup_Task did not answer within 60 s earlier in this run (see Empty_groupId_is_rejected_with_InvalidArgument)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{this.Operation} did not answer within {this.Timeout.TotalSeconds:0.#} s earlier in this run (see {this.Check})");
}
