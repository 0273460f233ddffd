namespace Harness.Wire.Requests;

/// <summary>The body of <c>TestFailoverReplicationGroupStop_Task</c>.</summary>
internal sealed class TestFailoverReplicationGroupStopRequest
{
    /// <summary>The INTEST groups.</summary>
    public List<ReplicationGroupId>? GroupId { get; set; }

    /// <summary>Whether to force-unbind the test devices (required).</summary>
    public bool Force { get; set; }
}
