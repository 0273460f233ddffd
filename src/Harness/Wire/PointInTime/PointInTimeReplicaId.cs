namespace Harness.Wire.PointInTime;

/// <summary>A point-in-time replica id, unique within its replication group.</summary>
internal sealed class PointInTimeReplicaId : DataObject
{
    /// <summary>The id (required).</summary>
    public string? Id { get; set; }
}
