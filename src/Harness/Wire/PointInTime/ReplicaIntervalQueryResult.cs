namespace Harness.Wire.PointInTime;

/// <summary>How many point-in-time replicas a group holds in one interval (the summary form).</summary>
internal sealed class ReplicaIntervalQueryResult : DataObject
{
    /// <summary>The interval's start (required).</summary>
    public DateTimeOffset? FromDate { get; set; }

    /// <summary>The interval's end (required).</summary>
    public DateTimeOffset? ToDate { get; set; }

    /// <summary>How many replicas (required).</summary>
    public int? Number { get; set; }
}
