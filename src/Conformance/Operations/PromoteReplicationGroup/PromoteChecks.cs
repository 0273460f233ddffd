using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire.Groups;
using Harness.Wire.Params;

namespace Conformance.Operations.PromoteReplicationGroup;

/// <summary>The checks only PromoteReplicationGroup_Task has: it is gated on TargetGroupInfo.isPromoteCapable.</summary>
internal static class PromoteChecks
{
    /// <summary>PRO-CAP-1.</summary>
    public static readonly Clause NotCapable = new("PRO-CAP-1", ClauseLevel.Must, "Promoting an INTEST group whose TargetGroupInfo.isPromoteCapable is false is refused (the fault is unconfirmed: any refusal is accepted and noted), and no group changes state.", "reference §4 (Promote), [S:TargetGroupInfo]") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents isPromoteCapable as whether the group can be promoted" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [NotCapable];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("A_group_that_is_not_promote_capable_is_not_promoted", NotCapable, op.Name, s => NotCapableAsync(s, op)) { MayNotArise = true, Needs = GroupNeeds.Refused([ReplicationState.InTest], GroupSite.Tested) },
    ];

    private static async Task NotCapableAsync(CheckScope s, OperationUnderTest op)
    {
        OperationSteps.RequireTasksFinish(s);
        var (_, leased) = await OperationSteps.LeaseAsync(s, "INTEST group that is not promote-capable", async () =>
        {
            var allowlist = s.Target.Allowlist;
            var infos = await LifecycleSteps.ReadGroupsAsync(s, allowlist, "Read every allowlisted group's isPromoteCapable").ConfigureAwait(false);
            var twins = allowlist.ToDictionary(g => g.Key, g => LifecycleSteps.TwinOf(infos.Infos.GetValueOrDefault(g.Key)), StringComparer.Ordinal);
            return (s, allowlist.Where(g => infos.Infos.GetValueOrDefault(g.Key) is TargetGroupInfo { State: ReplicationState.InTest, IsPromoteCapable: false }).ToList(), (IReadOnlyDictionary<string, Harness.Wire.ReplicationGroupId?>)twins);
        }).ConfigureAwait(false);
        var group = leased.FirstOrDefault();
        if (group is null)
        {
            s.NotExercised("no allowlisted INTEST group reports isPromoteCapable = false, so the gate could not be probed");
        }

        var before = new Dictionary<string, string?> { [group!.Key] = ReplicationState.InTest };
        var call = await s.StepAsync($"Call {op.Name} with {group} (isPromoteCapable false)", () => OperationSteps.CallAsync(s, op, [group], variant: (client, provider) => client.PromoteReplicationGroupAsync(provider, new PromoteParam { IsPlanned = true, ReplicationGroupsToPromote = [group] }))).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(s, op, [group], before, call).ConfigureAwait(false);
        s.Step($"Expect {group} not to be promoted", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Refused, Defect.Result, $"{group}, not promote-capable, to be refused", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
            s.Note($"reading seen: a group that is not promote-capable was refused with {string.Join(", ", outcome.Faults.Select(f => f.TypeName))}");
        });
        await OperationSteps.ExpectUnchangedAsync(s, before, "after the refused promote").ConfigureAwait(false);
    }
}
