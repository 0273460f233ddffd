using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire.Groups;

namespace Conformance.Operations.TestFailoverReplicationGroupStop;

/// <summary>The checks only TestFailoverReplicationGroupStop_Task has: a stop without force (T3, unconfirmed).</summary>
internal static class TestFailoverStopChecks
{
    /// <summary>TFX-NOFORCE-1.</summary>
    public static readonly Clause WithoutForce = new("TFX-NOFORCE-1", ClauseLevel.Should, "A stop with force = false either stops the test (the group reads TARGET), or leaves the group INTEST (vVols still bound are reported), or is refused with NotSupportedByProvider and changes nothing; which one is unconfirmed, each is accepted and noted. Nothing else.", "reference §2 T3, §4 (TestFailoverStop) [G]") { Basis = LevelBasis.Unconfirmed, Why = "VMware's text says a provider without force \"reports vVols to clean up\"; the resulting state is unconfirmed" };

    /// <summary>Its own clauses.</summary>
    public static IReadOnlyList<Clause> Clauses { get; } = [WithoutForce];

    /// <summary>Its own checks.</summary>
    public static IReadOnlyList<Check> Build(OperationUnderTest op) =>
    [
        new("A_stop_without_force_stops_the_test_or_is_refused_with_NotSupportedByProvider", WithoutForce, op.Name, s => WithoutForceAsync(s, op)) { Needs = GroupNeeds.Pick(op) },
    ];

    private static async Task WithoutForceAsync(CheckScope s, OperationUnderTest op)
    {
        OperationSteps.RequireTasksFinish(s);
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, op).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = ReplicationState.InTest };
        var call = await site.StepAsync($"Call {op.Name} with force = false for {group}", () => OperationSteps.CallAsync(site, op, [group], variant: (client, provider) => client.TestFailoverReplicationGroupStopAsync(provider, [group], force: false))).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site, op, [group], before, call).ConfigureAwait(false);
        var outcome = GroupOutcomeKind.Wrong;
        s.Step($"Expect {group} to be stopped, or refused with NotSupportedByProvider", () =>
        {
            var judged = answer.Of(group).Judged(s);
            outcome = judged.Kind;
            if (judged.Kind == GroupOutcomeKind.Refused)
            {
                s.Expect(judged.Faults.Any(f => f.IsA("NotSupportedByProvider")), Defect.WrongFault, "NotSupportedByProvider for a stop without force", string.Join(", ", judged.Faults.Select(f => f.TypeName)), answer.FinalPoll ?? answer.Call.Call);
                s.Note("reading seen: a stop without force is refused with NotSupportedByProvider");
            }
        });
        if (outcome == GroupOutcomeKind.Refused)
        {
            await OperationSteps.ExpectUnchangedAsync(site, before, "after the refused stop").ConfigureAwait(false);
            return;
        }

        var after = await OperationSteps.ReadStatesAsync(site, [group], "Read the group after the stop").ConfigureAwait(false);
        var state = after[group.Key];
        s.Expect(state is ReplicationState.Target or ReplicationState.InTest, Defect.Result, $"{group} to read TARGET (stopped) or INTEST (vVols to clean up) after a stop without force", $"'{state ?? "(absent)"}'", s.LastCall);
        s.Note($"reading seen: after a stop without force {group} reads {state}");
    }
}
