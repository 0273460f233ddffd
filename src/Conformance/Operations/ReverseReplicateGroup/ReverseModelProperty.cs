using System.Collections.Concurrent;
using Conformance.Checks;
using Conformance.Contracts;
using FsCheck.Fluent;
using Harness.Wire;
using Harness.Wire.Groups;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// Reverse's state model as an FsCheck property: for any batch of allowlisted groups the model predicts every result.
/// Each case reads the states first, so the model predicts from what the provider says now. The properties every
/// operation keeps (documented answers, invalid input changes nothing) are the shared <see cref="PropertyContract"/>.
/// </summary>
internal static class ReverseModelProperty
{
    private static OperationUnderTest Reverse => ReverseCatalogue.Subject;

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
        OperationSteps.RequireTasksFinish(s);
        var arb = Arb.From(OperationArbitraries.AllowlistedBatches(s.Target, PropertyContract.Limit(s.Target, ReverseCatalogue.Feature)), OperationArbitraries.ShrinkBatch);
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
        var before = await OperationSteps.ReadStatesAsync(s, batch, "Read the states of the batch").ConfigureAwait(false);
        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {string.Join(", ", batch.Select(g => g.Key))}", () => OperationSteps.CallAsync(s, Reverse, batch)).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(s, Reverse, batch, before, call).ConfigureAwait(false);
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

        OperationSteps.ExpectOnePerGroup(s, batch, answer.Results!, answer.FinalPoll);
        var newIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (g, outcome) in outcomes)
        {
            if (before[g.Key] == ReplicationState.FailedOver)
            {
                s.Expect(outcome is { Kind: GroupOutcomeKind.Succeeded, NewGroupId: not null }, Defect.Result, $"FAILEDOVER group {g} reversed, with a newGroupId", outcome.Detail, answer.FinalPoll);
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
        var after = await OperationSteps.ReadStatesAsync(s, expected.Select(e => e.Id).ToList(), "Read the states afterwards").ConfigureAwait(false);
        var wrong = expected.Where(e => after[e.Id.Key] != e.State).Select(e => $"{e.Id} is {after[e.Id.Key] ?? "(absent)"}, model says {e.State ?? "(absent)"}").ToList();
        s.Expect(wrong.Count == 0, Defect.Result, "the states after the call to be the model's", string.Join("; ", wrong), s.LastCall);
    }
}
