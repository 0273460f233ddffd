using Harness.Wire.Params;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>FailoverReplicationGroup_Task</c>.</summary>
internal sealed class FailoverReplicationGroupRequest
{
    /// <summary>The groups and how (required).</summary>
    public FailoverParam? FailoverParam { get; set; }
}
