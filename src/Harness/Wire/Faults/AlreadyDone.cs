namespace Harness.Wire.Faults;

/// <summary>The object is already in the desired state; always a warning.</summary>
internal sealed class AlreadyDone : SmsReplicationFault
{
}
