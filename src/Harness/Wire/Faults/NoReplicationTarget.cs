namespace Harness.Wire.Faults;

/// <summary>The replication target is not yet available.</summary>
internal sealed class NoReplicationTarget : SmsReplicationFault
{
}
