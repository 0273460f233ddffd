using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>The result contract beyond one-per-group: error lists, AlreadyDone, duplicates, idempotency and concurrency.</summary>
internal static class ReverseResultChecks
{
    /// <summary>Every GroupErrorResult holds at least one error (not applicable to a provider that refuses groups by a task error or a whole-call fault, which sends none).</summary>
    public static async Task ErrorListsAreNeverEmpty(CheckScope s)
    {
        var results = await AllResultsAsync(s).ConfigureAwait(false);
        var errors = results.Select(r => r.Result).OfType<GroupErrorResult>().ToList();
        if (errors.Count == 0)
        {
            var oversized = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
            var whole = oversized.Chunks.Select(c => c.Reading).Where(r => r is ReverseReadings.TaskError or ReverseReadings.WholeCallFault).Distinct().ToList();
            if (whole.Count > 0)
            {
                s.NotExercised($"the provider refuses a group by reading '{string.Join("', '", whole)}' of {ReverseReadings.GroupError.Id} (the split batch's chunks were refused as a whole), so it sends no GroupErrorResult to judge");
            }
        }

        s.Require(errors.Count > 0, "no GroupErrorResult was returned in this run to judge (it needs an allowlisted group that is not FAILEDOVER, or a batch limit)");
        s.Step($"Expect each of the {errors.Count} GroupErrorResult(s) to hold an error", () =>
        {
            var empty = results.Where(r => r.Result is GroupErrorResult { Error: not { Count: > 0 } }).ToList();
            s.Expect(empty.Count == 0, Defect.Result, "every GroupErrorResult to hold at least one fault (error is required)", $"an empty error list for {string.Join(", ", empty.Select(r => r.Result.GroupId?.Key))}", empty.FirstOrDefault().Poll);
        });
    }

    /// <summary>AlreadyDone appears only in warning[], never as an error or a fault.</summary>
    public static async Task AlreadyDoneOnlyAsWarning(CheckScope s)
    {
        var twice = await ReverseTwice.GetAsync(s.Target).ConfigureAwait(false);
        twice.IncludeIn(s);
        var results = (await AllResultsAsync(s).ConfigureAwait(false)).Concat(twice.Repeats.SelectMany(r => (r.Results ?? []).Select(x => (Result: x, Poll: r.FinalPoll)))).ToList();
        s.Step("Expect AlreadyDone only among warnings", () =>
        {
            var asError = results.Where(r => r.Result is GroupErrorResult e && e.Error?.Any(f => f is AlreadyDone) == true).ToList();
            s.Expect(asError.Count == 0, Defect.Result, "AlreadyDone only as a warning", $"AlreadyDone given as an error for {string.Join(", ", asError.Select(r => r.Result.GroupId?.Key))}", asError.FirstOrDefault().Poll);
            var asFault = s.Target.Faults.Where(f => f.Fault is AlreadyDone).ToList();
            s.Expect(asFault.Count == 0, Defect.Result, "AlreadyDone only as a warning", "AlreadyDone raised as a fault", asFault.FirstOrDefault()?.Call);
            var asWarning = results.Count(r => r.Result.Warning?.Any(w => w is AlreadyDone) == true);
            s.Note($"AlreadyDone seen as a warning {asWarning}×");
        });
    }

    /// <summary>Reversing a group that was already reversed gives an AlreadyDone warning or a refusal (the readings of <see cref="ReverseReadings.Repeat"/>), never a second new group.</summary>
    public static async Task RepeatedReverseCreatesNoSecondGroup(CheckScope s)
    {
        var twice = await ReverseTwice.GetAsync(s.Target).ConfigureAwait(false);
        twice.IncludeIn(s);
        foreach (var answer in twice.Repeats)
        {
            var sent = answer.Requested[0];
            s.Step($"Expect no second new group for {sent}", () =>
            {
                var outcome = answer.Of(sent).Judged(s);
                if (outcome.Kind == GroupOutcomeKind.Refused)
                {
                    ReverseReadings.Repeat.Note(s, "refused", $"asking again for {sent}: {outcome.Detail}");
                    answer.NoteReading(s, $"asking again for {sent}");
                    return;
                }

                s.Expect(outcome.NewGroupId == twice.FirstNewId, Defect.Result, $"asking again to reverse {sent} to create no second new group (the first reversal made {twice.FirstNewId})", $"a second new group {outcome.NewGroupId}", answer.FinalPoll);
                s.Expect(outcome.AlreadyDone, Defect.Result, $"asking again to reverse {sent}, already reversed, to get an error or an AlreadyDone warning", "a plain success", answer.FinalPoll);
                ReverseReadings.Repeat.Note(s, "alreadyDone", $"asking again for {sent}: {outcome.Detail}");
            });
        }
    }

