namespace Harness.Wire.PointInTime;

/// <summary>
/// The time part of a point-in-time query. vSphere sets none, from and to, from and number, or to and number;
/// <see cref="FromDate"/> is inclusive and <see cref="ToDate"/> exclusive.
/// </summary>
internal sealed class ReplicaQueryIntervalParam : DataObject
{
    /// <summary>The earliest time (inclusive).</summary>
    public DateTimeOffset? FromDate { get; set; }

    /// <summary>The latest time (exclusive).</summary>
    public DateTimeOffset? ToDate { get; set; }

    /// <summary>How many replicas at most.</summary>
    public int? Number { get; set; }
}
