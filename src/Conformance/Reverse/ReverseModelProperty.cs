using System.Collections.Concurrent;
using Conformance.Checks;
using FsCheck.Fluent;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>
/// The FsCheck properties of ReverseReplicateGroup_Task: every answer is a task MoRef or a documented fault;
/// invalid input never changes any group; and for any batch of allowlisted groups the state model predicts every
/// result. Each case reads the states first, so the model predicts from what the provider says now.
/// </summary>
internal static class ReverseModelProperty
{
    /// <summary>The batch size the generators work around: the provider's or declared limit, else 8.</summary>
    private static int Limit(Targets.ConformanceTarget t) => (int)Math.Clamp(t.BatchLimit(ReverseCatalogue.Feature) ?? 8, 1, 64);

    /// <summary>RRG-PROP-1: every answer is HTTP 200 with a task MoRef, or HTTP 500 with a documented fault.</summary>
    public static Task EveryAnswerIsATaskOrADocumentedFault(CheckScope s)
    {
        var limit = Limit(s.Target);
        var arb = Arb.From(ReverseArbitraries.Inputs(s.Target, limit), i => ReverseArbitraries.ShrinkInput(i, limit));
        return PropertyRunner.RunAsync(s, "Send generated requests", arb, async (c, input) =>
        {
            var call = await c.StepAsync($"Call ReverseReplicateGroup_Task with {input.What}", () => ReverseSteps.ReverseAsync(c, input.Groups, input.Body)).ConfigureAwait(false);
            if (call.IsValue && ReverseSteps.IsTaskMoRef(call.Value))
            {
                await ReverseSteps.WaitIfTasksFinishAsync(c, call.Value!).ConfigureAwait(false);
                return;
            }

            c.Expect(call.Kind == OutcomeKind.Fault, Defect.WrongFault, $"HTTP 200 with a task MoRef or HTTP 500 with a MethodFault for {input.What} (as for every answer)", call.Describe(), call.Call);
            c.Expect(FaultShape.IsDeclared(ReverseCatalogue.Feature, call.Fault!), Defect.WrongFault, $"a fault ReverseReplicateGroup_Task declares for {input.What}", $"{call.FaultName ?? "a fault without _typeName"}, which it does not declare", call.Call);
        }, i => i.ToString());
    }

    /// <summary>RRG-PROP-2: invalid input (null, empty or malformed groupId, an oversized batch) never changes any group's state.</summary>
    public static Task InvalidInputChangesNothing(CheckScope s)
    {
        var limit = s.Target.BatchLimit(ReverseCatalogue.Feature) is { } l and < 64 ? (int)l : 64;
        var arb = Arb.From(ReverseArbitraries.InvalidInputs(s.Target, limit), i => ReverseArbitraries.ShrinkInput(i, limit).Where(x => x.Invalid));
        // Invalid input changes nothing, so the states read before one case are the states before the next: read them
        // once, and again only after a case that failed (which may have changed them).
        IReadOnlyDictionary<string, string?>? known = null;
        return PropertyRunner.RunAsync(s, "Send generated invalid requests", arb, async (c, input) =>
        {
            var before = known ?? await ReverseSteps.ReadStatesAsync(c, c.Target.Allowlist, "Read the allowlisted groups' states").ConfigureAwait(false);
            known = null;
            var call = await c.StepAsync($"Call ReverseReplicateGroup_Task with {input.What}", () => ReverseSteps.ReverseAsync(c, input.Groups, input.Body)).ConfigureAwait(false);
            if (call.IsValue && ReverseSteps.IsTaskMoRef(call.Value))
            {
                await ReverseSteps.WaitAsync(c, call.Value!).ConfigureAwait(false);
            }

            await ReverseSteps.ExpectUnchangedAsync(c, before, $"after invalid input ({input.What})").ConfigureAwait(false);
            known = before;
        }, i => i.ToString());
    }

