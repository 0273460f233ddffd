namespace Harness.Wire.Alarms;

/// <summary>A message parameter of a <see cref="StorageAlarm"/>.</summary>
internal sealed class NameValuePair : DataObject
{
    /// <summary>The name (required).</summary>
    public string? ParameterName { get; set; }

    /// <summary>The value (required).</summary>
    public string? ParameterValue { get; set; }
}
