using Harness.Wire.Groups;

namespace Harness.Simulator;

/// <summary>
/// One state-changing replication task of the lifecycle, as data: where it must be called, the state it needs, the
/// state it leaves the called group in, the state in which a repeat is already done, and its deviations
/// (<c>{Kind}{Break}</c> in <see cref="Deviation"/>). The peer twin's state afterwards is a reading
/// (<see cref="SimulatedLifecycleReadings"/>) for Failover and Promote, and unchanged for the others.
/// </summary>
/// <param name="Kind">The task kind, which also names the operation in <see cref="Deviation"/>.</param>
/// <param name="Method">The wire method, e.g. <c>SyncReplicationGroup_Task</c>.</param>
/// <param name="GroupsProperty">Where the groups are sent, as InvalidArgument.invalidProperty names it (e.g. <c>groupId</c>).</param>
/// <param name="TargetSide">True when it is called at the target site (a SOURCE group is the wrong end); false for the source side (a TARGET group is).</param>
/// <param name="Required">The state a group must be in.</param>
/// <param name="After">The state the called group ends in; null: unchanged.</param>
/// <param name="Repeat">The state in which the operation is already done (an AlreadyDone success, or refused, per <see cref="RepeatReading"/>); null: none.</param>
/// <param name="WrongPost">The state the called group ends in under <c>{Kind}WrongPostState</c>.</param>
/// <param name="WrongPeer">The state the peer twin ends in under <c>{Kind}WrongPeerState</c>.</param>
internal sealed record LifecycleOperation(
    SimulatedTaskKind Kind, string Method, string GroupsProperty, bool TargetSide, string Required, string? After, string? Repeat, string WrongPost, string WrongPeer)
{
    /// <summary>Null or empty groups are accepted.</summary>
    public Deviation AcceptsEmpty { get; } = Break(Kind, "AcceptsEmpty");

    /// <summary>A group at the wrong end is treated as if in <see cref="Required"/>.</summary>
    public Deviation AcceptsWrongSite { get; } = Break(Kind, "AcceptsWrongSite");

    /// <summary>A group in the wrong state transitions.</summary>
    public Deviation AcceptsWrongState { get; } = Break(Kind, "AcceptsWrongState");

    /// <summary>A group in the wrong state gets NotFound.</summary>
    public Deviation WrongStateFault { get; } = Break(Kind, "WrongStateFault");

    /// <summary>The called group ends in <see cref="WrongPost"/>.</summary>
    public Deviation WrongPostState { get; } = Break(Kind, "WrongPostState");

    /// <summary>The peer twin ends in <see cref="WrongPeer"/>.</summary>
    public Deviation WrongPeerState { get; } = Break(Kind, "WrongPeerState");

    /// <summary>Its tasks never end.</summary>
    public Deviation TaskNeverEnds { get; } = Break(Kind, "TaskNeverEnds");

    /// <summary>Whether VMware's types declare the finished task's result void (TestFailoverStart and TestFailoverStop).</summary>
    public bool VoidResult { get; } = Kind is SimulatedTaskKind.TestFailoverStart or SimulatedTaskKind.TestFailoverStop;

    /// <summary>The results break: the first names another group (<c>ResultForWrongGroup</c>), or, for a <see cref="VoidResult"/>, the result is an array (<c>ReturnsResult</c>).</summary>
    public Deviation ResultBreak { get; } = Break(Kind, Kind is SimulatedTaskKind.TestFailoverStart or SimulatedTaskKind.TestFailoverStop ? "ReturnsResult" : "ResultForWrongGroup");

    /// <summary>Whether the group's state is the wrong end for this operation.</summary>
    public bool IsWrongSite(string state) => this.TargetSide ? state == ReplicationState.Source : state == ReplicationState.Target;

    private static Deviation Break(SimulatedTaskKind kind, string name) => Enum.Parse<Deviation>(kind + name);
}
