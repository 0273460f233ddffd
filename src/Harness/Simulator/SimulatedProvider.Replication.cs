using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// Replication: QueryReplicationGroup and ReverseReplicateGroup_Task over the group model (the other state-changing
/// tasks are the lifecycle's, in SimulatedProvider.Lifecycle.cs). The reversal happens when the task completes; the provider
/// remembers every reversal, so reversing a group again (by its old or its new id, later or from a concurrent task) is
/// an AlreadyDone success that changes nothing. In a two-site world a reversal also turns the peer, the old source,
/// into the TARGET of the new source group (T10).
/// </summary>
internal sealed partial class SimulatedProvider
{
    private readonly Dictionary<string, SimulatedGroup> groups = new(StringComparer.Ordinal);

    /// <summary>Every reversal, under the old group's key (the latest one) and under the new group's key.</summary>
    private readonly Dictionary<string, ReversalRecord> reversed = new(StringComparer.Ordinal);
    private int reversals;

    private SimulatedResponse QueryReplicationGroup(JsonElement root, SimulatedSite site)
    {
        if (!TryReadGroupIds(root, out var ids, out var problem))
        {
            return this.Fault(this.InvalidGroupIdArgument(), problem!);
        }

        if (ids is null || ids.Count == 0)
        {
            var all = this.groups.Values.Where(g => this.Holds(site, g)).Select(this.Describe).ToList();
            return Json(this.Options.Has(Deviation.QueryAllReturnsHalf) ? all.Skip(all.Count / 2).ToList() : all);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>();
        foreach (var id in ids)
        {
            if (!seen.Add(id.Key) && !this.Options.Has(Deviation.QueryDuplicateNotFlagged))
            {
                results.Add(this.Error(id, new DuplicateEntry(), $"{id} is listed more than once."));
            }
            else if (this.TryGroupAt(site, id.Key, out var group))
            {
                results.Add(this.Describe(group));
            }
            else
            {
                results.Add(this.Error(id, this.Options.Has(Deviation.QueryUnknownGroupNotNotFound) ? new QueryExecutionFault() : new NotFound(), $"No replication group {id}."));
            }
        }

        return Json(this.Options.Has(Deviation.QueryDropsLastResult) ? results[..^1] : results);
    }

    private SimulatedResponse ReverseReplicateGroup(JsonElement root, SimulatedSite site)
    {
        if (!TryReadGroupIds(root, out var ids, out var problem))
        {
            if (this.Options.Has(Deviation.MalformedBodyHtmlError))
            {
                return Html("<h1>500 Internal Server Error</h1><p>Unexpected error while reading the request.</p>");
            }

            if (this.Options.Has(Deviation.MalformedBodyAccepted))
            {
                return this.StartTask([], site);
            }

            return this.Fault(this.InvalidGroupIdArgument(), problem!);
        }

        if (ids is null || ids.Count == 0)
        {
            if (this.Options.Has(Deviation.WrongFaultForEmptyGroupId))
            {
                return this.Fault(new NotFound(), "No groups.");
            }

            if (!this.Options.Has(Deviation.AcceptEmptyGroupId))
            {
                return this.Fault(this.InvalidGroupIdArgument(), "groupId is null or empty.");
            }

            ids = [];
        }

        var limit = this.Options.BatchLimit;
        if (limit is { } max && ids.Count > max && !this.Options.Has(Deviation.IgnoreBatchLimit))
        {
            if (this.Options.Has(Deviation.TruncateOversizedBatch))
            {
                ids = ids.Take(max).ToList();
            }
            else
            {
                return this.Fault(this.TooManyFault(), $"At most {max} groups per call.");
            }
        }

        if (this.Options.Has(Deviation.UndeclaredWholeCallFault) && ids.FirstOrDefault(id => !this.Knows(site, id.Key)) is { } unknown)
        {
            return this.Fault(new NotFound(), $"No replication group {unknown}.");
        }

        if (this.Options.PerGroupErrors == PerGroupErrorReading.WholeCallFault && this.FirstRefusal(ids, site) is { } refusal)
        {
            return this.Fault(refusal.Fault, refusal.Message);
        }

        return this.StartTask(ids, site);
    }

    /// <summary>
    /// The first group of the call that <see cref="CompleteReverse"/> would give a GroupErrorResult, with the fault that
    /// refuses the whole call for it under the <see cref="PerGroupErrorReading.TaskError"/> and
    /// <see cref="PerGroupErrorReading.WholeCallFault"/> readings: InvalidReplicationState for a group in the wrong
    /// state; InvalidArgument naming groupId for a group listed twice or unknown (NotFound and DuplicateEntry are not
    /// faults the operation declares). A group already reversed is an AlreadyDone success, never a refusal.
    /// </summary>
    private (MethodFault Fault, string Message)? FirstRefusal(IReadOnlyList<ReplicationGroupId> ids, SimulatedSite site)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id.Key))
            {
                return (this.InvalidGroupIdArgument(), $"{id} is listed more than once.");
            }

            if (this.Remembers(id, site, out _))
            {
                continue;
            }

            if (!this.TryGroupAt(site, id.Key, out var group))
            {
                return (this.InvalidGroupIdArgument(), $"No replication group {id}.");
            }

            if (group.State != ReplicationState.FailedOver && !this.Options.Has(Deviation.ReverseNonFailedOverGroups))
            {
                return (new InvalidReplicationState { CurrentState = group.State, DesiredState = [ReplicationState.FailedOver] }, $"{id} is {group.State}, not FAILEDOVER.");
            }
        }

        return null;
    }

    /// <summary>Runs the reversal when the task completes: per group, a success or a GroupErrorResult.</summary>
    private List<GroupOperationResult> CompleteReverse(SimulatedTask task)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>();
        foreach (var id in task.Groups)
        {
            if (!seen.Add(id.Key))
            {
                results.Add(this.Options.Has(Deviation.DuplicateEntryReversedTwice) && this.reversed.TryGetValue(id.Key, out var mine) && mine.TaskId == task.Id
                    ? this.ReverseAgain(id, mine, task)
                    : this.Error(id, new DuplicateEntry(), $"{id} is listed more than once."));
                continue;
            }

            if (this.Remembers(id, task.Site, out var done))
            {
                results.Add(this.ReverseReversed(id, done, task));
                continue;
            }

            if (!this.TryGroupAt(task.Site, id.Key, out var group))
            {
                results.Add(this.Error(id, new NotFound(), $"No replication group {id}."));
                continue;
            }

            if (group.State != ReplicationState.FailedOver && !this.Options.Has(Deviation.ReverseNonFailedOverGroups))
            {
                var fault = new InvalidReplicationState { CurrentState = group.State, DesiredState = [ReplicationState.FailedOver] };
                results.Add(this.Error(id, fault, $"{id} is {group.State}, not FAILEDOVER."));
                continue;
            }

            results.Add(this.Reverse(id, group, task));
        }

        if (this.Options.Has(Deviation.MissingResult) && results.Count > 0)
        {
            results.RemoveAt(results.Count - 1);
        }

        if (this.Options.Has(Deviation.DuplicateResult) && results.Count > 0)
        {
            results.Add(results[0]);
        }

        if (this.Options.Has(Deviation.ExtraResult))
        {
            var unrequested = ReplicationGroupId.Of("fd-unrequested", "rg-unrequested");
            results.Add(this.Error(unrequested, new NotFound(), $"No replication group {unrequested}."));
        }

        if (this.Options.Has(Deviation.TaskResultDisallowedSubtype) && results.Count > 0)
        {
            results[0] = new FailoverSuccessResult { GroupId = results[0].GroupId, NewState = ReplicationState.Source };
        }

        return results;
    }

    private ReverseReplicationSuccessResult Reverse(ReplicationGroupId id, SimulatedGroup group, SimulatedTask task)
    {
        this.reversals++;
        var newDeviceGroupId = this.Options.NewDeviceGroupIdOnReverse ? $"{group.DeviceGroupId}-r{this.reversals}" : group.DeviceGroupId;
        this.groups.Remove(group.Key);
        var reversedGroup = group with
        {
            FaultDomainId = this.Options.Has(Deviation.NewGroupInOtherFaultDomain) ? group.FaultDomainId + "-other" : group.FaultDomainId,
            DeviceGroupId = newDeviceGroupId,
            Name = group.Name,
            State = this.Options.Has(Deviation.NoStateChange) ? group.State : ReplicationState.Source,
        };
        this.groups[reversedGroup.Key] = reversedGroup;
        this.ForgetReplicas(group.Key);
        if (group.Peer is { } peerKey && this.groups.TryGetValue(peerKey, out var peer) && !this.Options.Has(Deviation.ReversePeerNotUpdated))
        {
            // T10: the old source at the other site becomes the target of the new source group (and is no longer the
            // result of an earlier reversal of its own, so a failback reverses it anew).
            this.groups[peerKey] = peer with
            {
                State = reversedGroup.State == ReplicationState.Source ? ReplicationState.Target : peer.State,
                Peer = reversedGroup.Key,
            };
            this.reversed.Remove(peerKey);
        }

        this.Remember(new ReversalRecord(group, reversedGroup, task.Id, this.reversals));
        return this.Success(id, newDeviceGroupId);
    }

    /// <summary>
    /// A group that was already reversed, named by its old or its new id. Faithfully an AlreadyDone success naming the
    /// existing new group; a reversal made after this task was created is a concurrent one.
    /// </summary>
    private GroupOperationResult ReverseReversed(ReplicationGroupId id, ReversalRecord done, SimulatedTask task)
    {
        var concurrent = done.Sequence > task.ReversalsAtStart;
        if (concurrent ? this.Options.Has(Deviation.ConcurrentDoubleReverse) : this.Options.Has(Deviation.ReverseAgainOnRepeat))
        {
            return this.ReverseAgain(id, done, task);
        }

        var alreadyDone = this.Decorate(new AlreadyDone(), $"{id} was already reversed into {done.Reversed.DeviceGroupId}.");
        if (this.Options.Has(Deviation.AlreadyDoneAsError))
        {
            return new GroupErrorResult { GroupId = id, Error = [alreadyDone] };
        }

        var success = this.Success(id, done.Reversed.DeviceGroupId);
        success.Warning = [alreadyDone];
        return success;
    }

    /// <summary>Deviations only: reverses the original group once more into another new group (the earlier one stays).</summary>
    private ReverseReplicationSuccessResult ReverseAgain(ReplicationGroupId id, ReversalRecord done, SimulatedTask task)
    {
        this.reversals++;
        var again = done.Reversed with { DeviceGroupId = $"{done.Original.DeviceGroupId}-r{this.reversals}", Name = done.Original.Name };
        this.groups[again.Key] = again;
        this.Remember(new ReversalRecord(done.Original, again, task.Id, this.reversals));
        return this.Success(id, again.DeviceGroupId);
    }

    private void Remember(ReversalRecord record)
    {
        this.reversed[record.Original.Key] = record;
        this.reversed[record.Reversed.Key] = record;
    }

    /// <summary>Whether the group was reversed before and the repeat is answered from that record (not under <see cref="RepeatReading.Refused"/>, where it is judged as any group).</summary>
    private bool Remembers(ReplicationGroupId id, SimulatedSite site, out ReversalRecord done)
    {
        done = null!;
        return this.Options.Repeats == RepeatReading.AlreadyDone && this.reversed.TryGetValue(id.Key, out done!) && this.Holds(site, done.Reversed);
    }

    private bool Knows(SimulatedSite site, string key) =>
        this.TryGroupAt(site, key, out _) || (this.reversed.TryGetValue(key, out var done) && this.Holds(site, done.Reversed));

    private ReverseReplicationSuccessResult Success(ReplicationGroupId id, string newDeviceGroupId) => new()
    {
        GroupId = id,
        NewGroupId = this.Options.Has(Deviation.SuccessWithoutNewGroupId) ? null : new DeviceGroupId { Id = newDeviceGroupId },
    };

    private GroupOperationResult Describe(SimulatedGroup group)
    {
        if (group.Peer is not null)
        {
            return this.DescribePair(group);
        }

        var id = ReplicationGroupId.Of(group.FaultDomainId, group.DeviceGroupId);
        GroupInfo info = group.State == ReplicationState.Source
            ? new SourceGroupInfo { GroupId = id, Name = group.Name, State = group.State }
            : new TargetGroupInfo
            {
                GroupId = id,
                State = group.State,
                SourceInfo = new TargetToSourceInfo { SourceGroupId = ReplicationGroupId.Of(group.FaultDomainId + "-peer", group.DeviceGroupId) },
                IsPromoteCapable = this.Options.Lifecycle.PromoteCapable,
            };
        return new QueryReplicationGroupSuccessResult { GroupId = id, RgInfo = info };
    }

    private GroupErrorResult Error(ReplicationGroupId id, MethodFault fault, string message) => new()
    {
        GroupId = id,
        Error = this.Options.Has(Deviation.EmptyErrorList) ? [] : [this.Decorate(fault, message)],
    };

    /// <summary>
    /// Reads <c>groupId</c> (or another field of ReplicationGroupId entries): absent or null gives null; anything
    /// malformed gives a reason. Unknown fields and a root <c>_typeName</c> are ignored; an entry's <c>_typeName</c>,
    /// when present, must be ReplicationGroupId.
    /// </summary>
    private static bool TryReadGroupIds(JsonElement root, out List<ReplicationGroupId>? ids, out string? problem, string field = "groupId")
    {
        ids = null;
        problem = null;
        if (!root.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problem = $"{field} must be an array of ReplicationGroupId.";
            return false;
        }

        ids = [];
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("_typeName", out var typeName)
                && !(typeName.ValueKind == JsonValueKind.String && typeName.GetString() == "ReplicationGroupId"))
            {
                problem = $"Each {field} entry must be a ReplicationGroupId.";
                return false;
            }

            var fd = ReadId(item, "faultDomainId");
            var dg = ReadId(item, "deviceGroupId");
            if (fd is null || dg is null)
            {
                problem = $"Each {field} entry needs faultDomainId.id and deviceGroupId.id as strings.";
                return false;
            }

            ids.Add(ReplicationGroupId.Of(fd, dg));
        }

        return true;
    }

    private static string? ReadId(JsonElement item, string field) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty(field, out var obj) && obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