    /// <summary>
    /// RRG-MODEL-1: for any batch of allowlisted groups, FAILEDOVER groups end as SOURCE, the others are unchanged, and the
    /// results match the requests one to one. The prediction is a set of acceptable outcomes, the same whichever reading
    /// of <see cref="ReverseReadings.GroupError"/> the provider takes: per group as above, or, for a batch naming a group
    /// that may be refused, the whole call refused (task error or whole-call fault) with nothing changed.
    /// </summary>
    public static async Task StateModelPredictsEveryResult(CheckScope s)
    {
        if (s.Target.Simulator is null)
        {
            // On a real array the success scenario spends its FAILEDOVER groups first; the property then uses what is left.
            await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        }

        s.Require(s.Target.Allowlist.Count > 0, "the profile allowlists no group, so there is no batch to generate");
        ReverseSteps.RequireTasksFinish(s);
        var arb = Arb.From(ReverseArbitraries.AllowlistedBatches(s.Target, Limit(s.Target)), ReverseArbitraries.ShrinkBatch);
        var readings = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await PropertyRunner.RunAsync(s, "Reverse generated batches of allowlisted groups", arb, (c, batch) => CaseAsync(c, batch, readings), b => "[" + string.Join(", ", b.Select(g => g.Key)) + "]").ConfigureAwait(false);
        }
        finally
        {
            foreach (var (reading, cases) in readings.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                ReverseReadings.GroupError.Note(s, reading, $"{cases} generated case(s) refused a group so");
            }
        }
    }

    private static async Task CaseAsync(CheckScope s, ReplicationGroupId[] batch, ConcurrentDictionary<string, int> readings)
    {
        var before = await ReverseSteps.ReadStatesAsync(s, batch, "Read the states of the batch").ConfigureAwait(false);
        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {string.Join(", ", batch.Select(g => g.Key))}", () => ReverseSteps.ReverseAsync(s, batch)).ConfigureAwait(false);
        var answer = await ReverseAnswer.ReadAsync(s, batch, before, call).ConfigureAwait(false);
        var outcomes = answer.Outcomes();
        foreach (var (_, outcome) in outcomes)
        {
            outcome.Judged(s);
        }

        if (answer.Reading is { } reading)
        {
            readings.AddOrUpdate(reading, 1, (_, n) => n + 1);
            answer.NoteReading(s, $"a batch of {batch.Length}");
        }

        if (answer.RefusedAsWhole)
        {
            // The other acceptable outcome: the batch names a group that may be refused, and is refused as a whole.
            await ExpectStatesAsync(s, batch, before, new Dictionary<string, string>()).ConfigureAwait(false);
            return;
        }

        ReverseSteps.ExpectOnePerGroup(s, batch, answer.Results!, answer.FinalPoll);
        var newIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (g, outcome) in outcomes)
        {
            if (before[g.Key] == ReplicationState.FailedOver)
            {
                s.Expect(outcome is { Kind: GroupOutcomeKind.Reversed, NewGroupId: not null }, Defect.Result, $"FAILEDOVER group {g} reversed, with a newGroupId", outcome.Detail, answer.FinalPoll);
                newIds[g.Key] = outcome.NewGroupId!;
            }
            else
            {
                // Not FAILEDOVER: refused, or (for a group this run already reversed) a success carrying AlreadyDone.
                s.Expect(outcome.Kind == GroupOutcomeKind.Refused || outcome.AlreadyDone, Defect.Result, $"{g}, {before[g.Key] ?? "unknown"} and not FAILEDOVER, to get a GroupErrorResult (or an AlreadyDone warning)", outcome.Detail, answer.FinalPoll);
            }
        }

        await ExpectStatesAsync(s, batch, before, newIds).ConfigureAwait(false);
    }

    private static async Task ExpectStatesAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> batch, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string> newIds)
    {
        var expected = batch.Select(g => newIds.TryGetValue(g.Key, out var id)
            ? (Id: ReplicationGroupId.Of(g.FaultDomainId!.Id!, id), State: (string?)ReplicationState.Source)
            : (Id: g, State: before[g.Key])).ToList();
        var after = await ReverseSteps.ReadStatesAsync(s, expected.Select(e => e.Id).ToList(), "Read the states afterwards").ConfigureAwait(false);
        var wrong = expected.Where(e => after[e.Id.Key] != e.State).Select(e => $"{e.Id} is {after[e.Id.Key] ?? "(absent)"}, model says {e.State ?? "(absent)"}").ToList();
        s.Expect(wrong.Count == 0, Defect.Result, "the states after the call to be the model's", string.Join("; ", wrong), s.LastCall);
    }
}
