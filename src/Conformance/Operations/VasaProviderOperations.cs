using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Params;
using Harness.Wire.Results;

namespace Conformance.Operations;

/// <summary>
/// Every VasaProvider operation of replication-lifecycle.md §1, one description each. Descriptions are data: an
/// operation gets checks when it gets a folder of its own (its clauses and scenarios) that hands its description to
/// the shared contracts. The client sends only the operations whose <see cref="OperationDescription.Send"/> is set: every
/// state-changing one of the replication lifecycle. Their <see cref="OperationDescription.Transition"/> is the state
/// machine of §2, which the lifecycle checks and the stateful model read.
/// </summary>
internal static class VasaProviderOperations
{
    /// <summary>QueryProviderInfo(): the provider's VasaProviderInfo.</summary>
    public static readonly OperationDescription QueryProviderInfo = new()
    {
        Name = "QueryProviderInfo",
        Argument = OperationArgument.Plain(),
        ReturnsTask = false,
        ResultTypes = ["VasaProviderInfo"],
        ChangesState = false,
        Site = OperationSite.Any,
        Verb = "describe",
        Done = "described",
    };

    /// <summary>QueryReplicationPeer(faultDomainId[]?): each fault domain's replication peers.</summary>
    public static readonly OperationDescription QueryReplicationPeer = new()
    {
        Name = "QueryReplicationPeer",
        Argument = OperationArgument.Plain("faultDomainId"),
        ReturnsTask = false,
        ResultTypes = ["QueryReplicationPeerResult"],
        ChangesState = false,
        Site = OperationSite.Any,
        Verb = "query",
        Done = "queried",
    };

    /// <summary>QueryReplicationGroup(groupId[]?): each group's info.</summary>
    public static readonly OperationDescription QueryReplicationGroup = new()
    {
        Name = "QueryReplicationGroup",
        Argument = OperationArgument.GroupIds(["groupId"]),
        ReturnsTask = false,
        ResultTypes = ["QueryReplicationGroupSuccessResult", "GroupErrorResult"],
        ChangesState = false,
        Site = OperationSite.Any,
        Verb = "query",
        Done = "queried",
    };

    /// <summary>QueryPointInTimeReplica(groupId[], queryParam?): each target group's point-in-time replicas.</summary>
    public static readonly OperationDescription QueryPointInTimeReplica = new()
    {
        Name = "QueryPointInTimeReplica",
        Argument = OperationArgument.GroupIds(["groupId", "queryParam"]),
        ReturnsTask = false,
        ResultTypes = ["QueryPointInTimeReplicaSuccessResult", "QueryPointInTimeReplicaSummaryResult", "GroupErrorResult"],
        ChangesState = false,
        Site = OperationSite.Target,
        Verb = "query the replicas of",
        Done = "queried",
    };

    /// <summary>QueryActiveAlarm(alarmFilter?): the active alarms, a page at a time.</summary>
    public static readonly OperationDescription QueryActiveAlarm = new()
    {
        Name = "QueryActiveAlarm",
        Argument = OperationArgument.Plain("alarmFilter"),
        ReturnsTask = false,
        ResultTypes = ["AlarmResult"],
        ChangesState = false,
        Site = OperationSite.Any,
        Verb = "query the alarms of",
        Done = "queried",
    };

