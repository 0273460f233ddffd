using Harness.Wire.Filters;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryReplicationGroupInfo</c> (on SmsStorageManager).</summary>
internal sealed class QueryReplicationGroupInfoRequest
{
    /// <summary>The groups (required).</summary>
    public ReplicationGroupFilter? RgFilter { get; set; }
}
