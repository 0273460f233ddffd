using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;

namespace Conformance.Operations.QueryPointInTimeReplica;

/// <summary>The bodies of the QueryPointInTimeReplica checks; each only reads, and asks only about the site's target groups.</summary>
internal static class QueryPointInTimeReplicaChecks
{
    /// <summary>A toDate later than any replica.</summary>
    private static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>QPIT-ARG-1.</summary>
    public static async Task EmptyGroupIdIsRefused(CheckScope s)
    {
        var r = await QueryAsync(s, [], null, "Call QueryPointInTimeReplica with an empty groupId", expectValue: false).ConfigureAwait(false);
        s.Step("Expect InvalidArgument", () => ReadOnlyReads.ExpectFault(s, r, "InvalidArgument"));
    }

    /// <summary>QPIT-ARG-2.</summary>
    public static async Task AllThreeAreRefused(CheckScope s)
    {
        var group = (await TargetGroupsAsync(s).ConfigureAwait(false))[0];
        var param = new QueryPointInTimeReplicaParam { ReplicaTimeQueryParam = new ReplicaQueryIntervalParam { FromDate = SimulatedEpochOrOld, ToDate = FarFuture, Number = 1 } };
        var r = await QueryAsync(s, [group], param, $"Call QueryPointInTimeReplica for {group} with fromDate, toDate and number", expectValue: false).ConfigureAwait(false);
        s.Step("Expect InvalidArgument", () => ReadOnlyReads.ExpectFault(s, r, "InvalidArgument"));
    }

    /// <summary>QPIT-RES-1.</summary>
    public static async Task OneEntryPerGroup(CheckScope s)
    {
        List<ReplicationGroupId> asked = [.. (await TargetGroupsAsync(s).ConfigureAwait(false)).Take(3), s.Target.NonexistentGroup("qpit")];
        var r = await QueryAsync(s, asked, null, $"Call QueryPointInTimeReplica for {string.Join(", ", asked)}").ConfigureAwait(false);
        s.Step("Expect one Success, Summary or Error entry per group", () =>
        {
            var results = r.Value ?? [];
            var unmatched = asked.Where(g => results.Count(x => x.GroupId?.Key == g.Key) != 1).Select(g => g.Key).ToList();
            s.Expect(results.Count == asked.Count && unmatched.Count == 0, Defect.Result, $"{asked.Count} entries, one per requested group", $"{results.Count} entr{(results.Count == 1 ? "y" : "ies")}{(unmatched.Count == 0 ? string.Empty : "; not exactly one for " + string.Join(", ", unmatched))}", r.Call);
            var other = results.Where(x => x is not (QueryPointInTimeReplicaSuccessResult or QueryPointInTimeReplicaSummaryResult or GroupErrorResult)).Select(x => x.TypeName).ToList();
            s.Expect(other.Count == 0, Defect.Result, "only QueryPointInTimeReplicaSuccessResult, QueryPointInTimeReplicaSummaryResult or GroupErrorResult entries", string.Join(", ", other), r.Call);
            var madeUp = results.FirstOrDefault(x => x.GroupId?.Key == asked[^1].Key);
            s.Expect(madeUp is GroupErrorResult, Defect.Result, $"a GroupErrorResult for made-up group {asked[^1]}", madeUp?.TypeName ?? "no entry", r.Call);
        });
    }

    /// <summary>QPIT-RES-2.</summary>
    public static async Task PreferDetailsGetsDetails(CheckScope s)
    {
        var groups = (await TargetGroupsAsync(s).ConfigureAwait(false)).Take(3).ToList();
        var r = await QueryAsync(s, groups, new QueryPointInTimeReplicaParam { PreferDetails = true }, $"Call QueryPointInTimeReplica with preferDetails for {string.Join(", ", groups)}").ConfigureAwait(false);
        s.Step("Expect a SuccessResult (or TooMany) per group", () =>
        {
            foreach (var entry in r.Value ?? [])
            {
                var tooMany = entry is GroupErrorResult e && e.Error?.Any(f => f.IsA("TooMany")) == true;
                s.Expect(entry is QueryPointInTimeReplicaSuccessResult || tooMany, Defect.Result, $"a QueryPointInTimeReplicaSuccessResult for {entry.GroupId} (or TooMany), as preferDetails is true", entry is GroupErrorResult ge ? $"GroupErrorResult {ReadOnlyReads.Names(ge.Error)}" : entry.TypeName ?? "an entry without _typeName", r.Call);
            }
        });
    }

