namespace Harness.Wire.Faults;

/// <summary>Called at the wrong end of the replication.</summary>
internal sealed class InvalidFunctionTarget : SmsReplicationFault
{
}