    /// <summary>SyncReplicationGroup_Task(groupId[], pitName): a point-in-time replica of each TARGET group (the precondition is inferred).</summary>
    public static readonly OperationDescription Sync = new()
    {
        Name = "SyncReplicationGroup_Task",
        Argument = OperationArgument.GroupIds(["groupId", "pitName"], ",\"pitName\":\"conformance-sync\""),
        ReturnsTask = true,
        ResultTypes = ["SyncReplicationGroupSuccessResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.Target,
        Site = OperationSite.Target,
        Verb = "sync",
        Done = "synced",
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.InTest, ReplicationState.FailedOver],
            After = [ReplicationState.Target],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Source],
            ConcurrentRefusals = ["SyncOngoing"],
            Transitions = "T1",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "SyncReplicationGroup_Task") : client.SyncReplicationGroupAsync(provider, groups, SyncPitName),
        SendRaw = Raw("SyncReplicationGroup_Task"),
    };

    /// <summary>PrepareFailoverReplicationGroup_Task(groupId[]): readies each SOURCE group for a planned failover (plain results).</summary>
    public static readonly OperationDescription PrepareFailover = new()
    {
        Name = "PrepareFailoverReplicationGroup_Task",
        Argument = OperationArgument.GroupIds(["groupId"]),
        ReturnsTask = true,
        ResultTypes = ["GroupOperationResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.Source,
        Site = OperationSite.Source,
        Verb = "prepare for failover",
        Done = "prepared",
        Transition = new()
        {
            WrongSite = ReplicationState.Target,
            WrongStates = [ReplicationState.FailedOver, ReplicationState.InTest],
            After = [],
            PeerBefore = ReplicationState.Target,
            PeerAfter = [ReplicationState.Target],
            Transitions = "T6",
            Unconfirmed = "T6 (the state a prepared source group reads as)",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "PrepareFailoverReplicationGroup_Task") : client.PrepareFailoverReplicationGroupAsync(provider, groups),
        SendRaw = Raw("PrepareFailoverReplicationGroup_Task"),
    };

    /// <summary>FailoverReplicationGroup_Task(failoverParam): each TARGET group becomes FAILEDOVER (or SOURCE when auto-reversing); plain results when checkOnly.</summary>
    public static readonly OperationDescription Failover = new()
    {
        Name = "FailoverReplicationGroup_Task",
        Argument = OperationArgument.Param("failoverParam", "FailoverParam", "\"isPlanned\":true,\"checkOnly\":false", "replicationGroupsToFailover", "ReplicationGroupData"),
        ReturnsTask = true,
        ResultTypes = ["FailoverSuccessResult", "GroupOperationResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.Target,
        Site = OperationSite.Target,
        Verb = "fail over",
        Done = "failed over",
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.InTest],
            After = [ReplicationState.FailedOver, ReplicationState.Source],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Source, ReplicationState.Target],
            RefusesRepeat = true,
            PreparedBy = "PrepareFailoverReplicationGroup_Task",
            Transitions = "T5, T7, T8, T11",
            Irreversible = true,
            Unconfirmed = "T8 (the source site's state after a planned failover: SOURCE or TARGET)",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "FailoverReplicationGroup_Task") : client.FailoverReplicationGroupAsync(provider, FailoverOf(groups, isPlanned: true, checkOnly: false)),
        SendRaw = Raw("FailoverReplicationGroup_Task"),
    };

    /// <summary>TestFailoverReplicationGroupStart_Task(testFailoverParam): each TARGET group becomes INTEST. The result is void by VMware's types ([P]); [G]'s checkOnly text implies an array.</summary>
    public static readonly OperationDescription TestFailoverStart = new()
    {
        Name = "TestFailoverReplicationGroupStart_Task",
        Argument = OperationArgument.Param("testFailoverParam", "TestFailoverParam", "\"isPlanned\":true,\"checkOnly\":false", "replicationGroupsToFailover", "ReplicationGroupData"),
        ReturnsTask = true,
        ResultTypes = [],
        UnconfirmedResultTypes = ["GroupOperationResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.Target,
        Site = OperationSite.Target,
        Verb = "start a test failover of",
        Done = "test failed over",
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.FailedOver],
            After = [ReplicationState.InTest],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Source],
            RefusesRepeat = true,
            Transitions = "T2",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "TestFailoverReplicationGroupStart_Task") : client.TestFailoverReplicationGroupStartAsync(provider, TestFailoverOf(groups, checkOnly: false)),
        SendRaw = Raw("TestFailoverReplicationGroupStart_Task"),
    };

    /// <summary>TestFailoverReplicationGroupStop_Task(groupId[], force): each INTEST group back to TARGET (force = true).</summary>
    public static readonly OperationDescription TestFailoverStop = new()
    {
        Name = "TestFailoverReplicationGroupStop_Task",
        Argument = OperationArgument.GroupIds(["groupId", "force"], ",\"force\":true"),
        ReturnsTask = true,
        ResultTypes = [],
        ChangesState = true,
        Precondition = ReplicationState.InTest,
        Site = OperationSite.Target,
        Verb = "stop the test failover of",
        Done = "stopped",
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.FailedOver],
            After = [ReplicationState.Target],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Source],
            RefusesRepeat = true,
            Transitions = "T3",
            Unconfirmed = "T3 with force=false (the state after a stop that reports vVols to clean up)",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "TestFailoverReplicationGroupStop_Task") : client.TestFailoverReplicationGroupStopAsync(provider, groups, force: true),
        SendRaw = Raw("TestFailoverReplicationGroupStop_Task"),
    };

    /// <summary>PromoteReplicationGroup_Task(promoteParam): each INTEST group of a promote-capable provider becomes FAILEDOVER.</summary>
    public static readonly OperationDescription Promote = new()
    {
        Name = "PromoteReplicationGroup_Task",
        Argument = OperationArgument.Param("promoteParam", "PromoteParam", "\"isPlanned\":true", "replicationGroupsToPromote"),
        ReturnsTask = true,
        ResultTypes = ["GroupOperationResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.InTest,
        Site = OperationSite.Target,
        Verb = "promote",
        Done = "promoted",
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.Target],
            After = [ReplicationState.FailedOver],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Source, ReplicationState.Target],
            RefusesRepeat = true,
            Transitions = "T4",
            Irreversible = true,
            Unconfirmed = "T4 (the source site's state after a promote: SOURCE or TARGET)",
        },
        Send = (client, provider, groups) => groups is null ? Absent(client, provider, "PromoteReplicationGroup_Task") : client.PromoteReplicationGroupAsync(provider, new PromoteParam { IsPlanned = true, ReplicationGroupsToPromote = groups.ToList() }),
        SendRaw = Raw("PromoteReplicationGroup_Task"),
    };

    /// <summary>ReverseReplicateGroup_Task(groupId[]): each FAILEDOVER group becomes SOURCE under a new group id in its fault domain.</summary>
    public static readonly OperationDescription Reverse = new()
    {
        Name = "ReverseReplicateGroup_Task",
        Argument = OperationArgument.GroupIds(["groupId"]),
        ReturnsTask = true,
        ResultTypes = ["ReverseReplicationSuccessResult", "GroupErrorResult"],
        ChangesState = true,
        Precondition = ReplicationState.FailedOver,
        Site = OperationSite.FailedOver,
        Verb = "reverse",
        Done = "reversed",
        NewGroupId = r => (r as ReverseReplicationSuccessResult)?.NewGroupId?.Id,
        Transition = new()
        {
            WrongSite = ReplicationState.Source,
            WrongStates = [ReplicationState.Target, ReplicationState.InTest],
            After = [ReplicationState.Source],
            PeerBefore = ReplicationState.Source,
            PeerAfter = [ReplicationState.Target],
            RefusesRepeat = true,
            Transitions = "T10",
            Irreversible = true,
        },
        Send = (client, provider, groups) => client.ReverseReplicateGroupAsync(provider, groups),
        SendRaw = (client, provider, body) => client.ReverseReplicateGroupRawAsync(provider, body),
    };

    /// <summary>VasaProviderSync_Task(arrayId?): refreshes vCenter's cache of the provider (void).</summary>
    public static readonly OperationDescription VasaProviderSync = new()
    {
        Name = "VasaProviderSync_Task",
        Argument = OperationArgument.Plain("arrayId"),
        ReturnsTask = true,
        ResultTypes = [],
        ChangesState = false,
        Site = OperationSite.Provider,
        Verb = "sync",
        Done = "synced",
    };

    /// <summary>VasaProviderReconnect_Task(): a no-op unless the provider is disconnected (void).</summary>
    public static readonly OperationDescription VasaProviderReconnect = new()
    {
        Name = "VasaProviderReconnect_Task",
        Argument = OperationArgument.Plain(),
        ReturnsTask = true,
        ResultTypes = [],
        ChangesState = false,
        Site = OperationSite.Provider,
        Verb = "reconnect",
        Done = "reconnected",
    };

    /// <summary>VasaProviderRefreshCertificate_Task(): a new certificate (void; opt-in only).</summary>
    public static readonly OperationDescription VasaProviderRefreshCertificate = new()
    {
        Name = "VasaProviderRefreshCertificate_Task",
        Argument = OperationArgument.Plain(),
        ReturnsTask = true,
        ResultTypes = [],
        ChangesState = true,
        Site = OperationSite.Provider,
        Verb = "refresh the certificate of",
        Done = "refreshed",
    };

    /// <summary>VasaProviderRevokeCertificate_Task(): unregisters the provider (void; never called by the suite).</summary>
    public static readonly OperationDescription VasaProviderRevokeCertificate = new()
    {
        Name = "VasaProviderRevokeCertificate_Task",
        Argument = OperationArgument.Plain(),
        ReturnsTask = true,
        ResultTypes = [],
        ChangesState = true,
        Site = OperationSite.Provider,
        Verb = "revoke the certificate of",
        Done = "revoked",
    };

    /// <summary>Every operation, in the order of replication-lifecycle.md §1.</summary>
    public static IReadOnlyList<OperationDescription> All { get; } =
    [
        QueryProviderInfo, QueryReplicationPeer, QueryReplicationGroup, QueryPointInTimeReplica, QueryActiveAlarm,
        Sync, PrepareFailover, Failover, TestFailoverStart, TestFailoverStop, Promote, Reverse,
        VasaProviderSync, VasaProviderReconnect, VasaProviderRefreshCertificate, VasaProviderRevokeCertificate,
    ];

    /// <summary>The point-in-time replica name the suite's syncs ask for.</summary>
    public const string SyncPitName = "conformance-sync";

    /// <summary>A FailoverParam for <paramref name="groups"/> (no point-in-time replica named: the latest).</summary>
    public static FailoverParam FailoverOf(IEnumerable<ReplicationGroupId> groups, bool isPlanned, bool checkOnly) => new()
    {
        IsPlanned = isPlanned,
        CheckOnly = checkOnly,
        ReplicationGroupsToFailover = groups.Select(g => new ReplicationGroupData { GroupId = g }).ToList(),
    };

    /// <summary>A TestFailoverParam for <paramref name="groups"/>.</summary>
    public static TestFailoverParam TestFailoverOf(IEnumerable<ReplicationGroupId> groups, bool checkOnly) => new()
    {
        IsPlanned = true,
        CheckOnly = checkOnly,
        ReplicationGroupsToFailover = groups.Select(g => new ReplicationGroupData { GroupId = g }).ToList(),
    };

    /// <summary>The operation with this wire name, or null.</summary>
    public static OperationDescription? Named(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>The operation's body without its groups (the absent-argument probe), sent raw.</summary>
    private static Task<ProviderResult<ManagedObjectReference>> Absent(SmsClient client, ManagedObjectReference provider, string name) =>
        client.TaskRawAsync(provider, name, Named(name)!.Argument.Absent);

    private static Func<SmsClient, ManagedObjectReference, string, Task<ProviderResult<ManagedObjectReference>>> Raw(string name) =>
        (client, provider, body) => client.TaskRawAsync(provider, name, body);
}
