namespace Harness.Wire.Faults;

/// <summary>The peer site is unreachable.</summary>
internal sealed class PeerNotReachable : SmsReplicationFault
{
}
