namespace Harness.Wire.PointInTime;

/// <summary>One point-in-time replica of a target group.</summary>
internal sealed class PointInTimeReplicaInfo : DataObject
{
    /// <summary>Its id (required).</summary>
    public PointInTimeReplicaId? Id { get; set; }

    /// <summary>Its name (required).</summary>
    public string? PitName { get; set; }

    /// <summary>When it was taken (required).</summary>
    public DateTimeOffset? TimeStamp { get; set; }

    /// <summary>Its tags.</summary>
    public List<string>? Tags { get; set; }
}
