namespace Harness.Wire.Faults;

/// <summary>A synchronisation is already running.</summary>
internal sealed class SyncOngoing : SmsReplicationFault
{
    /// <summary>Its task.</summary>
    public ManagedObjectReference? Task { get; set; }
}
