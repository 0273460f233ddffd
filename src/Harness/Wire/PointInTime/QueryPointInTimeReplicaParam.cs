namespace Harness.Wire.PointInTime;

/// <summary>What <c>QueryPointInTimeReplica</c> should return; every field is optional.</summary>
internal sealed class QueryPointInTimeReplicaParam : DataObject
{
    /// <summary>A time window and/or a count.</summary>
    public ReplicaQueryIntervalParam? ReplicaTimeQueryParam { get; set; }

    /// <summary>An XML Schema regular expression the replica's name must match.</summary>
    public string? PitName { get; set; }

    /// <summary>Regular expressions a replica's tags must match.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>True asks for the details (success result), false for the summary; unset: the provider chooses.</summary>
    public bool? PreferDetails { get; set; }
}
