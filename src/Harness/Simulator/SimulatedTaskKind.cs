namespace Harness.Simulator;

/// <summary>
/// What a simulated task does when it completes. The lifecycle kinds are named as the operations are in
/// <see cref="Deviation"/> (<c>{Kind}{Break}</c>, e.g. <see cref="Deviation.SyncAcceptsEmpty"/>).
/// </summary>
internal enum SimulatedTaskKind
{
    /// <summary>ReverseReplicateGroup_Task: a GroupOperationResult per group.</summary>
    Reverse,

    /// <summary>VasaProviderSync_Task: nothing to change, a void result.</summary>
    ProviderSync,

    /// <summary>SyncReplicationGroup_Task: a point-in-time replica of each TARGET group (T1).</summary>
    Sync,

    /// <summary>PrepareFailoverReplicationGroup_Task: each SOURCE group's pair is readied for a planned failover (T6).</summary>
    PrepareFailover,

    /// <summary>FailoverReplicationGroup_Task: each TARGET group becomes FAILEDOVER (T7), or nothing changes when checkOnly (T11).</summary>
    Failover,

    /// <summary>TestFailoverReplicationGroupStart_Task: each TARGET group becomes INTEST (T2); a void result by VMware's types.</summary>
    TestFailoverStart,

    /// <summary>TestFailoverReplicationGroupStop_Task: each INTEST group goes back to TARGET (T3); a void result.</summary>
    TestFailoverStop,

    /// <summary>PromoteReplicationGroup_Task: each INTEST group of a promote-capable provider becomes FAILEDOVER (T4).</summary>
    Promote,
}
