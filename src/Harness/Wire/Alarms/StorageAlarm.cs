namespace Harness.Wire.Alarms;

/// <summary>An active alarm a provider raised.</summary>
internal sealed class StorageAlarm : DataObject
{
    /// <summary>A monotonically increasing id (required).</summary>
    public long? AlarmId { get; set; }

    /// <summary>An <see cref="Alarms.AlarmType"/> value (required).</summary>
    public string? AlarmType { get; set; }

    /// <summary>The container of the object.</summary>
    public string? ContainerId { get; set; }

    /// <summary>The object the alarm is about.</summary>
    public string? ObjectId { get; set; }

    /// <summary>The object's type (required).</summary>
    public string? ObjectType { get; set; }

    /// <summary>Red or Yellow (required; never Green).</summary>
    public string? Status { get; set; }

    /// <summary>When it was raised (required).</summary>
    public DateTimeOffset? AlarmTimeStamp { get; set; }

    /// <summary>The message catalogue id (required).</summary>
    public string? MessageId { get; set; }

    /// <summary>The message's parameters.</summary>
    public List<NameValuePair>? ParameterList { get; set; }

    /// <summary>The object as an anyType value; takes precedence over <see cref="ObjectId"/>.</summary>
    public DataObject? AlarmObject { get; set; }
}
