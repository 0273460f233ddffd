using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.FailoverReplicationGroup;

/// <summary>The checks only FailoverReplicationGroup_Task has: a checkOnly failover changes nothing (T11).</summary>
internal static class FailoverChecks
{
    /// <summary>FO-CHK-1.</summary>
    public static readonly Clause CheckOnly = new("FO-CHK-1", ClauseLevel.Must, "A failover with checkOnly = true succeeds for a TARGET group without failing it over: no group changes state at either site.", "reference §2 T11, §4 (Failover) [J:FailoverParam]") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents FailoverParam.checkOnly as checking whether the failover can be done, without doing it" };

    /// <summary>FO-UNPL-1.</summary>
    public static readonly Clause Unplanned = new("FO-UNPL-1", ClauseLevel.Must, "An unplanned failover (isPlanned = false) fails a TARGET group over (it reads FAILEDOVER, or SOURCE when auto-reversing) without contacting the primary: its twin at the source site stays as it was; needs the peer site.", "reference §2 T7, T11 [J:FailoverParam]") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents isPlanned = false as a failover that does not contact the primary site" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [CheckOnly, Unplanned];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("A_checkOnly_failover_changes_nothing_at_either_site", CheckOnly, op.Name, s => LifecycleProbes.ChangesNothingAsync(s, op, "checkOnly", g => (client, provider) => client.FailoverReplicationGroupAsync(provider, VasaProviderOperations.FailoverOf([g], isPlanned: true, checkOnly: true)))) { Needs = GroupNeeds.Probe(op) },
        new("An_unplanned_failover_leaves_the_source_site_untouched", Unplanned, op.Name, s => UnplannedAsync(s, op)) { TwoSites = true, Needs = GroupNeeds.Pick(op) },
    ];

    private static async Task UnplannedAsync(CheckScope s, OperationUnderTest op)
    {
        if (s.Target.Peer is null)
        {
            s.NotApplicable(Targets.PeerSite.Missing);
        }

        OperationSteps.RequireTasksFinish(s);
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, op).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = op.Operation.Precondition };
        var twin = await LifecycleSteps.TwinBeforeAsync(site, group).ConfigureAwait(false);
        s.Require(twin is not null, $"{group} names no twin the other site knows");
        var call = await site.StepAsync($"Call {op.Name} (isPlanned = false) with {group}", () => OperationSteps.CallAsync(site, op, [group], variant: (client, provider) => client.FailoverReplicationGroupAsync(provider, VasaProviderOperations.FailoverOf([group], isPlanned: false, checkOnly: false)))).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site, op, [group], before, call).ConfigureAwait(false);
        s.Step($"Expect {group} to be failed over", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Succeeded, Defect.Result, $"an unplanned failover of TARGET group {group} to succeed", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
        });
        var after = await OperationSteps.ReadStatesAsync(site, [group], "Read the group afterwards").ConfigureAwait(false);
        s.Expect(op.Operation.Transition!.Allows(after[group.Key]), Defect.Result, $"{group} to read {string.Join(" or ", op.Operation.Transition.After)} after an unplanned failover", $"'{after[group.Key] ?? "(absent)"}'", s.LastCall);
        await LifecycleSteps.ExpectTwinUnchangedAsync(site, twin, "after an unplanned failover (no contact with the primary)").ConfigureAwait(false);
    }
}
