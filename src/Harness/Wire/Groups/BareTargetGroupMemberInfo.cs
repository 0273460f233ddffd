namespace Harness.Wire.Groups;

/// <summary>A plain <c>TargetGroupMemberInfo</c> (a target group that is not recovered).</summary>
[WireName("TargetGroupMemberInfo")]
internal sealed class BareTargetGroupMemberInfo : TargetGroupMemberInfo
{
}
