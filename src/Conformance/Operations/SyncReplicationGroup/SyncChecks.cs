using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire.PointInTime;
using Harness.Wire.Results;

namespace Conformance.Operations.SyncReplicationGroup;

/// <summary>The checks only SyncReplicationGroup_Task has: its success result carries the replica it made.</summary>
internal static class SyncChecks
{
    /// <summary>SYNC-RES-1.</summary>
    public static readonly Clause SuccessResult = new("SYNC-RES-1", ClauseLevel.Must, "Each synced group gets a SyncReplicationGroupSuccessResult whose timeStamp is set (the time of the point-in-time replica made).", "reference §4 (Sync), VMware's type SyncReplicationGroupSuccessResult") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare SyncReplicationGroupSuccessResult.timeStamp required" };

    /// <summary>SYNC-PIT-1 (the reference's QPIT-SYNC-1).</summary>
    public static readonly Clause ReplicaListed = new("SYNC-PIT-1", ClauseLevel.Must, "The point-in-time replica a Sync returns (its pitId) is listed by QueryPointInTimeReplica for the group afterwards.", "reference §4 (QueryPointInTimeReplica, QPIT-SYNC-1)") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents Sync as creating a point-in-time replica, and QueryPointInTimeReplica as listing a group's replicas" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [SuccessResult, ReplicaListed];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("Each_synced_group_gets_a_SyncReplicationGroupSuccessResult_with_its_timeStamp", SuccessResult, op.Name, s => SuccessResultAsync(s, op)) { Needs = GroupNeeds.Success(op) },
        new("The_replica_a_Sync_returns_is_listed_by_QueryPointInTimeReplica", ReplicaListed, op.Name, s => ReplicaListedAsync(s, op)) { Needs = GroupNeeds.Pick(op) },
    ];

    private static async Task SuccessResultAsync(CheckScope s, OperationUnderTest op)
    {
        var scenario = await op.Scenarios.Success(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var info = scenario.RequireSuccess(s);
        s.Step("Expect a SyncReplicationGroupSuccessResult with a timeStamp for each group", () =>
        {
            var results = OperationSteps.ReadResults(s, op, info, scenario.Wait!.LastPoll);
            foreach (var group in scenario.Requested)
            {
                var result = results.FirstOrDefault(r => r.GroupId?.Key == group.Key);
                s.Expect(result is SyncReplicationGroupSuccessResult, Defect.Result, $"a SyncReplicationGroupSuccessResult for {group}", $"a {result?.TypeName ?? "missing result"}", scenario.Wait.LastPoll);
                var sync = (SyncReplicationGroupSuccessResult)result!;
                s.Expect(sync.TimeStamp is not null, Defect.Result, $"the SyncReplicationGroupSuccessResult for {group} to carry its timeStamp (required)", "none", scenario.Wait.LastPoll);
                s.Note($"{group}: replica {sync.PitId?.Id ?? "(no pitId)"} '{sync.PitName}' at {sync.TimeStamp:O}");
            }
        });
    }

    private static async Task ReplicaListedAsync(CheckScope s, OperationUnderTest op)
    {
        OperationSteps.RequireTasksFinish(s);
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, op).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = op.Operation.Precondition };
        var call = await site.StepAsync($"Call {op.Name} with {group}", () => OperationSteps.CallAsync(site, op, [group])).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site, op, [group], before, call).ConfigureAwait(false);
        var outcome = answer.Of(group);
        s.Require(outcome.Kind == GroupOutcomeKind.Succeeded, $"the sync of {group} did not succeed ({outcome.Detail}); see The_task_reaches_success");
        var pit = (answer.Results?.FirstOrDefault(r => r.GroupId?.Key == group.Key) as SyncReplicationGroupSuccessResult)?.PitId?.Id;
        s.Require(pit is not null, $"the sync of {group} named no pitId; see Each_synced_group_gets_a_SyncReplicationGroupSuccessResult_with_its_timeStamp");
        var query = await site.StepAsync($"Query the point-in-time replicas of {group}", () => ProviderCalls.CallAsync(site, "QueryPointInTimeReplica", () => site.Client.QueryPointInTimeReplicaAsync(site.Target.Provider, [group], new QueryPointInTimeReplicaParam { PreferDetails = true }), underTest: false)).ConfigureAwait(false);
        s.Require(query.IsValue && query.Value is not null, $"QueryPointInTimeReplica did not answer: {query.Describe()}");
        s.Step($"Expect replica {pit} among {group}'s replicas", () =>
        {
            var listed = query.Value!.OfType<QueryPointInTimeReplicaSuccessResult>().Where(r => r.GroupId?.Key == group.Key).SelectMany(r => r.ReplicaInfo ?? []).Select(r => r.Id?.Id).ToList();
            var summary = query.Value!.OfType<QueryPointInTimeReplicaSummaryResult>().Any(r => r.GroupId?.Key == group.Key);
            s.Require(listed.Count > 0 || !summary, $"QueryPointInTimeReplica answered a summary for {group} although details were preferred (a reading of QPIT-RES-2): the replica cannot be looked up");
            s.Expect(listed.Contains(pit), Defect.Result, $"replica {pit}, returned by the sync, listed for {group}", $"{listed.Count} replica(s): {string.Join(", ", listed.Take(10))}", query.Call);
        });
    }
}
