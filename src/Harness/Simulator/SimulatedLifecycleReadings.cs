namespace Harness.Simulator;

/// <summary>
/// The simulator's readings of the replication lifecycle's unconfirmed transitions (profile <c>simulator.lifecycle</c>;
/// reference §2). Every combination is faithful; deviations are defined against the defaults.
/// </summary>
public sealed record SimulatedLifecycleReadings
{
    /// <summary>What a Sync of a group that another Sync is still synchronising gets (SYNC-CONC-1). <value>Default: <see cref="ConcurrentSyncReading.Success"/>.</value></summary>
    public ConcurrentSyncReading ConcurrentSync { get; init; } = ConcurrentSyncReading.Success;

    /// <summary>What a planned failover does to the twin at the other site, the old source (T8). An unplanned failover never touches it (T11). <value>Default: <see cref="PeerReading.Unchanged"/>.</value></summary>
    public PeerReading PeerAfterFailover { get; init; } = PeerReading.Unchanged;

    /// <summary>
    /// Whether a planned failover needs the pair prepared first (PrepareFailover at the source, T6): when true a planned
    /// failover of a pair not prepared gets InvalidReplicationState for that group. <value>Default: <c>false</c>.</value>
    /// </summary>
    public bool PlannedFailoverNeedsPrepare { get; init; }

    /// <summary>What a finished TestFailoverStart holds (TFS-RES-1). <value>Default: <see cref="TestFailoverStartResultReading.Void"/>.</value></summary>
    public TestFailoverStartResultReading TestFailoverStartResult { get; init; } = TestFailoverStartResultReading.Void;

    /// <summary>What TestFailoverStop with force=false does (T3). <value>Default: <see cref="TestFailoverStopReading.Target"/>.</value></summary>
    public TestFailoverStopReading TestFailoverStopWithoutForce { get; init; } = TestFailoverStopReading.Target;

    /// <summary>
    /// TargetGroupInfo.isPromoteCapable of every target group: when false a Promote gets NotSupportedByProvider per
    /// group and changes nothing (PRO-CAP-1). <value>Default: <c>true</c>.</value>
    /// </summary>
    public bool PromoteCapable { get; init; } = true;

    /// <summary>What a Promote does to the twin at the other site (T4). <value>Default: <see cref="PeerReading.Unchanged"/>.</value></summary>
    public PeerReading PeerAfterPromote { get; init; } = PeerReading.Unchanged;
}
