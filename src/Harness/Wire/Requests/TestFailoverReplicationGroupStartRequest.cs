using Harness.Wire.Params;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>TestFailoverReplicationGroupStart_Task</c>.</summary>
internal sealed class TestFailoverReplicationGroupStartRequest
{
    /// <summary>The groups and how (required; sent with its own _typeName).</summary>
    public TestFailoverParam? TestFailoverParam { get; set; }
}
