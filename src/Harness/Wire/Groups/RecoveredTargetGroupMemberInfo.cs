using Harness.Wire.Devices;

namespace Harness.Wire.Groups;

/// <summary>A device of a FAILEDOVER or INTEST target group, with the device it was recovered as.</summary>
internal sealed class RecoveredTargetGroupMemberInfo : TargetGroupMemberInfo
{
    /// <summary>The recovered device.</summary>
    public DeviceId? RecoveredDeviceId { get; set; }
}
