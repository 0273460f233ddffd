using Harness.Wire.Devices;
using Harness.Wire.Faults;

namespace Harness.Wire.Results;

/// <summary>One device a failover recovered (in <see cref="FailoverSuccessResult.RecoveredDeviceInfo"/>).</summary>
internal sealed class RecoveredDevice : DataObject
{
    /// <summary>The replica it was recovered from.</summary>
    public ReplicaId? TargetDeviceId { get; set; }

    /// <summary>The recovered device.</summary>
    public DeviceId? RecoveredDeviceId { get; set; }

    /// <summary>The source device (required).</summary>
    public DeviceId? SourceDeviceId { get; set; }

    /// <summary>Free text.</summary>
    public List<string>? Info { get; set; }

    /// <summary>The datastore it was recovered to (required).</summary>
    public ManagedObjectReference? Datastore { get; set; }

    /// <summary>Its disks, when it is a virtual machine.</summary>
    public List<RecoveredDiskInfo>? RecoveredDiskInfo { get; set; }

    /// <summary>Why it was not recovered (only NoValidReplica is legitimate).</summary>
    public MethodFault? Error { get; set; }

    /// <summary>Warnings.</summary>
    public List<MethodFault>? Warnings { get; set; }
}
