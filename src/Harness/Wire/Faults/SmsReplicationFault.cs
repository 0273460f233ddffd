namespace Harness.Wire.Faults;

/// <summary>Base of the replication faults.</summary>
internal class SmsReplicationFault : MethodFault
{
}
