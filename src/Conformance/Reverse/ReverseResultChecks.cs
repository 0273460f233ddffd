using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>The result contract beyond one-per-group: error lists, AlreadyDone, duplicates, idempotency and concurrency.</summary>
internal static class ReverseResultChecks
{
    /// <summary>Every GroupErrorResult holds at least one error.</summary>
    public static async Task ErrorListsAreNeverEmpty(CheckScope s)
    {
        var results = await AllResultsAsync(s).ConfigureAwait(false);
        var errors = results.OfType<GroupErrorResult>().ToList();
        s.Require(errors.Count > 0, "no GroupErrorResult was returned in this run to judge (it needs an allowlisted group that is not FAILEDOVER, or a batch limit)");
        s.Step($"Expect each of the {errors.Count} GroupErrorResult(s) to hold an error", () =>
        {
            var empty = errors.Where(e => e.Error is not { Count: > 0 }).Select(e => e.GroupId?.Key).ToList();
            s.Expect(empty.Count == 0, $"[result] GroupErrorResult with an empty error list for {string.Join(", ", empty)} (error requires at least one fault)");
        });
    }

    /// <summary>AlreadyDone appears only in warning[], never as an error or a fault.</summary>
    public static async Task AlreadyDoneOnlyAsWarning(CheckScope s)
    {
        var twice = await ReverseTwice.GetAsync(s.Target).ConfigureAwait(false);
        twice.IncludeIn(s);
        var results = (await AllResultsAsync(s).ConfigureAwait(false)).Concat(twice.Repeats.SelectMany(r => r.Results)).ToList();
        s.Step("Expect AlreadyDone only among warnings", () =>
        {
            var asError = results.OfType<GroupErrorResult>().Where(e => e.Error?.Any(f => f is AlreadyDone) == true).Select(e => e.GroupId?.Key).ToList();
            s.Expect(asError.Count == 0, $"[result] AlreadyDone is given as an error for {string.Join(", ", asError)}; it is always a warning");
            var asFault = s.Target.Faults.Where(f => f.Fault is AlreadyDone).ToList();
            s.Expect(asFault.Count == 0, "[result] AlreadyDone was raised as a fault; it is always a warning");
            var asWarning = results.Count(r => r.Warning?.Any(w => w is AlreadyDone) == true);
            s.Note($"AlreadyDone seen as a warning {asWarning}×");
        });
    }

    /// <summary>Reversing a group that was already reversed gives an error or an AlreadyDone warning, never a second new group.</summary>
    public static async Task RepeatedReverseCreatesNoSecondGroup(CheckScope s)
    {
        var twice = await ReverseTwice.GetAsync(s.Target).ConfigureAwait(false);
        twice.IncludeIn(s);
        foreach (var (sent, call, results) in twice.Repeats)
        {
            s.Step($"Expect no second new group for {sent}", () =>
            {
                if (call.Kind == OutcomeKind.Fault)
                {
                    s.Note($"asking again for {sent} was refused with {call.FaultName}");
                    return;
                }

                s.Expect(call.IsValue, $"[result] asking again for {sent}: {call.Describe()}");
                foreach (var success in results.OfType<ReverseReplicationSuccessResult>())
                {
                    var newId = success.NewGroupId?.Id;
                    s.Expect(newId == twice.FirstNewId, $"[result] asking again to reverse {sent} created a second new group {newId} (the first reversal made {twice.FirstNewId})");
                    s.Expect(success.Warning?.Any(w => w is AlreadyDone) == true, $"[result] asking again to reverse {sent} reports a plain success; an already reversed group gets an error or an AlreadyDone warning");
                }

                s.Note($"asking again for {sent}: {string.Join(", ", results.Select(r => r.TypeName + (r.Warning is { Count: > 0 } w ? " + " + string.Join(",", w.Select(x => x.TypeName)) : string.Empty)))}");
            });
        }
    }