    /// <summary>QPIT-NUM-1.</summary>
    public static async Task NumberCapsTheReplicas(CheckScope s)
    {
        var groups = (await TargetGroupsAsync(s).ConfigureAwait(false)).Take(3).ToList();
        var param = new QueryPointInTimeReplicaParam { PreferDetails = true, ReplicaTimeQueryParam = new ReplicaQueryIntervalParam { ToDate = FarFuture, Number = 1 } };
        var r = await QueryAsync(s, groups, param, $"Call QueryPointInTimeReplica with toDate and number 1 for {string.Join(", ", groups)}").ConfigureAwait(false);
        s.Step("Expect at most one replica per group", () =>
        {
            foreach (var entry in r.Value ?? [])
            {
                var count = Count(entry);
                s.Expect(count <= 1, Defect.Result, $"at most 1 replica for {entry.GroupId}, as number is 1", $"{count} replicas", r.Call);
            }
        });
    }

    /// <summary>QPIT-RANGE-1.</summary>
    public static async Task OnlyReplicasWithinTheRange(CheckScope s)
    {
        var groups = (await TargetGroupsAsync(s).ConfigureAwait(false)).Take(3).ToList();
        var all = await QueryAsync(s, groups, new QueryPointInTimeReplicaParam { PreferDetails = true }, "Read every replica's time").ConfigureAwait(false);
        var (group, from) = (all.Value ?? []).OfType<QueryPointInTimeReplicaSuccessResult>()
            .Select(x => (Group: x.GroupId, Times: (x.ReplicaInfo ?? []).Select(i => i.TimeStamp).OfType<DateTimeOffset>().Order().ToList()))
            .Where(x => x.Group is not null && x.Times.Distinct().Count() >= 2)
            .Select(x => (x.Group!, x.Times.Distinct().ElementAt(1)))
            .FirstOrDefault();
        if (group is null)
        {
            s.NotExercised("no target group has two replicas taken at different times, so no range can leave one out");
        }

        var param = new QueryPointInTimeReplicaParam { PreferDetails = true, ReplicaTimeQueryParam = new ReplicaQueryIntervalParam { FromDate = from, ToDate = FarFuture } };
        var r = await QueryAsync(s, [group!], param, $"Call QueryPointInTimeReplica for {group} from {from:O} to {FarFuture:O}").ConfigureAwait(false);
        s.Step("Expect only replicas taken at or after fromDate and before toDate", () =>
        {
            foreach (var entry in (r.Value ?? []).OfType<QueryPointInTimeReplicaSuccessResult>())
            {
                var outside = (entry.ReplicaInfo ?? []).Where(i => i.TimeStamp is not { } t || t < from || t >= FarFuture).Select(i => $"{i.Id?.Id} at {i.TimeStamp:O}").ToList();
                s.Expect(outside.Count == 0, Defect.Result, $"only replicas of {entry.GroupId} taken in [{from:O}, {FarFuture:O})", $"outside the range: {string.Join(", ", outside)}", r.Call);
            }

            foreach (var entry in (r.Value ?? []).OfType<QueryPointInTimeReplicaSummaryResult>())
            {
                var outside = (entry.IntervalResults ?? []).Where(i => i.FromDate < from || i.ToDate > FarFuture).ToList();
                s.Expect(outside.Count == 0, Defect.Result, $"only intervals of {entry.GroupId} within [{from:O}, {FarFuture:O})", $"{outside.Count} interval(s) outside it", r.Call);
            }
        });
    }

    /// <summary>A fromDate before any replica a provider keeps.</summary>
    private static DateTimeOffset SimulatedEpochOrOld => new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int Count(GroupOperationResult entry) => entry switch
    {
        QueryPointInTimeReplicaSuccessResult success => success.ReplicaInfo?.Count ?? 0,
        QueryPointInTimeReplicaSummaryResult summary => (summary.IntervalResults ?? []).Sum(i => i.Number ?? 0),
        _ => 0,
    };

    /// <summary>The site's target groups (TargetGroupInfo), where replicas are kept; not applicable at a site with none.</summary>
    private static async Task<List<ReplicationGroupId>> TargetGroupsAsync(CheckScope s)
    {
        var targets = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).OfType<TargetGroupInfo>().Select(g => g.GroupId).OfType<ReplicationGroupId>().ToList();
        if (targets.Count == 0)
        {
            s.NotApplicable("the provider holds no target group (TargetGroupInfo): QueryPointInTimeReplica is asked at the target site");
        }

        return targets;
    }

    private static Task<ProviderResult<List<GroupOperationResult>>> QueryAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> groups, QueryPointInTimeReplicaParam? param, string step, bool expectValue = true) =>
        s.StepAsync(step, async () =>
        {
            var r = await ProviderCalls.CallAsync(s, QueryPointInTimeReplicaCatalogue.Feature, () => s.Client.QueryPointInTimeReplicaAsync(s.Target.Provider, groups, param)).ConfigureAwait(false);
            if (expectValue)
            {
                ReadOnlyReads.ExpectValue(s, r, "GroupOperationResult[]");
            }

            return r;
        });
}
