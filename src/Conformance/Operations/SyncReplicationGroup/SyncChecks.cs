using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire.Results;

namespace Conformance.Operations.SyncReplicationGroup;

/// <summary>The checks only SyncReplicationGroup_Task has: its success result carries the replica it made.</summary>
internal static class SyncChecks
{
    /// <summary>SYNC-RES-1.</summary>
    public static readonly Clause SuccessResult = new("SYNC-RES-1", ClauseLevel.Must, "Each synced group gets a SyncReplicationGroupSuccessResult whose timeStamp is set (the time of the point-in-time replica made).", "reference §4 (Sync), VMware's type SyncReplicationGroupSuccessResult") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare SyncReplicationGroupSuccessResult.timeStamp required" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [SuccessResult];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("Each_synced_group_gets_a_SyncReplicationGroupSuccessResult_with_its_timeStamp", SuccessResult, op.Name, s => SuccessResultAsync(s, op)),
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
}