    /// <summary>A group listed twice gets DuplicateEntry for the repeat (or the call gets InvalidArgument) and is reversed once.</summary>
    public static async Task DuplicateIsReversedOnce(CheckScope s)
    {
        var group = await ReverseSteps.PickFailedOverAsync(s).ConfigureAwait(false);
        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {group} listed twice", () => ReverseSteps.ReverseAsync(s, [group, group])).ConfigureAwait(false);
        if (call.Kind == OutcomeKind.Fault)
        {
            s.Step("Expect the whole call to be refused with InvalidArgument", () => ReverseSteps.ExpectFault(s, call, "InvalidArgument"));
            await ReverseSteps.ExpectUnchangedAsync(s, new Dictionary<string, string?> { [group.Key] = Harness.Wire.Groups.ReplicationState.FailedOver }, "after the refused call").ConfigureAwait(false);
            return;
        }

        var results = await TaskResultsAsync(s, call).ConfigureAwait(false);
        s.Step($"Expect {group} to be reversed once and its repeat to get DuplicateEntry", () =>
        {
            var mine = results.Where(r => r.GroupId?.Key == group.Key).ToList();
            var successes = mine.OfType<ReverseReplicationSuccessResult>().ToList();
            var newIds = successes.Select(r => r.NewGroupId?.Id).Distinct().ToList();
            s.Expect(newIds.Count <= 1 && successes.Count(r => r.Warning?.Any(w => w is AlreadyDone) != true) <= 1, $"[result] {group}, listed twice, was reversed twice (new ids {string.Join(", ", newIds)})");
            s.Expect(mine.OfType<GroupErrorResult>().All(e => e.Error?.Any(f => f is DuplicateEntry) == true), $"[result] the repeat of {group} got an error other than DuplicateEntry: {string.Join(", ", mine.OfType<GroupErrorResult>().SelectMany(e => e.Error ?? []).Select(f => f.TypeName))}");
            s.Note($"{group} listed twice: {string.Join(", ", mine.Select(r => r.TypeName))}");
        });
    }

    /// <summary>Two concurrent Reverse calls on the same FAILEDOVER group reverse it exactly once.</summary>
    public static async Task ConcurrentCallsReverseOnce(CheckScope s)
    {
        s.Require(s.Target.MaxConcurrentTasks >= 2, $"the profile allows {s.Target.MaxConcurrentTasks} task in flight (maxConcurrentTasks); two concurrent calls need 2");
        var group = await ReverseSteps.PickFailedOverAsync(s).ConfigureAwait(false);
        var calls = await s.StepAsync($"Call ReverseReplicateGroup_Task twice at once for {group}", () =>
            Task.WhenAll(ReverseSteps.ReverseAsync(s, [group]), ReverseSteps.ReverseAsync(s, [group]))).ConfigureAwait(false);
        var results = new List<GroupOperationResult>();
        foreach (var call in calls.Where(c => c.Kind != OutcomeKind.Fault))
        {
            results.AddRange(await TaskResultsAsync(s, call).ConfigureAwait(false));
        }

        s.Step($"Expect {group} to be reversed exactly once", () =>
        {
            var successes = results.OfType<ReverseReplicationSuccessResult>().Where(r => r.GroupId?.Key == group.Key).ToList();
            var newIds = successes.Select(r => r.NewGroupId?.Id).Distinct().ToList();
            s.Expect(successes.Count > 0, $"[result] neither concurrent call reversed {group} ({string.Join("; ", calls.Select(c => c.Describe()))})");
            s.Expect(newIds.Count == 1, $"[result] {group} was reversed more than once by two concurrent calls: new groups {string.Join(", ", newIds)}");
            s.Note($"concurrent calls: {string.Join("; ", calls.Select(c => c.Describe()))}; results {string.Join(", ", results.Select(r => r.TypeName))}");
        });
    }

    /// <summary>A task's results, or a failure when the task did not succeed.</summary>
    private static async Task<IReadOnlyList<GroupOperationResult>> TaskResultsAsync(CheckScope s, ProviderResult<ManagedObjectReference> call)
    {
        s.Expect(call.IsValue && ReverseSteps.IsTaskMoRef(call.Value), $"[task] expected a task MoRef, got {call.Describe()}");
        var wait = await ReverseSteps.WaitAsync(s, call.Value!).ConfigureAwait(false);
        s.Expect(wait.Final?.State == SmsTaskState.Success, $"[task] {wait.Describe()}");
        return ReverseSteps.ReadResults(s, wait.Final!);
    }

    /// <summary>Every per-group result the shared scenarios received.</summary>
    private static async Task<List<GroupOperationResult>> AllResultsAsync(CheckScope s)
    {
        var happy = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        var oversized = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
        var results = new List<GroupOperationResult>();
        foreach (var task in oversized.Tasks.Concat(happy.Observation is { } o ? [o] : []))
        {
            if (task.Wait.Final is { State: SmsTaskState.Success } final && ReverseSteps.TryReadResults(s, final).Results is { } items)
            {
                results.AddRange(items);
            }
        }

        return results;
    }
}
