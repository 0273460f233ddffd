using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>Replication: QueryReplicationGroup and ReverseReplicateGroup_Task over the group model.</summary>
internal sealed partial class SimulatedProvider
{
    private readonly Dictionary<string, SimulatedGroup> groups = new(StringComparer.Ordinal);
    private int reversals;

    private SimulatedResponse QueryReplicationGroup(JsonElement root)
    {
        if (!TryReadGroupIds(root, out var ids, out var problem))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "groupId" }, problem!);
        }

        if (ids is null || ids.Count == 0)
        {
            return Json(this.groups.Values.Select(this.Describe).ToList());
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>();
        foreach (var id in ids)
        {
            if (!seen.Add(id.Key))
            {
                results.Add(Error(id, new DuplicateEntry()));
            }
            else if (this.groups.TryGetValue(id.Key, out var group))
            {
                results.Add(this.Describe(group));
            }
            else
            {
                results.Add(Error(id, new NotFound()));
            }
        }

        return Json(results);
    }

    private SimulatedResponse ReverseReplicateGroup(JsonElement root)
    {
        if (!TryReadGroupIds(root, out var ids, out var problem))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "groupId" }, problem!);
        }

        if (ids is null || ids.Count == 0)
        {
            if (this.Options.Has(Deviation.WrongFaultForEmptyGroupId))
            {
                return this.Fault(new NotFound(), "No groups.");
            }

            if (!this.Options.Has(Deviation.AcceptEmptyGroupId))
            {
                return this.Fault(new InvalidArgument { InvalidProperty = "groupId" }, "groupId is null or empty.");
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
                long? reported = this.Options.TooManyReportsMaxBatchSize
                    ? (this.Options.Has(Deviation.TooManyMaxBatchSizeAboveLimit) ? max + 1 : max)
                    : null;
                return this.Fault(new TooMany { MaxBatchSize = reported }, $"At most {max} groups per call.");
            }
        }

        return this.StartTask(ids);
    }

    /// <summary>Runs the reversal when the task completes: per group, a success or a GroupErrorResult.</summary>
    private List<GroupOperationResult> CompleteReverse(IReadOnlyList<ReplicationGroupId> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>();
        foreach (var id in ids)
        {
            if (!seen.Add(id.Key))
            {
                results.Add(Error(id, new DuplicateEntry()));
                continue;
            }

            if (!this.groups.TryGetValue(id.Key, out var group))
            {
                results.Add(Error(id, new NotFound()));
                continue;
            }

            if (group.State != ReplicationState.FailedOver && !this.Options.Has(Deviation.ReverseNonFailedOverGroups))
            {
                results.Add(Error(id, new InvalidReplicationState { CurrentState = group.State, DesiredState = [ReplicationState.FailedOver] }));
                continue;
            }

            results.Add(this.Reverse(id, group));
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
            results.Add(Error(ReplicationGroupId.Of("fd-unrequested", "rg-unrequested"), new NotFound()));
        }

        return results;
    }

    private ReverseReplicationSuccessResult Reverse(ReplicationGroupId id, SimulatedGroup group)
    {
        this.reversals++;
        var newDeviceGroupId = this.Options.NewDeviceGroupIdOnReverse ? $"{group.DeviceGroupId}-r{this.reversals}" : group.DeviceGroupId;
        this.groups.Remove(group.Key);
        var reversed = group with
        {
            FaultDomainId = this.Options.Has(Deviation.NewGroupInOtherFaultDomain) ? group.FaultDomainId + "-other" : group.FaultDomainId,
            DeviceGroupId = newDeviceGroupId,
            State = this.Options.Has(Deviation.NoStateChange) ? group.State : ReplicationState.Source,
        };
        this.groups[reversed.Key] = reversed;

        return new ReverseReplicationSuccessResult
        {
            GroupId = id,
            NewGroupId = this.Options.Has(Deviation.SuccessWithoutNewGroupId) ? null : new DeviceGroupId { Id = newDeviceGroupId },
        };
    }

    private GroupOperationResult Describe(SimulatedGroup group)
    {
        var id = ReplicationGroupId.Of(group.FaultDomainId, group.DeviceGroupId);
        GroupInfo info = group.State == ReplicationState.Source
            ? new SourceGroupInfo { GroupId = id, Name = group.DeviceGroupId, State = group.State }
            : new TargetGroupInfo
            {
                GroupId = id,
                State = group.State,
                SourceInfo = new TargetToSourceInfo { SourceGroupId = ReplicationGroupId.Of(group.FaultDomainId + "-peer", group.DeviceGroupId) },
            };
        return new QueryReplicationGroupSuccessResult { GroupId = id, RgInfo = info };
    }

    private static GroupErrorResult Error(ReplicationGroupId id, MethodFault fault) => new() { GroupId = id, Error = [fault] };

    /// <summary>Reads <c>groupId</c>: absent or null gives null; anything malformed gives a reason.</summary>
    private static bool TryReadGroupIds(JsonElement root, out List<ReplicationGroupId>? ids, out string? problem)
    {
        ids = null;
        problem = null;
        if (!root.TryGetProperty("groupId", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problem = "groupId must be an array of ReplicationGroupId.";
            return false;
        }

        ids = [];
        foreach (var item in array.EnumerateArray())
        {
            var fd = ReadId(item, "faultDomainId");
            var dg = ReadId(item, "deviceGroupId");
            if (fd is null || dg is null)
            {
                problem = "Each groupId entry needs faultDomainId.id and deviceGroupId.id as strings.";
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
