namespace Harness.Wire.Faults;

/// <summary>Nothing valid to recover from.</summary>
internal sealed class NoValidReplica : SmsReplicationFault
{
    /// <summary>The target-side device id.</summary>
    public System.Text.Json.JsonElement? DeviceId { get; set; }
}
