using Harness.Wire.Devices;

namespace Harness.Wire.Groups;

/// <summary>One device of a source group, with its replicas.</summary>
internal sealed class SourceGroupMemberInfo : DataObject
{
    /// <summary>The source device (required).</summary>
    public DeviceId? DeviceId { get; set; }

    /// <summary>Its replicas, one per target fault domain.</summary>
    public List<TargetDeviceId>? TargetId { get; set; }
}
