namespace Harness.Wire.Alarms;

/// <summary>The exact wire values of <c>SmsAlarmStatus</c>.</summary>
public static class AlarmStatus
{
    /// <summary>Red.</summary>
    public const string Red = "Red";

    /// <summary>Green (never active: QueryActiveAlarm does not return it).</summary>
    public const string Green = "Green";

    /// <summary>Yellow.</summary>
    public const string Yellow = "Yellow";

    /// <summary>All values.</summary>
    public static readonly IReadOnlyList<string> All = [Red, Green, Yellow];
}
