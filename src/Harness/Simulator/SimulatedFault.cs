namespace Harness.Simulator;

/// <summary>
/// A fault the simulated provider injects into one operation: on every call (<see cref="Times"/> null) or on the
/// first <see cref="Times"/> calls it serves that way, then it behaves normally again. Injection happens after the
/// session check and before anything else the operation does (even before the body is read).
/// </summary>
public sealed record SimulatedFault
{
    /// <summary>The default <see cref="Operation"/>.</summary>
    public const string DefaultOperation = "ReverseReplicateGroup_Task";

    /// <summary>The operations a fault can be injected into.</summary>
    public static IReadOnlyList<string> Operations { get; } =
    [
        DefaultOperation, "QueryReplicationGroup", "QuerySmsTaskInfo", "QueryProviderInfo",
        "QueryReplicationPeer", "QueryPointInTimeReplica", "QueryActiveAlarm", "VasaProviderSync_Task", "QueryFaultDomain", "QueryReplicationGroupInfo",
        "SyncReplicationGroup_Task", "PrepareFailoverReplicationGroup_Task", "FailoverReplicationGroup_Task",
        "TestFailoverReplicationGroupStart_Task", "TestFailoverReplicationGroupStop_Task", "PromoteReplicationGroup_Task",
    ];

    /// <summary>The faults that can be injected (their wire <c>_typeName</c>).</summary>
    public static IReadOnlyList<string> FaultNames { get; } =
    [
        "InvalidArgument", "NotImplemented", "ProviderUnavailable", "ProviderOutOfResource", "InactiveProvider", "TooMany",
        "ProviderBusy", "SmsReplicationFault", "InvalidReplicationState", "AlreadyDone", "InvalidFunctionTarget",
        "NoReplicationTarget", "NoValidReplica", "PeerNotReachable", "SyncOngoing", "NotSupportedByProvider", "NotFound", "InvalidRequest",
    ];

    /// <summary>The API method, one of <see cref="Operations"/>. <value>Default: ReverseReplicateGroup_Task.</value></summary>
    public string Operation { get; init; } = DefaultOperation;

    /// <summary>The fault's wire name, one of <see cref="FaultNames"/>.</summary>
    public required string Fault { get; init; }

    /// <summary>How many calls get the fault; <c>null</c> means every call.</summary>
    public int? Times { get; init; }

    /// <summary>How the fault is delivered. <see cref="FaultRoute.Task"/> only for <c>*_Task</c> operations.</summary>
    public FaultRoute Route { get; init; } = FaultRoute.Call;

    /// <summary>Whether <paramref name="operation"/> returns a task (its name ends in <c>_Task</c>).</summary>
    public static bool IsTaskOperation(string operation) => operation.EndsWith("_Task", StringComparison.Ordinal);
}
