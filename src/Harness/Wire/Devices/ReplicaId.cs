namespace Harness.Wire.Devices;

/// <summary>An opaque id of a device at a replication target.</summary>
internal sealed class ReplicaId : DataObject
{
    /// <summary>The id (required).</summary>
    public string? Id { get; set; }
}
