using Harness.Wire.Params;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>PromoteReplicationGroup_Task</c>.</summary>
internal sealed class PromoteReplicationGroupRequest
{
    /// <summary>The groups and how (required).</summary>
    public PromoteParam? PromoteParam { get; set; }
}