    /// <summary>A group listed twice gets DuplicateEntry for the repeat (or the call is refused as a whole with InvalidArgument, by a reading of <see cref="ReverseReadings.GroupError"/>) and is reversed once.</summary>
    public static async Task DuplicateIsReversedOnce(CheckScope s)
    {
        var group = await ReverseSteps.PickFailedOverAsync(s).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = ReplicationState.FailedOver };
        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {group} listed twice", () => ReverseSteps.ReverseAsync(s, [group, group])).ConfigureAwait(false);
        var answer = await ReverseAnswer.ReadAsync(s, [group, group], before, call).ConfigureAwait(false);
        s.Step("Expect a per-group answer, or the whole call refused with InvalidArgument", () =>
        {
            // For a call whose one problem is a repeat, the rule accepts only InvalidArgument as a whole refusal.
            answer.Of(group).Judged(s);
            answer.NoteReading(s, $"{group} listed twice");
        });
        if (answer.RefusedAsWhole)
        {
            await ReverseSteps.ExpectUnchangedAsync(s, before, "after the refused call").ConfigureAwait(false);
            return;
        }

        var results = answer.Results!;
        s.Step($"Expect {group} to be reversed once and its repeat to get DuplicateEntry", () =>
        {
            var mine = results.Where(r => r.GroupId?.Key == group.Key).ToList();
            var successes = mine.OfType<ReverseReplicationSuccessResult>().ToList();
            var newIds = successes.Select(r => r.NewGroupId?.Id).Distinct().ToList();
            s.Expect(newIds.Count <= 1 && successes.Count(r => r.Warning?.Any(w => w is AlreadyDone) != true) <= 1, Defect.Result, $"{group}, listed twice, to be reversed once", $"it was reversed twice (new ids {string.Join(", ", newIds)})", answer.FinalPoll);
            s.Expect(mine.OfType<GroupErrorResult>().All(e => e.Error?.Any(f => f is DuplicateEntry) == true), Defect.Result, $"DuplicateEntry for the repeat of {group}", $"an error other than DuplicateEntry: {string.Join(", ", mine.OfType<GroupErrorResult>().SelectMany(e => e.Error ?? []).Select(f => f.TypeName))}", answer.FinalPoll);
            s.Note($"{group} listed twice: {string.Join(", ", mine.Select(r => r.TypeName))}");
        });
    }

    /// <summary>Two concurrent Reverse calls on the same FAILEDOVER group reverse it exactly once; the other call may be refused by any reading of <see cref="ReverseReadings.GroupError"/>.</summary>
    public static async Task ConcurrentCallsReverseOnce(CheckScope s)
    {
        s.Require(s.Target.MaxConcurrentTasks >= 2, $"the profile allows {s.Target.MaxConcurrentTasks} task in flight (maxConcurrentTasks); two concurrent calls need 2");
        var group = await ReverseSteps.PickFailedOverAsync(s).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = ReplicationState.FailedOver };
        var contested = new HashSet<string>(StringComparer.Ordinal) { group.Key };
        var calls = await s.StepAsync($"Call ReverseReplicateGroup_Task twice at once for {group}", () =>
            Task.WhenAll(ReverseSteps.ReverseAsync(s, [group]), ReverseSteps.ReverseAsync(s, [group]))).ConfigureAwait(false);
        var answers = new List<ReverseAnswer>();
        foreach (var call in calls)
        {
            answers.Add(await ReverseAnswer.ReadAsync(s, [group], before, call, contested: contested).ConfigureAwait(false));
        }

        s.Step($"Expect {group} to be reversed exactly once", () =>
        {
            var outcomes = answers.Select(a => a.Of(group).Judged(s)).ToList();
            var reversals = outcomes.Where(o => o.Kind == GroupOutcomeKind.Reversed).ToList();
            var newIds = reversals.Select(o => o.NewGroupId).Distinct().ToList();
            s.Expect(reversals.Count > 0, Defect.Result, $"one of two concurrent calls to reverse {group}", $"neither did ({string.Join("; ", outcomes.Select(o => o.Detail))})", answers[^1].FinalPoll ?? answers[^1].Call.Call);
            s.Expect(newIds.Count == 1, Defect.Result, $"{group} reversed exactly once by two concurrent calls", $"it was reversed more than once: new groups {string.Join(", ", newIds)}", answers[^1].FinalPoll);
            foreach (var answer in answers)
            {
                answer.NoteReading(s, "one of two concurrent calls");
            }

            if (outcomes.FirstOrDefault(o => o.Kind == GroupOutcomeKind.Refused || o.AlreadyDone) is { } other)
            {
                ReverseReadings.Repeat.Note(s, other.Kind == GroupOutcomeKind.Refused ? "refused" : "alreadyDone", $"the other of two concurrent calls: {other.Detail}");
            }

            s.Note($"concurrent calls: {string.Join("; ", outcomes.Select(o => o.Detail))}");
        });
    }

    /// <summary>Every per-group result the shared scenarios received, with the poll that returned it.</summary>
    private static async Task<List<(GroupOperationResult Result, ProviderCall? Poll)>> AllResultsAsync(CheckScope s)
    {
        var happy = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        var oversized = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
        var results = new List<(GroupOperationResult, ProviderCall?)>();
        foreach (var task in oversized.Tasks.Concat(happy.Observation is { } o ? [o] : []))
        {
            if (task.Wait.Final is { State: SmsTaskState.Success } final && ReverseSteps.TryReadResults(s, final).Results is { } items)
            {
                results.AddRange(items.Select(r => (r, task.Wait.LastPoll)));
            }
        }

        return results;
    }
}
