using Conformance.Checks;
using Harness.Client;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>
/// The per-group result contract of an operation, judged on every answer its shared scenarios received: one result
/// per requested group, GroupErrorResult.error never empty, AlreadyDone only as a warning; and a group listed twice
/// gets DuplicateEntry for the repeat and is processed once.
/// </summary>
internal sealed class ResultContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public ResultContract(OperationUnderTest op)
    {
        this.op = op;
        var clauses = op.Clauses;
        this.OnePerGroup = new("Each_requested_group_gets_exactly_one_result", clauses.OneResultPerGroup, op.Name, this.OneResultPerGroupAsync) { Needs = GroupNeeds.Success(op) };
        this.ErrorListsNotEmpty = new("GroupErrorResult_error_lists_are_never_empty", clauses.ErrorListNotEmpty, op.Name, this.ErrorListsAreNeverEmptyAsync) { Needs = GroupNeeds.Success(op) };
        this.AlreadyDoneAsWarning = new("AlreadyDone_appears_only_as_a_warning", clauses.AlreadyDoneIsWarning, op.Name, this.AlreadyDoneOnlyAsWarningAsync) { MayNotArise = true, Needs = [.. GroupNeeds.Success(op), .. op.Scenarios.Repeat is null ? [] : GroupNeeds.Repeat(op)] };
        this.Duplicates = new($"A_group_listed_twice_gets_DuplicateEntry_and_is_{op.Operation.Done.Replace(' ', '_')}_once", clauses.Duplicates, op.Name, this.DuplicateIsProcessedOnceAsync) { Needs = GroupNeeds.Pick(op) };
    }

    /// <summary>There is exactly one result per requested group, matched by groupId in any order.</summary>
    public Check OnePerGroup { get; }

    /// <summary>Every GroupErrorResult holds at least one error.</summary>
    public Check ErrorListsNotEmpty { get; }

    /// <summary>AlreadyDone appears only in warning[], never as an error or a fault.</summary>
    public Check AlreadyDoneAsWarning { get; }

    /// <summary>A group listed twice gets DuplicateEntry for the repeat (or the call is refused as a whole with InvalidArgument) and is processed once.</summary>
    public Check Duplicates { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [this.OnePerGroup, this.ErrorListsNotEmpty, this.AlreadyDoneAsWarning, this.Duplicates];

    private async Task OneResultPerGroupAsync(CheckScope s)
    {
        var scenario = await this.op.Scenarios.Success(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var info = scenario.RequireSuccess(s);
        s.Step("Expect exactly one result per requested group", () =>
        {
            var results = OperationSteps.ReadResults(s, this.op, info, scenario.Wait!.LastPoll);
            OperationSteps.ExpectOnePerGroup(s, scenario.Requested, results, scenario.Wait.LastPoll);
        });
    }

    /// <summary>Every GroupErrorResult holds at least one error (not exercised for a provider that refuses groups by a task error or a whole-call fault, which sends none).</summary>
    private async Task ErrorListsAreNeverEmptyAsync(CheckScope s)
    {
        var results = await this.AllResultsAsync(s).ConfigureAwait(false);
        var errors = results.Select(r => r.Result).OfType<GroupErrorResult>().ToList();
        if (errors.Count == 0)
        {
            var oversized = await this.op.Scenarios.Oversized(s.Target).ConfigureAwait(false);
            var whole = oversized.Chunks.Select(c => c.Reading).Where(r => r is ContractReadings.TaskError or ContractReadings.WholeCallFault).Distinct().ToList();
            if (whole.Count > 0)
            {
                s.NotExercised($"the provider refuses a group by reading '{string.Join("', '", whole)}' of {this.op.Readings.GroupError.Id} (the split batch's chunks were refused as a whole), so it sends no GroupErrorResult to judge");
            }
        }

        s.Require(errors.Count > 0, $"no GroupErrorResult was returned in this run to judge (it needs an allowlisted group that is not {this.op.Operation.Precondition}, or a batch limit)");
        s.Step($"Expect each of the {errors.Count} GroupErrorResult(s) to hold an error", () =>
        {
            var empty = results.Where(r => r.Result is GroupErrorResult { Error: not { Count: > 0 } }).ToList();
            s.Expect(empty.Count == 0, Defect.Result, "every GroupErrorResult to hold at least one fault (error is required)", $"an empty error list for {string.Join(", ", empty.Select(r => r.Result.GroupId?.Key))}", empty.FirstOrDefault().Poll);
        });
    }

    private async Task AlreadyDoneOnlyAsWarningAsync(CheckScope s)
    {
        var repeats = new List<(GroupOperationResult Result, ProviderCall? Poll)>();
        if (this.op.Scenarios.Repeat is { } repeat)
        {
            var scenario = await repeat(s.Target).ConfigureAwait(false);
            scenario.IncludeIn(s);
            repeats.AddRange(scenario.Repeats.SelectMany(r => (r.Results ?? []).Select(x => (x, r.FinalPoll))));
        }

        var results = (await this.AllResultsAsync(s).ConfigureAwait(false)).Concat(repeats).ToList();
        s.Step("Expect AlreadyDone only among warnings", () =>
        {
            var asError = results.Where(r => r.Result is GroupErrorResult e && e.Error?.Any(f => f is AlreadyDone) == true).ToList();
            s.Expect(asError.Count == 0, Defect.Result, "AlreadyDone only as a warning", $"AlreadyDone given as an error for {string.Join(", ", asError.Select(r => r.Result.GroupId?.Key))}", asError.FirstOrDefault().Poll);
            var asFault = s.Target.Faults.Where(f => f.Fault is AlreadyDone && f.Operation == this.op.Name).ToList();
            s.Expect(asFault.Count == 0, Defect.Result, "AlreadyDone only as a warning", "AlreadyDone raised as a fault", asFault.FirstOrDefault()?.Call);
            var asWarning = results.Count(r => r.Result.Warning?.Any(w => w is AlreadyDone) == true);
            if (asWarning == 0)
            {
                // Nothing was asked twice that the provider took as done: the clause's trigger never arose.
                s.NotExercised($"no {this.op.Name} answer in this run carried AlreadyDone (the provider refuses repeats, or none arose)");
            }

            s.Note($"AlreadyDone seen as a warning {asWarning}×");
        });
    }

    private async Task DuplicateIsProcessedOnceAsync(CheckScope s)
    {
        var operation = this.op.Operation;
        (s, var group) = await OperationSteps.PickAtSiteAsync(s, this.op).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = operation.Precondition };
        var call = await s.StepAsync($"Call {this.op.Name} with {group} listed twice", () => OperationSteps.CallAsync(s, this.op, [group, group])).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(s, this.op, [group, group], before, call).ConfigureAwait(false);
        s.Step("Expect a per-group answer, or the whole call refused with InvalidArgument", () =>
        {
            // For a call whose one problem is a repeat, the rule accepts only InvalidArgument as a whole refusal.
            answer.Of(group).Judged(s);
            answer.NoteReading(s, $"{group} listed twice");
        });
        if (answer.RefusedAsWhole)
        {
            await OperationSteps.ExpectUnchangedAsync(s, before, "after the refused call").ConfigureAwait(false);
            return;
        }

        var results = answer.Results!;
        s.Step($"Expect {group} to be {operation.Done} once and its repeat to get DuplicateEntry", () =>
        {
            var mine = results.Where(r => r.GroupId?.Key == group.Key).ToList();
            var successes = mine.Where(operation.IsSuccess).ToList();
            var newIds = operation.NewGroupId is { } newGroupId ? successes.Select(newGroupId).Distinct().ToList() : [];
            var twice = newIds.Count == 0 ? string.Empty : $" (new ids {string.Join(", ", newIds)})";
            s.Expect(newIds.Count <= 1 && successes.Count(r => r.Warning?.Any(w => w is AlreadyDone) != true) <= 1, Defect.Result, $"{group}, listed twice, to be {operation.Done} once", $"it was {operation.Done} twice{twice}", answer.FinalPoll);
            s.Expect(mine.OfType<GroupErrorResult>().All(e => e.Error?.Any(f => f is DuplicateEntry) == true), Defect.Result, $"DuplicateEntry for the repeat of {group}", $"an error other than DuplicateEntry: {string.Join(", ", mine.OfType<GroupErrorResult>().SelectMany(e => e.Error ?? []).Select(f => f.TypeName))}", answer.FinalPoll);
            s.Note($"{group} listed twice: {string.Join(", ", mine.Select(r => r.TypeName))}");
        });
    }

    /// <summary>Every per-group result the shared scenarios received, with the poll that returned it.</summary>
    private async Task<List<(GroupOperationResult Result, ProviderCall? Poll)>> AllResultsAsync(CheckScope s)
    {
        var happy = await this.op.Scenarios.Success(s.Target).ConfigureAwait(false);
        var oversized = await this.op.Scenarios.Oversized(s.Target).ConfigureAwait(false);
        var results = new List<(GroupOperationResult, ProviderCall?)>();
        foreach (var task in oversized.Tasks.Concat(happy.Observation is { } o ? [o] : []))
        {
            if (task.Wait.Final is { State: SmsTaskState.Success } final && OperationSteps.TryReadResults(s, this.op, final).Results is { } items)
            {
                results.AddRange(items.Select(r => (r, task.Wait.LastPoll)));
            }
        }

        return results;
    }
}
