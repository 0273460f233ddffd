namespace Harness.Wire.Groups;

/// <summary>The exact wire values of <c>ReplicationReplicationState</c>.</summary>
public static class ReplicationState
{
    /// <summary>Replication source.</summary>
    public const string Source = "SOURCE";

    /// <summary>Replication target.</summary>
    public const string Target = "TARGET";

    /// <summary>Failed over at this site, not yet reversed.</summary>
    public const string FailedOver = "FAILEDOVER";

    /// <summary>Test failover in progress.</summary>
    public const string InTest = "INTEST";

    /// <summary>A remote group was failed over; this site is neither source nor target.</summary>
    public const string RemoteFailedOver = "REMOTE_FAILEDOVER";

    /// <summary>All values.</summary>
    public static readonly IReadOnlyList<string> All = [Source, Target, FailedOver, InTest, RemoteFailedOver];
}
