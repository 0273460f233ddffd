using Harness.Wire.Groups;

namespace Harness.Wire.Results;

/// <summary>A group's information from <c>QueryReplicationGroup</c>.</summary>
internal sealed class QueryReplicationGroupSuccessResult : GroupOperationResult
{
    /// <summary>SourceGroupInfo or TargetGroupInfo (required).</summary>
    public GroupInfo? RgInfo { get; set; }
}
