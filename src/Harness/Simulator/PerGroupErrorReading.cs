namespace Harness.Simulator;

/// <summary>
/// Where the simulator reports a per-group error of a replication task, Reverse or a lifecycle task (a group in the
/// wrong state or at the wrong end, an unknown group, a group listed twice). A task whose result is void has no entry
/// for a GroupErrorResult, so under <see cref="GroupErrorResult"/> its refusals take the <see cref="TaskError"/> route. Which route vCenter takes is unconfirmed (reference §6.4), so each plausible reading
/// is a setting; every one is faithful. Under <see cref="TaskError"/> and <see cref="WholeCallFault"/> a call with one
/// refused group is refused as a whole and changes nothing (atomic). Deviations are defined against the default.
/// </summary>
public enum PerGroupErrorReading
{
    /// <summary>The task succeeds; each refused group gets a GroupErrorResult and the other groups are processed (the default).</summary>
    GroupErrorResult,

    /// <summary>
    /// The task ends in state error, its error the fault of the first refused group (InvalidReplicationState for a wrong
    /// state, InvalidArgument naming groupId for an unknown or repeated group); no group of the call changes state.
    /// </summary>
    TaskError,

    /// <summary>The call itself answers HTTP 500 with that fault and starts no task; no group changes state.</summary>
    WholeCallFault,
}
