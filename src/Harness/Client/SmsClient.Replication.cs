using Harness.Wire;
using Harness.Wire.Alarms;
using Harness.Wire.Filters;
using Harness.Wire.Params;
using Harness.Wire.PointInTime;
using Harness.Wire.Requests;
using Harness.Wire.Results;
using Harness.Wire.Serialization;

namespace Harness.Client;

/// <summary>
/// The replication API beyond QueryReplicationGroup and Reverse: the VasaProvider queries, VasaProviderSync_Task, the
/// storage manager's QueryFaultDomain and QueryReplicationGroupInfo, and the other state-changing replication tasks.
/// Each answers a <see cref="ProviderResult{T}"/>; a task method answers the task's MoRef.
/// </summary>
internal sealed partial class SmsClient
{
    /// <summary><c>QueryReplicationPeer</c>; null or empty means every source fault domain of the provider.</summary>
    public Task<ProviderResult<List<QueryReplicationPeerResult>>> QueryReplicationPeerAsync(ManagedObjectReference provider, IReadOnlyList<FaultDomainId>? faultDomains, CancellationToken ct = default) =>
        this.SmsAsync<List<QueryReplicationPeerResult>>("VasaProvider", provider.Value ?? string.Empty, "QueryReplicationPeer", WireJson.Serialize(new QueryReplicationPeerRequest { FaultDomainId = faultDomains?.Select(d => new FaultDomainId { Id = d.Id }).ToList() }), false, ct);

    /// <summary><c>QueryPointInTimeReplica</c>: per group a QueryPointInTimeReplicaSuccessResult, a QueryPointInTimeReplicaSummaryResult or a GroupErrorResult.</summary>
    public Task<ProviderResult<List<GroupOperationResult>>> QueryPointInTimeReplicaAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, QueryPointInTimeReplicaParam? queryParam = null, CancellationToken ct = default) =>
        this.SmsAsync<List<GroupOperationResult>>("VasaProvider", provider.Value ?? string.Empty, "QueryPointInTimeReplica", WireJson.Serialize(new QueryPointInTimeReplicaRequest { GroupId = Fresh(groups), QueryParam = queryParam }), false, ct);

    /// <summary><c>QueryActiveAlarm</c>: one page; call again with <see cref="AlarmResult.PageMarker"/> in the filter while it is set.</summary>
    public Task<ProviderResult<AlarmResult>> QueryActiveAlarmAsync(ManagedObjectReference provider, AlarmFilter? alarmFilter = null, CancellationToken ct = default) =>
        this.SmsAsync<AlarmResult>("VasaProvider", provider.Value ?? string.Empty, "QueryActiveAlarm", WireJson.Serialize(new QueryActiveAlarmRequest { AlarmFilter = alarmFilter }), false, ct);

    /// <summary><c>VasaProviderSync_Task</c>: refreshes SMS's cache of the provider (null: every array); the task's result is void.</summary>
    public Task<ProviderResult<ManagedObjectReference>> VasaProviderSyncAsync(ManagedObjectReference provider, string? arrayId = null, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "VasaProviderSync_Task", WireJson.Serialize(new VasaProviderSyncRequest { ArrayId = arrayId }), false, ct);

    /// <summary><c>SmsStorageManager.QueryFaultDomain</c>: FaultDomainId or FaultDomainInfo objects (any other <c>_typeName</c> kept as it came).</summary>
    public Task<ProviderResult<List<DataObject>>> QueryFaultDomainAsync(ManagedObjectReference storageManager, FaultDomainFilter? filter = null, CancellationToken ct = default) =>
        this.SmsAsync<List<DataObject>>("SmsStorageManager", storageManager.Value ?? string.Empty, "QueryFaultDomain", WireJson.Serialize(new QueryFaultDomainRequest { Filter = filter }), false, ct);

    /// <summary><c>SmsStorageManager.QueryReplicationGroupInfo</c>: vCenter routes each group to its provider (null or empty groups: InvalidArgument).</summary>
    public Task<ProviderResult<List<GroupOperationResult>>> QueryReplicationGroupInfoAsync(ManagedObjectReference storageManager, IReadOnlyList<ReplicationGroupId>? groups, CancellationToken ct = default) =>
        this.SmsAsync<List<GroupOperationResult>>("SmsStorageManager", storageManager.Value ?? string.Empty, "QueryReplicationGroupInfo", WireJson.Serialize(new QueryReplicationGroupInfoRequest { RgFilter = new ReplicationGroupFilter { GroupId = Fresh(groups) } }), false, ct);

    /// <summary><c>SyncReplicationGroup_Task</c> (at the target): synchronises and creates a point-in-time replica named <paramref name="pitName"/>.</summary>
    public Task<ProviderResult<ManagedObjectReference>> SyncReplicationGroupAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, string pitName, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "SyncReplicationGroup_Task", WireJson.Serialize(new SyncReplicationGroupRequest { GroupId = Fresh(groups), PitName = pitName }), true, ct);

    /// <summary><c>PrepareFailoverReplicationGroup_Task</c> (at the source).</summary>
    public Task<ProviderResult<ManagedObjectReference>> PrepareFailoverReplicationGroupAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "PrepareFailoverReplicationGroup_Task", WireJson.Serialize(new PrepareFailoverReplicationGroupRequest { GroupId = Fresh(groups) }), true, ct);

    /// <summary><c>FailoverReplicationGroup_Task</c> (at the target).</summary>
    public Task<ProviderResult<ManagedObjectReference>> FailoverReplicationGroupAsync(ManagedObjectReference provider, FailoverParam failoverParam, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "FailoverReplicationGroup_Task", WireJson.Serialize(new FailoverReplicationGroupRequest { FailoverParam = failoverParam }), true, ct);

    /// <summary><c>TestFailoverReplicationGroupStart_Task</c> (at the target); the parameter goes with <c>_typeName</c> TestFailoverParam.</summary>
    public Task<ProviderResult<ManagedObjectReference>> TestFailoverReplicationGroupStartAsync(ManagedObjectReference provider, TestFailoverParam testFailoverParam, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "TestFailoverReplicationGroupStart_Task", WireJson.Serialize(new TestFailoverReplicationGroupStartRequest { TestFailoverParam = testFailoverParam }), true, ct);

    /// <summary><c>TestFailoverReplicationGroupStop_Task</c> (at the target).</summary>
    public Task<ProviderResult<ManagedObjectReference>> TestFailoverReplicationGroupStopAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, bool force, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "TestFailoverReplicationGroupStop_Task", WireJson.Serialize(new TestFailoverReplicationGroupStopRequest { GroupId = Fresh(groups), Force = force }), true, ct);

    /// <summary><c>PromoteReplicationGroup_Task</c> (at the target).</summary>
    public Task<ProviderResult<ManagedObjectReference>> PromoteReplicationGroupAsync(ManagedObjectReference provider, PromoteParam promoteParam, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "PromoteReplicationGroup_Task", WireJson.Serialize(new PromoteReplicationGroupRequest { PromoteParam = promoteParam }), true, ct);
}
