namespace Harness.Wire.Alarms;

/// <summary>The filter of <c>QueryActiveAlarm</c>; every field is optional.</summary>
internal sealed class AlarmFilter : DataObject
{
    /// <summary>Only alarms of this status (<see cref="AlarmStatus"/>).</summary>
    public string? AlarmStatus { get; set; }

    /// <summary>Only alarms of this type (<see cref="AlarmType"/>).</summary>
    public string? AlarmType { get; set; }

    /// <summary>The type of the entities in <see cref="EntityId"/> (an <c>SmsEntityType</c> value).</summary>
    public string? EntityType { get; set; }

    /// <summary>Only alarms on these entities (anyType values, all of <see cref="EntityType"/>).</summary>
    public List<DataObject>? EntityId { get; set; }

    /// <summary>Where the previous page ended; null for the first page.</summary>
    public string? PageMarker { get; set; }
}
