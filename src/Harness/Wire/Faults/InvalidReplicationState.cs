namespace Harness.Wire.Faults;

/// <summary>The group is not in a state the operation accepts.</summary>
internal sealed class InvalidReplicationState : SmsReplicationFault
{
    /// <summary>States in which the operation would have succeeded.</summary>
    public List<string>? DesiredState { get; set; }

    /// <summary>The group's current state (required).</summary>
    public string? CurrentState { get; set; }
}
