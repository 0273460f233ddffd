using Harness.Wire.Alarms;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryActiveAlarm</c>; no filter means every active alarm, first page.</summary>
internal sealed class QueryActiveAlarmRequest
{
    /// <summary>The filter, with the page marker of the page wanted.</summary>
    public AlarmFilter? AlarmFilter { get; set; }
}
