using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Devices;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// The replication lifecycle: Sync, PrepareFailover, Failover, TestFailoverStart, TestFailoverStop and Promote, each a
/// row of <see cref="Lifecycle"/> run by one engine. A call's arguments are checked when it comes; each group is judged
/// and changed when its task completes, as Reverse's are, on the called site and, in a two-site world, on its twin. The
/// machine is keyed on states and Peer links, never on site names, so a failback at site A runs the same rows.
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>
    /// The operations: where each is called, the state it needs, the state the called group ends in, the state in which
    /// it is already done, and the states its WrongPostState and WrongPeerState deviations leave.
    /// </summary>
    private static readonly FrozenDictionary<SimulatedTaskKind, LifecycleOperation> Lifecycle = new LifecycleOperation[]
    {
        // Kind, method, where the groups go, target side?, required, after (null: unchanged), repeat, wrong post, wrong peer.
        new(SimulatedTaskKind.Sync, "SyncReplicationGroup_Task", "groupId", true, ReplicationState.Target, null, null, ReplicationState.InTest, ReplicationState.FailedOver),
        new(SimulatedTaskKind.PrepareFailover, "PrepareFailoverReplicationGroup_Task", "groupId", false, ReplicationState.Source, null, null, ReplicationState.Target, ReplicationState.FailedOver),
        new(SimulatedTaskKind.Failover, "FailoverReplicationGroup_Task", "failoverParam.replicationGroupsToFailover", true, ReplicationState.Target, ReplicationState.FailedOver, ReplicationState.FailedOver, ReplicationState.InTest, ReplicationState.InTest),
        new(SimulatedTaskKind.TestFailoverStart, "TestFailoverReplicationGroupStart_Task", "testFailoverParam.replicationGroupsToFailover", true, ReplicationState.Target, ReplicationState.InTest, ReplicationState.InTest, ReplicationState.FailedOver, ReplicationState.FailedOver),
        new(SimulatedTaskKind.TestFailoverStop, "TestFailoverReplicationGroupStop_Task", "groupId", true, ReplicationState.InTest, ReplicationState.Target, ReplicationState.Target, ReplicationState.InTest, ReplicationState.FailedOver),
        new(SimulatedTaskKind.Promote, "PromoteReplicationGroup_Task", "promoteParam.replicationGroupsToPromote", true, ReplicationState.InTest, ReplicationState.FailedOver, null, ReplicationState.InTest, ReplicationState.FailedOver),
    }.ToFrozenDictionary(o => o.Kind);

    /// <summary>The same operations, by wire method.</summary>
    private static readonly FrozenDictionary<string, LifecycleOperation> LifecycleByMethod = Lifecycle.Values.ToFrozenDictionary(o => o.Method, StringComparer.Ordinal);

    /// <summary>The pairs prepared for a planned failover (T6), by the key of their source group; a planned failover uses the mark up.</summary>
    private readonly HashSet<string> prepared = new(StringComparer.Ordinal);

    /// <summary>Per group key, the first unfinished Sync task synchronising the group.</summary>
    private readonly Dictionary<string, SimulatedTask> syncing = new(StringComparer.Ordinal);

    /// <summary>How many point-in-time replicas Syncs have created (their ids are numbered by it).</summary>
    private int syncedReplicas;

    /// <summary>Forgets every prepared pair and every Sync in flight (with the tasks).</summary>
    private void ResetLifecycle()
    {
        this.prepared.Clear();
        this.syncing.Clear();
    }

    /// <summary>A lifecycle call: checks its arguments, the batch limit and (under the whole-call reading) each group, then starts its task.</summary>
    private SimulatedResponse StartLifecycle(LifecycleOperation op, JsonElement root, SimulatedSite site)
    {
        if (!TryReadLifecycleCall(op, root, out var ids, out var request, out var problem))
        {
            return this.Fault(this.InvalidArgumentNaming(problem.Property), problem.Message);
        }

        if (ids.Count == 0 && !this.Options.Has(op.AcceptsEmpty))
        {
            return this.Fault(this.InvalidArgumentNaming(op.GroupsProperty), $"{op.GroupsProperty} is null or empty.");
        }

        if (op.Kind == SimulatedTaskKind.Sync && string.IsNullOrEmpty(request.PitName))
        {
            return this.Fault(this.InvalidArgumentNaming("pitName"), "pitName is required and must not be empty.");
        }

        if (this.Options.BatchLimit is { } max && ids.Count > max)
        {
            return this.Fault(this.TooManyFault(), $"At most {max} groups per call.");
        }

        if (op.Kind == SimulatedTaskKind.TestFailoverStop && !request.Force && this.Options.Lifecycle.TestFailoverStopWithoutForce == TestFailoverStopReading.NotSupported)
        {
            return this.Fault(new NotSupportedByProvider(), "This provider stops a test failover only with force=true.");
        }

        if (this.Options.PerGroupErrors == PerGroupErrorReading.WholeCallFault && this.FirstLifecycleRefusal(op, ids, site, request, null) is { } refusal)
        {
            return this.Fault(refusal.Fault, refusal.Message);
        }

        return this.StartTask(ids, site, kind: op.Kind, request: request);
    }

    /// <summary>Whether a refused group refuses the whole task: under the atomic readings, and always for a void result, which has no entry to carry a GroupErrorResult.</summary>
    private bool RefusesWhole(LifecycleOperation op) =>
        this.Options.PerGroupErrors != PerGroupErrorReading.GroupErrorResult || !this.HasResults(op);

    /// <summary>Whether the operation's finished task holds per-group results under the readings (TestFailoverStart's is void by default, TestFailoverStop's always).</summary>
    private bool HasResults(LifecycleOperation op) =>
        !op.VoidResult || (op.Kind == SimulatedTaskKind.TestFailoverStart && this.Options.Lifecycle.TestFailoverStartResult == TestFailoverStartResultReading.Array);

    /// <summary>The fault that refuses the whole call (or task) for its first refused group, or null when no group is refused.</summary>
    private (MethodFault Fault, string Message)? FirstLifecycleRefusal(LifecycleOperation op, IReadOnlyList<ReplicationGroupId> ids, SimulatedSite site, LifecycleRequest request, SimulatedTask? task)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var verdict = this.JudgeLifecycle(op, ids[i], i, site, seen, request, task);
            if (verdict.Fault is { } fault)
            {
                return (verdict.NamesNoGroup ? this.InvalidArgumentNaming(op.GroupsProperty) : fault, verdict.Message!);
            }
        }

        return null;
    }

    /// <summary>
    /// Judges one group: listed twice (DuplicateEntry), unknown here (NotFound), at the wrong end (InvalidFunctionTarget),
    /// already done (AlreadyDone, or refused under <see cref="RepeatReading.Refused"/>), in the wrong state
    /// (InvalidReplicationState), then what only some operations refuse: a Sync already running, a planned failover of
    /// a pair not prepared, a replica the group does not hold, a provider that cannot promote.
    /// </summary>
    private LifecycleVerdict JudgeLifecycle(LifecycleOperation op, ReplicationGroupId id, int index, SimulatedSite site, HashSet<string> seen, LifecycleRequest request, SimulatedTask? task)
    {
        if (!seen.Add(id.Key))
        {
            return LifecycleVerdict.Refuse(new DuplicateEntry(), $"{id} is listed more than once.", namesNoGroup: true);
        }

        if (!this.TryGroupAt(site, id.Key, out var group))
        {
            return LifecycleVerdict.Refuse(new NotFound(), $"No replication group {id}.", namesNoGroup: true);
        }

        var wrongSite = op.IsWrongSite(group.State);
        if (wrongSite && !this.Options.Has(op.AcceptsWrongSite))
        {
            return LifecycleVerdict.Refuse(new InvalidFunctionTarget(), $"{id} is {group.State}: {op.Method} is called at the {(op.TargetSide ? "target" : "source")} site.");
        }

        if (group.State == op.Repeat && this.Options.Repeats == RepeatReading.AlreadyDone)
        {
            return this.Options.Has(Deviation.AlreadyDoneAsError)
                ? LifecycleVerdict.Refuse(new AlreadyDone(), $"{id} is already {group.State}.")
                : LifecycleVerdict.AlreadyDone(group, $"{id} is already {group.State}.");
        }

        if (!wrongSite && group.State != op.Required && !this.Options.Has(op.AcceptsWrongState))
        {
            MethodFault fault = this.Options.Has(op.WrongStateFault) ? new NotFound() : new InvalidReplicationState { CurrentState = group.State, DesiredState = [op.Required] };
            return LifecycleVerdict.Refuse(fault, $"{id} is {group.State}, not {op.Required}.");
        }

        var pit = request.PitIds is { } pits && index < pits.Count ? pits[index] : null;
        return op.Kind switch
        {
            SimulatedTaskKind.Sync when this.OngoingSync(id, task) is { } earlier
                && (this.Options.Lifecycle.ConcurrentSync == ConcurrentSyncReading.SyncOngoing || this.Options.Has(Deviation.SyncConcurrentSecondFails)) =>
                LifecycleVerdict.Refuse(
                    this.Options.Has(Deviation.SyncConcurrentSecondFails) ? new SmsReplicationFault() : new SyncOngoing { Task = ManagedObjectReference.Of("SmsTask", earlier) },
                    $"{id} is being synchronised by {earlier}."),
            SimulatedTaskKind.Failover when request.IsPlanned && this.Options.Lifecycle.PlannedFailoverNeedsPrepare && !this.IsPrepared(group) =>
                LifecycleVerdict.Refuse(
                    new InvalidReplicationState { CurrentState = group.State },
                    $"{id}'s pair is not prepared for a planned failover: call PrepareFailoverReplicationGroup_Task at the source first."),
            SimulatedTaskKind.Failover or SimulatedTaskKind.TestFailoverStart when pit is not null && !this.HoldsReplica(group.Key, pit) =>
                LifecycleVerdict.Refuse(new NoValidReplica(), $"{id} holds no point-in-time replica {pit}."),
            SimulatedTaskKind.Promote when !this.Options.Lifecycle.PromoteCapable && !this.Options.Has(Deviation.PromoteIgnoresCapability) =>
                LifecycleVerdict.Refuse(new NotSupportedByProvider(), $"{id} is not promote-capable (isPromoteCapable is false)."),
            _ => LifecycleVerdict.Proceed(group),
        };
    }

    /// <summary>Runs the operation when its task completes: per group, a success (changing the group and its twin) or a GroupErrorResult; null for a void result.</summary>
    private List<GroupOperationResult>? CompleteLifecycle(LifecycleOperation op, SimulatedTask task)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>(task.Groups.Count);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < task.Groups.Count; i++)
        {
            var id = task.Groups[i];
            var verdict = this.JudgeLifecycle(op, id, i, task.Site, seen, task.Request, task);
            if (verdict.Fault is { } fault)
            {
                results.Add(this.Error(id, fault, verdict.Message!));
                continue;
            }

            var group = verdict.Group!;
            var result = this.LifecycleSuccess(op, id, i, group, task.Request, verdict.Repeat, now);
            if (verdict.Repeat)
            {
                result.Warning = [this.Decorate(new AlreadyDone(), verdict.Message!)];
            }
            else
            {
                this.Transition(op, group, task.Request);
            }

            results.Add(result);
        }

        if (!this.HasResults(op))
        {
            return this.Options.Has(op.ResultBreak) ? results : null;
        }

        if (!op.VoidResult && this.Options.Has(op.ResultBreak) && results.Count > 0)
        {
            var first = results[0].GroupId!;
            results[0].GroupId = ReplicationGroupId.Of(first.FaultDomainId!.Id!, first.DeviceGroupId!.Id + "-other");
        }

        return results;
    }

    /// <summary>The success entry for a group: what the operation's result type holds (Sync also creates its point-in-time replica); a checkOnly failover's is plain.</summary>
    private GroupOperationResult LifecycleSuccess(LifecycleOperation op, ReplicationGroupId id, int index, SimulatedGroup group, LifecycleRequest request, bool repeat, DateTimeOffset now)
    {
        switch (op.Kind)
        {
            case SimulatedTaskKind.Sync:
                var pitId = $"pit-{group.DeviceGroupId}-sync-{(++this.syncedReplicas).ToString(CultureInfo.InvariantCulture)}";
                if (!this.Options.Has(Deviation.SyncPitNotListed))
                {
                    if (!this.replicas.TryGetValue(group.Key, out var held))
                    {
                        this.replicas[group.Key] = held = [];
                    }

                    held.Add(new SimulatedReplica(pitId, request.PitName!, now, ["sync"]));
                }

                return new SyncReplicationGroupSuccessResult { GroupId = id, TimeStamp = now, PitId = new PointInTimeReplicaId { Id = pitId }, PitName = request.PitName };
            case SimulatedTaskKind.Failover when !request.CheckOnly:
                var pit = (request.PitIds is { } pits && index < pits.Count ? pits[index] : null) ?? this.LatestReplica(group.Key);
                return new FailoverSuccessResult
                {
                    GroupId = id,
                    NewState = repeat ? group.State : op.After,
                    PitId = pit is null ? null : new PointInTimeReplicaId { Id = pit },
                    RecoveredDeviceInfo = this.RecoveredDevices(group),
                    TimeStamp = now,
                };
            default:
                return new BareGroupOperationResult { GroupId = id };
        }
    }

    /// <summary>Changes the called group and, in a two-site world, its twin, as the operation, the request, the readings and the deviations say.</summary>
    private void Transition(LifecycleOperation op, SimulatedGroup group, LifecycleRequest request)
    {
        var checkOnly = request.CheckOnly
            && !(op.Kind == SimulatedTaskKind.Failover && this.Options.Has(Deviation.FailoverCheckOnlyChanges))
            && !(op.Kind == SimulatedTaskKind.TestFailoverStart && this.Options.Has(Deviation.TestFailoverStartCheckOnlyChanges));
        if (checkOnly)
        {
            return; // T11: nothing changes.
        }

        var after = this.Options.Has(op.WrongPostState) ? op.WrongPost
            : op.Kind == SimulatedTaskKind.TestFailoverStop && !request.Force && this.Options.Has(Deviation.TestFailoverStopWithoutForceFailsOver) ? Harness.Wire.Groups.ReplicationState.FailedOver
            : op.Kind == SimulatedTaskKind.TestFailoverStop && !request.Force && this.Options.Lifecycle.TestFailoverStopWithoutForce == TestFailoverStopReading.StaysInTest ? group.State
            : op.After ?? group.State;
        this.SetState(group, after);

        var peerAfter = this.Options.Has(op.WrongPeerState) ? op.WrongPeer : this.PeerAfter(op, request);
        if (peerAfter is not null && group.Peer is { } peerKey && this.groups.TryGetValue(peerKey, out var peer))
        {
            this.SetState(peer, peerAfter);
        }

        if (op.Kind == SimulatedTaskKind.PrepareFailover)
        {
            this.prepared.Add(group.Key);
        }
        else if (op.Kind == SimulatedTaskKind.Failover && request.IsPlanned && group.Peer is { } preparedKey)
        {
            this.prepared.Remove(preparedKey);
        }
    }

    /// <summary>The state the twin ends in (null: unchanged): after a planned failover or a promote, as the readings say (T8, T4); an unplanned failover never touches it (T11).</summary>
    private string? PeerAfter(LifecycleOperation op, LifecycleRequest request) => op.Kind switch
    {
        SimulatedTaskKind.Failover when request.IsPlanned => PeerState(this.Options.Lifecycle.PeerAfterFailover),
        SimulatedTaskKind.Failover => this.Options.Has(Deviation.FailoverUnplannedTouchesPeer) ? ReplicationState.Target : null,
        SimulatedTaskKind.Promote => PeerState(this.Options.Lifecycle.PeerAfterPromote),
        _ => null,
    };

    private static string? PeerState(PeerReading reading) => reading == PeerReading.Target ? ReplicationState.Target : null;

    /// <summary>
    /// Puts a group in a state. A group that changes state is no longer the result of an earlier reversal, so reversing
    /// it again (after a failover back, RT-CYCLE) is a new reversal, not a repeat.
    /// </summary>
    private void SetState(SimulatedGroup group, string state)
    {
        if (group.State == state)
        {
            return;
        }

        this.groups[group.Key] = group with { State = state };
        this.reversed.Remove(group.Key);
    }

    /// <summary>Whether the pair of a target group was prepared (its twin, the source, was passed to PrepareFailover). A one-site world models no source, which the one provider cannot prepare.</summary>
    private bool IsPrepared(SimulatedGroup group) => group.Peer is { } source && this.prepared.Contains(source);

    /// <summary>The earlier, unfinished Sync of the group: recorded on the task, or (for a call not yet a task) the one in flight now.</summary>
    private string? OngoingSync(ReplicationGroupId id, SimulatedTask? task) =>
        task is not null ? task.OngoingSyncs?.GetValueOrDefault(id.Key)
        : this.syncing.TryGetValue(id.Key, out var running) ? running.Id
        : null;

    /// <summary>Records a new Sync task: each of its groups is either being synchronised by an earlier unfinished Sync (noted on the task) or now by this one.</summary>
    private void RegisterSync(SimulatedTask task)
    {
        foreach (var id in task.Groups)
        {
            if (this.syncing.TryGetValue(id.Key, out var earlier))
            {
                if (earlier != task)
                {
                    (task.OngoingSyncs ??= new Dictionary<string, string>(StringComparer.Ordinal))[id.Key] = earlier.Id;
                }
            }
            else
            {
                this.syncing[id.Key] = task;
            }
        }
    }

    /// <summary>A finished Sync no longer synchronises its groups.</summary>
    private void EndSync(SimulatedTask task)
    {
        if (task.Kind != SimulatedTaskKind.Sync)
        {
            return;
        }

        foreach (var id in task.Groups)
        {
            if (this.syncing.TryGetValue(id.Key, out var running) && running == task)
            {
                this.syncing.Remove(id.Key);
            }
        }
    }

    private bool HoldsReplica(string groupKey, string pitId) =>
        this.replicas.TryGetValue(groupKey, out var held) && held.Exists(r => r.Id == pitId);

    private string? LatestReplica(string groupKey) =>
        this.replicas.TryGetValue(groupKey, out var held) && held.Count > 0 ? held[^1].Id : null;

    /// <summary>The devices a failover recovers: each replica of the group, as the device it becomes (the ids QueryReplicationGroup lists afterwards).</summary>
    private List<RecoveredDevice> RecoveredDevices(SimulatedGroup group)
    {
        var source = group.Peer is null ? ReplicationGroupId.Of(group.FaultDomainId + "-peer", group.DeviceGroupId)
            : this.groups.TryGetValue(group.Peer, out var twin) ? ReplicationGroupId.Of(twin.FaultDomainId, twin.DeviceGroupId)
            : KeyToId(group.Peer);
        var datastore = "datastore-" + (group.Site ?? SimulatedPairs.SiteA);
        return Enumerable.Range(1, DevicesPerGroup).Select(i => new RecoveredDevice
        {
            TargetDeviceId = new ReplicaId { Id = Replica(group.DeviceGroupId, i) },
            RecoveredDeviceId = new VVolId { Id = Device(group, i) },
            SourceDeviceId = new VVolId { Id = $"vvol-{source.DeviceGroupId!.Id}-{i}" },
            Datastore = ManagedObjectReference.Of("Datastore", datastore),
        }).ToList();
    }

    /// <summary>InvalidArgument naming where the bad value went (groupId through <see cref="InvalidGroupIdArgument"/>, which its deviation bends).</summary>
    private InvalidArgument InvalidArgumentNaming(string property) =>
        property == "groupId" ? this.InvalidGroupIdArgument() : new InvalidArgument { InvalidProperty = property };

    /// <summary>
    /// Reads a lifecycle call: its groups (absent or null: none) and what else it asked for. A body that breaks the
    /// parameters reaches here only with the lenient front (<see cref="RequestShapeFault.None"/>): a missing or
    /// malformed required parameter gives the property to name in InvalidArgument.
    /// </summary>
    private static bool TryReadLifecycleCall(LifecycleOperation op, JsonElement root, out List<ReplicationGroupId> ids, out LifecycleRequest request, out (string Property, string Message) problem)
    {
        ids = [];
        request = LifecycleRequest.None;
        problem = default;
        switch (op.Kind)
        {
            case SimulatedTaskKind.Failover or SimulatedTaskKind.TestFailoverStart:
                var name = op.Kind == SimulatedTaskKind.Failover ? "failoverParam" : "testFailoverParam";
                if (!TryReadParam(root, name, ["isPlanned", "checkOnly"], out var param, out var flags, out problem))
                {
                    return false;
                }

                if (!TryReadGroupData(param, out ids, out var pits))
                {
                    problem = (op.GroupsProperty, $"{op.GroupsProperty} must be an array of ReplicationGroupData, each with a groupId.");
                    return false;
                }

                request = new LifecycleRequest(IsPlanned: flags[0], CheckOnly: flags[1], PitIds: pits);
                return true;
            case SimulatedTaskKind.Promote:
                if (!TryReadParam(root, "promoteParam", ["isPlanned"], out var promote, out var planned, out problem))
                {
                    return false;
                }

                request = new LifecycleRequest(IsPlanned: planned[0]);
                return ReadGroups(promote, "replicationGroupsToPromote", op.GroupsProperty, out ids, out problem);
            default:
                if (!ReadGroups(root, "groupId", "groupId", out ids, out problem))
                {
                    return false;
                }

                if (op.Kind == SimulatedTaskKind.TestFailoverStop)
                {
                    if (!root.TryGetProperty("force", out var force) || force.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problem = ("force", "force is required: true or false.");
                        return false;
                    }

                    request = new LifecycleRequest(Force: force.GetBoolean());
                }
                else if (op.Kind == SimulatedTaskKind.Sync)
                {
                    request = new LifecycleRequest(PitName: root.TryGetProperty("pitName", out var pitName) && pitName.ValueKind == JsonValueKind.String ? pitName.GetString() : null);
                }

                return true;
        }
    }

    /// <summary>Reads a parameter object and its required booleans.</summary>
    private static bool TryReadParam(JsonElement root, string name, string[] required, out JsonElement param, out bool[] values, out (string Property, string Message) problem)
    {
        values = new bool[required.Length];
        problem = default;
        if (!root.TryGetProperty(name, out param) || param.ValueKind != JsonValueKind.Object)
        {
            problem = (name, $"{name} is required.");
            return false;
        }

        for (var i = 0; i < required.Length; i++)
        {
            if (!param.TryGetProperty(required[i], out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problem = (name, $"{name}.{required[i]} is required: true or false.");
                return false;
            }

            values[i] = flag.GetBoolean();
        }

        return true;
    }

    /// <summary>Reads a list of group ids in field <paramref name="field"/> (absent or null: none).</summary>
    private static bool ReadGroups(JsonElement parent, string field, string property, out List<ReplicationGroupId> ids, out (string Property, string Message) problem)
    {
        problem = default;
        if (!TryReadGroupIds(parent, out var read, out var message, field))
        {
            ids = [];
            problem = (property, message!);
            return false;
        }

        ids = read ?? [];
        return true;
    }

    /// <summary>Reads <c>replicationGroupsToFailover</c>: each entry's groupId, and its pitId (null: the latest).</summary>
    private static bool TryReadGroupData(JsonElement param, out List<ReplicationGroupId> ids, out List<string?>? pits)
    {
        ids = [];
        pits = null;
        if (!param.TryGetProperty("replicationGroupsToFailover", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        pits = [];
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("groupId", out var groupId)
                || ReadId(groupId, "faultDomainId") is not { } fd || ReadId(groupId, "deviceGroupId") is not { } dg)
            {
                return false;
            }

            ids.Add(ReplicationGroupId.Of(fd, dg));
            pits.Add(item.TryGetProperty("pitId", out var pit) && pit.ValueKind == JsonValueKind.Object && pit.TryGetProperty("id", out var pitId) && pitId.ValueKind == JsonValueKind.String
                ? pitId.GetString()
                : null);
        }

        return true;
    }
}
