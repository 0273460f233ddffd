namespace Harness.Wire.Alarms;

/// <summary>One page of active alarms.</summary>
internal sealed class AlarmResult : DataObject
{
    /// <summary>The alarms on this page.</summary>
    public List<StorageAlarm>? StorageAlarm { get; set; }

    /// <summary>Where the next page starts; unset on the last page.</summary>
    public string? PageMarker { get; set; }
}
