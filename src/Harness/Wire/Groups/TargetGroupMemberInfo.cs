using Harness.Wire.Devices;

namespace Harness.Wire.Groups;

/// <summary>
/// One device of a target group. Abstract here: the plain wire type is <see cref="BareTargetGroupMemberInfo"/>, and a
/// FAILEDOVER or INTEST group lists <see cref="RecoveredTargetGroupMemberInfo"/>.
/// </summary>
internal abstract class TargetGroupMemberInfo : DataObject
{
    /// <summary>The replica (required).</summary>
    public ReplicaId? ReplicaId { get; set; }

    /// <summary>The source device it replicates (required).</summary>
    public DeviceId? SourceId { get; set; }

    /// <summary>The datastore holding the replica (required).</summary>
    public ManagedObjectReference? TargetDatastore { get; set; }
}
