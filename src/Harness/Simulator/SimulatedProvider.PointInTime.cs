using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// Point-in-time replicas: each target group (TARGET, FAILEDOVER or INTEST) starts with
/// <see cref="SimulatedProviderOptions.ReplicasPerGroup"/> hourly replicas; a reversal drops the reversed group's.
/// QueryPointInTimeReplica answers per group with the details, the summary (one interval), or a GroupErrorResult.
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>When the first seeded replica of every group was taken.</summary>
    public static readonly DateTimeOffset ReplicaEpoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, List<SimulatedReplica>> replicas = new(StringComparer.Ordinal);

    /// <summary>The point-in-time replicas the group (by key) holds now, oldest first.</summary>
    public IReadOnlyList<SimulatedReplica> ReplicasOf(string groupKey)
    {
        lock (this.gate)
        {
            return this.replicas.TryGetValue(groupKey, out var held) ? held.ToList() : [];
        }
    }

    private void SeedReplicas()
    {
        this.replicas.Clear();
        foreach (var group in this.groups.Values.Where(g => g.State is ReplicationState.Target or ReplicationState.FailedOver or ReplicationState.InTest))
        {
            this.replicas[group.Key] = Enumerable.Range(1, this.Options.ReplicasPerGroup)
                .Select(i => new SimulatedReplica($"pit-{group.DeviceGroupId}-{i}", $"hourly-{i}", ReplicaEpoch.AddHours(i - 1), i % 2 == 0 ? ["hourly", "daily"] : ["hourly"]))
                .ToList();
        }
    }

    /// <summary>A reversed group's replicas go (a provider may delete them once the reversal succeeded).</summary>
    private void ForgetReplicas(string groupKey) => this.replicas.Remove(groupKey);

    private SimulatedResponse QueryPointInTimeReplica(JsonElement root, SimulatedSite site)
    {
        if (!TryReadGroupIds(root, out var ids, out var problem))
        {
            return this.Fault(this.InvalidGroupIdArgument(), problem!);
        }

        if (ids is null || ids.Count == 0)
        {
            return this.Options.Has(Deviation.PitEmptyGroupIdAccepted) ? Json(new List<GroupOperationResult>()) : this.Fault(this.InvalidGroupIdArgument(), "groupId is null or empty.");
        }

        if (!ReplicaQuery.TryParse(root, out var query, out problem, this.Options.Has(Deviation.PitAllThreeAccepted)))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "queryParam" }, problem!);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<GroupOperationResult>();
        foreach (var id in ids)
        {
            if (!seen.Add(id.Key))
            {
                results.Add(this.Error(id, new DuplicateEntry(), $"{id} is listed more than once."));
            }
            else if (!this.TryGroupAt(site, id.Key, out var group))
            {
                results.Add(this.Error(id, new NotFound(), $"No replication group {id}."));
            }
            else if (group.State == ReplicationState.Source)
            {
                results.Add(this.Error(id, new InvalidFunctionTarget(), $"{id} is a SOURCE group: its point-in-time replicas are kept at the target site."));
            }
            else
            {
                var bent = query with
                {
                    Number = this.Options.Has(Deviation.PitNumberIgnored) ? null : query.Number,
                    From = this.Options.Has(Deviation.PitRangeIgnored) ? null : query.From,
                    To = this.Options.Has(Deviation.PitRangeIgnored) ? null : query.To,
                };
                var selected = bent.Select(this.replicas.GetValueOrDefault(id.Key) ?? []);
                results.Add(query.Details && !this.Options.Has(Deviation.PitPreferDetailsIgnored) ? Details(id, selected) : Summary(id, selected));
            }
        }

        return Json(this.Options.Has(Deviation.PitDropsLastResult) ? results[..^1] : results);
    }

    private static QueryPointInTimeReplicaSuccessResult Details(ReplicationGroupId id, IReadOnlyList<SimulatedReplica> selected) => new()
    {
        GroupId = id,
        ReplicaInfo = selected.Count == 0 ? null : selected.Select(r => new PointInTimeReplicaInfo
        {
            Id = new PointInTimeReplicaId { Id = r.Id },
            PitName = r.Name,
            TimeStamp = r.TimeStamp,
            Tags = [.. r.Tags],
        }).ToList(),
    };

    private static QueryPointInTimeReplicaSummaryResult Summary(ReplicationGroupId id, IReadOnlyList<SimulatedReplica> selected) => new()
    {
        GroupId = id,
        IntervalResults = selected.Count == 0 ? null :
        [
            new ReplicaIntervalQueryResult { FromDate = selected[0].TimeStamp, ToDate = selected[^1].TimeStamp.AddSeconds(1), Number = selected.Count },
        ],
    };
}
