using System.Text.Json;
using Conformance.Checks;
using Harness.Wire;
using Harness.Wire.Serialization;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>
/// The SmsTask contract of an operation: the call answers a task MoRef, the task ends in success, and every task the
/// shared scenarios started (the success scenario's and the split batch's chunks) keeps the task rules: states only
/// forward, progress within range and never down, completion not before start, error exactly on error, a result of
/// the declared type that QuerySmsTaskResult agrees with. No extra calls that change state.
/// </summary>
internal sealed class TaskContract
{
    private static readonly Dictionary<string, int> Order = new(StringComparer.Ordinal)
    {
        [SmsTaskState.Queued] = 0,
        [SmsTaskState.Running] = 1,
        [SmsTaskState.Success] = 2,
        [SmsTaskState.Error] = 2,
    };

    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public TaskContract(OperationUnderTest op)
    {
        this.op = op;
        var clauses = op.Clauses;
        this.AnswersWithTaskMoRef = new("A_successful_call_answers_200_with_a_task_MoRef", clauses.TaskMoRef, op.Name, this.CallAnswersWithTaskMoRefAsync) { Needs = GroupNeeds.Success(op) };
        this.ReachesSuccess = new("The_task_reaches_success", clauses.TaskSuccess, op.Name, this.TaskReachesSuccessAsync) { Needs = GroupNeeds.Success(op) };
        this.StatesMoveOnlyForward = new("Task_states_move_only_from_queued_to_running_to_a_terminal_state", clauses.TaskStates, op.Name, this.StatesMoveOnlyForwardAsync) { Needs = GroupNeeds.Success(op) };
        this.ProgressWithinRange = new("Task_progress_stays_within_0_to_100", clauses.TaskProgress, op.Name, this.ProgressWithinRangeAsync) { Needs = GroupNeeds.Success(op) };
        this.ProgressNeverDecreases = new("Task_progress_never_decreases", clauses.TaskProgressMonotonic, op.Name, this.ProgressNeverDecreasesAsync) { Needs = GroupNeeds.Success(op) };
        this.CompletionNotBeforeStart = new("Task_completionTime_is_not_before_startTime", clauses.TaskTimes, op.Name, this.CompletionNotBeforeStartAsync) { Needs = GroupNeeds.Success(op) };
        this.ErrorExactlyWhenStateIsError = new("Task_error_is_set_exactly_when_the_state_is_error", clauses.TaskError, op.Name, this.ErrorExactlyWhenStateIsErrorAsync) { Needs = GroupNeeds.Success(op) };
        this.ResultHasTheDeclaredType = new(op.Operation.ResultTypes.Count == 0 ? "A_successful_task_carries_no_result" : "Task_result_is_an_ArrayOfGroupOperationResult_of_allowed_types", clauses.TaskResultType, op.Name, this.ResultHasTheDeclaredTypeAsync) { Needs = GroupNeeds.Success(op) };
        this.QueriedResultAgreesWithInfo = new("QuerySmsTaskResult_agrees_with_the_task_info", clauses.TaskResultQuery, op.Name, this.QueriedResultAgreesWithInfoAsync) { Needs = GroupNeeds.Success(op) };
    }

    /// <summary>A successful call answers HTTP 200 with a MoRef to a task whose value is not empty.</summary>
    public Check AnswersWithTaskMoRef { get; }

    /// <summary>The task reaches <c>success</c> within the profile's timeout.</summary>
    public Check ReachesSuccess { get; }

    /// <summary>States move only through queued, then running, then success or error, and a terminal state stays.</summary>
    public Check StatesMoveOnlyForward { get; }

    /// <summary>Progress, when reported, stays within 0..100.</summary>
    public Check ProgressWithinRange { get; }

    /// <summary>Progress, when reported, never decreases between two polls.</summary>
    public Check ProgressNeverDecreases { get; }

    /// <summary>completionTime is not before startTime.</summary>
    public Check CompletionNotBeforeStart { get; }

    /// <summary>error is set exactly when the state is error.</summary>
    public Check ErrorExactlyWhenStateIsError { get; }

    /// <summary>The result has the declared type: a boxed ArrayOfGroupOperationResult of the allowed types (a bare array is accepted with a note), or nothing for a void task.</summary>
    public Check ResultHasTheDeclaredType { get; }

    /// <summary>QuerySmsTaskResult returns the same value as SmsTaskInfo.result.</summary>
    public Check QueriedResultAgreesWithInfo { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks =>
    [
        this.AnswersWithTaskMoRef, this.ReachesSuccess, this.StatesMoveOnlyForward, this.ProgressWithinRange, this.ProgressNeverDecreases,
        this.CompletionNotBeforeStart, this.ErrorExactlyWhenStateIsError, this.ResultHasTheDeclaredType, this.QueriedResultAgreesWithInfo,
    ];

    private async Task CallAnswersWithTaskMoRefAsync(CheckScope s)
    {
        var scenario = await this.op.Scenarios.Success(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var call = scenario.Call!;
        s.Step("Expect HTTP 200 with a task MoRef", () =>
        {
            s.Expect(call.IsValue, Defect.Task, "HTTP 200 with a task MoRef", call.Describe(), call.Call);
            var moRef = call.Value!;
            s.Expect(moRef.Type is not null && ContractReadings.TaskTypes.Contains(moRef.Type), Defect.Task, $"the returned MoRef to be of a task type ({string.Join(" or ", ContractReadings.TaskTypes)})", $"type '{moRef.Type}'", call.Call);
            s.Expect(!string.IsNullOrEmpty(moRef.Value), Defect.Task, $"the returned {moRef.Type} MoRef to carry a value", "an empty value", call.Call);
            this.op.Readings.TaskType.Note(s, moRef.Type!, $"the task MoRef is {moRef.Type}:{moRef.Value}");
        });
    }

    private async Task TaskReachesSuccessAsync(CheckScope s)
    {
        var scenario = await this.op.Scenarios.Success(s.Target).ConfigureAwait(false);
        if (scenario.StuckBefore is { } other && other.Clause != this.op.Clauses.TaskSuccess.Id)
        {
            // Another operation's task did not end: this operation's was never tried, so its clause is unverified, not failed.
            s.Include("Shared scenario: " + scenario.Describe(), scenario.Steps, scenario.Notes);
            s.Require(false, $"no {this.op.Name} task was started: {other.Describe()} ({other.Clause}), and the run spends no further task timeout on this provider (keepWaitingAfterStuckTask: true to try)");
        }

        if (scenario.StuckBefore is { } earlier)
        {
            // Another check already met a task that did not end: this check fails on it rather than wait once more.
            s.Include("Shared scenario: " + scenario.Describe(), scenario.Steps, scenario.Notes);
            s.Fail(Defect.StuckTask, $"the task to end within taskTimeoutSeconds {s.Target.TaskTimeout.TotalSeconds:0.#}", $"{earlier.Describe()}; the success scenario started no task of its own", earlier.LastPoll);
        }

        scenario.IncludeIn(s);
        scenario.RequireTask(s);
        var wait = scenario.Wait!;
        s.Require(!wait.Interrupted, "interrupted: the run was stopped while the task was still running");
        s.Step("Expect the task to end in success", () =>
        {
            if (wait.Stuck)
            {
                s.Fail(OperationSteps.Stuck(s.Target.TaskTimeout, wait));
            }

            if (wait.FailedPoll is { } poll)
            {
                ProviderCalls.ThrowIfOwnReadBroken(s, poll);
                s.Fail(Defect.Task, "QuerySmsTaskInfo to answer while the task was running", $"QuerySmsTaskInfo failed: {poll.Describe()}", poll.Call);
            }

            var final = wait.Final!;
            s.Expect(final.State == SmsTaskState.Success, Defect.Task, $"the task to end in success, every group being {this.op.Operation.Precondition}", $"it ended in '{final.State}' with error {final.Error?.TypeName ?? "(none)"}", wait.LastPoll);
        });
    }

    private Task StatesMoveOnlyForwardAsync(CheckScope s) => this.JudgeAsync(s, "Expect states to move only forward", task =>
    {
        string? previous = null;
        foreach (var (info, call) in task.Reads)
        {
            s.Expect(info.State is not null && Order.ContainsKey(info.State), Defect.Task, $"{task.Task}'s state to be queued, running, success or error", $"'{info.State}'", call);
            if (previous is not null)
            {
                s.Expect(Order[info.State!] >= Order[previous], Defect.Task, $"{task.Task}'s state to move only forward from '{previous}'", $"it went back to '{info.State}'", call);
                s.Expect(!SmsTaskState.IsTerminal(previous) || info.State == previous, Defect.Task, $"{task.Task} to stay in its terminal state '{previous}'", $"it left it for '{info.State}'", call);
            }

            previous = info.State;
        }
    });

    private Task ProgressWithinRangeAsync(CheckScope s) => this.JudgeAsync(
        s,
        "Expect progress within 0..100",
        task =>
        {
            foreach (var (progress, call) in Progress(task))
            {
                s.Expect(progress is >= 0 and <= 100, Defect.Task, $"{task.Task}'s progress within 0..100", $"progress {progress}", call);
            }
        },
        ReportsProgress);

    private Task ProgressNeverDecreasesAsync(CheckScope s) => this.JudgeAsync(
        s,
        "Expect progress never to decrease",
        task =>
        {
            int? previous = null;
            foreach (var (progress, call) in Progress(task))
            {
                s.Expect(previous is null || progress >= previous, Defect.Task, $"{task.Task}'s progress never to decrease", $"it went down from {previous} to {progress}", call);
                previous = progress;
            }
        },
        ReportsProgress);

    /// <summary>Each progress a task reported, with the exchange that reported it.</summary>
    private static IEnumerable<(int Progress, Harness.Client.ProviderCall? Call)> Progress(TaskObservation task) =>
        task.Reads.Where(r => r.Info.Progress is not null).Select(r => (r.Info.Progress!.Value, r.Call));

    /// <summary>The trigger of the progress clauses: a task that reported progress.</summary>
    private static (Func<TaskObservation, bool> Exercises, string Otherwise) ReportsProgress { get; } =
        (t => t.Infos.Any(i => i.Progress is not null), "no task reported progress (SmsTaskInfo.progress is optional: absent means the task does not report it)");

    private Task CompletionNotBeforeStartAsync(CheckScope s) => this.JudgeAsync(
        s,
        "Expect completionTime not before startTime",
        task =>
        {
            foreach (var (info, call) in task.Reads.Where(r => r.Info.StartTime is not null && r.Info.CompletionTime is not null))
            {
                s.Expect(info.CompletionTime >= info.StartTime, Defect.Task, $"{task.Task}'s completionTime not before its startTime {info.StartTime:O}", $"completionTime {info.CompletionTime:O}", call);
            }
        },
        (t => t.Infos.Any(i => i.StartTime is not null && i.CompletionTime is not null), "no task reported both startTime and completionTime (both are optional)"));

    private Task ErrorExactlyWhenStateIsErrorAsync(CheckScope s) => this.JudgeAsync(s, "Expect error set exactly when the state is error", task =>
    {
        foreach (var (info, call) in task.Reads)
        {
            s.Expect(info.State != SmsTaskState.Error || info.Error is not null, Defect.Task, $"{task.Task}, in state error, to carry an error fault", "no error fault", call);
            s.Expect(info.State == SmsTaskState.Error || info.Error is null, Defect.Task, $"{task.Task}, in state '{info.State}', to carry no error", $"an error ({info.Error?.TypeName})", call);
        }
    });

    private Task ResultHasTheDeclaredTypeAsync(CheckScope s)
    {
        var operation = this.op.Operation;
        if (operation.ResultTypes.Count == 0)
        {
            return this.JudgeAsync(s, "Expect no result", this.RequireSuccess, task =>
            {
                if (task.Wait.Final is not { State: SmsTaskState.Success } final)
                {
                    return;
                }

                if (operation.UnconfirmedResultTypes.Count > 0 && final.Result is not null)
                {
                    // Void by VMware's types, an array by another source: the array reading, held to its types.
                    var (results, problem, _) = OperationSteps.TryReadResults(s, this.op, final);
                    s.Expect(problem is null, Defect.Result, $"{task.Task} to carry no result, or (a reading) an ArrayOfGroupOperationResult of {string.Join(", ", operation.UnconfirmedResultTypes)}", problem ?? string.Empty, task.Wait.LastPoll);
                    foreach (var result in results!)
                    {
                        s.Expect(operation.Allows(result), Defect.Result, $"{task.Task} to return only {string.Join(" or ", operation.UnconfirmedResultTypes)}", $"a {result.TypeName ?? "result without _typeName"}", task.Wait.LastPoll);
                    }

                    s.Note($"reading seen: {operation.Name}'s task returned an array of {results.Count} result(s) (VMware's types declare it void)");
                    return;
                }

                s.Expect(final.Result is null, Defect.Result, $"{task.Task} to carry no result ({operation.Name}'s result is void)", $"a {final.Result?.TypeName ?? "value without _typeName"}", task.Wait.LastPoll);
            });
        }

        return this.JudgeAsync(s, "Expect the result to be ArrayOfGroupOperationResult of allowed subtypes", this.RequireSuccess, task =>
        {
            if (task.Wait.Final is not { State: SmsTaskState.Success } final)
            {
                return;
            }

            foreach (var result in OperationSteps.ReadResults(s, this.op, final, task.Wait.LastPoll))
            {
                s.Expect(operation.Allows(result), Defect.Result, $"{task.Task} to return only {operation.DescribeResults()} ({operation.Name} returns no other)", $"a {result.TypeName ?? "result without _typeName"}", task.Wait.LastPoll);
            }
        });
    }

    private Task QueriedResultAgreesWithInfoAsync(CheckScope s) => this.JudgeAsync(s, "Expect QuerySmsTaskResult to agree with the task info's result", this.RequireSuccess, task =>
    {
        if (task.Wait.Final is not { State: SmsTaskState.Success } final || task.QueriedResult is not { } queried)
        {
            return;
        }

        s.Expect(queried.IsValue, Defect.Task, $"QuerySmsTaskResult of {task.Task} to answer", $"it failed: {queried.Describe()}", queried.Call);
        var fromInfo = Canonical(final.Result);
        var fromQuery = Canonical(queried.Value);
        s.Expect(fromInfo == fromQuery, Defect.Task, $"QuerySmsTaskResult of {task.Task} to agree with SmsTaskInfo.result", $"they disagree: {Count(queried.Value)} vs {Count(final.Result)} item(s)", queried.Call);
        var exact = Exact(final.Result) == Exact(queried.Value);
        this.op.Readings.ResultQuery.Note(s, exact ? "sameValue" : "sameItems", exact ? $"QuerySmsTaskResult of {task.Task} is SmsTaskInfo.result exactly" : $"QuerySmsTaskResult of {task.Task} holds the same items as SmsTaskInfo.result, in another order or boxing");
    });

    /// <summary>Judges the tasks only when one of them ended in success: otherwise the result clauses had nothing to judge, and the precondition failed.</summary>
    private Task JudgeAsync(CheckScope s, string step, Func<IReadOnlyList<TaskObservation>, string?> precondition, Action<TaskObservation> judge) =>
        this.JudgeAsync(s, step, judge, trigger: null, precondition);

    /// <summary>The precondition of the result clauses: a task that ended in success.</summary>
    private string? RequireSuccess(IReadOnlyList<TaskObservation> tasks) =>
        tasks.Any(t => t.Wait.Final is { State: SmsTaskState.Success }) ? null : $"none of the {tasks.Count} task(s) observed ended in success, so there is no result to judge (see {this.op.Clauses.TaskSuccess.Id})";

    private async Task JudgeAsync(CheckScope s, string step, Action<TaskObservation> judge, (Func<TaskObservation, bool> Exercises, string Otherwise)? trigger = null, Func<IReadOnlyList<TaskObservation>, string?>? precondition = null)
    {
        var happy = await this.op.Scenarios.Success(s.Target).ConfigureAwait(false);
        var oversized = await this.op.Scenarios.Oversized(s.Target).ConfigureAwait(false);
        var tasks = new List<TaskObservation>();
        if (happy.Observation is { } main)
        {
            s.Include("Shared scenario: " + happy.Describe(), happy.Steps, happy.Notes);
            tasks.Add(main);
        }

        tasks.AddRange(oversized.Tasks);
        s.Require(tasks.Count > 0, $"no task was started to judge (success scenario: {happy.StopReason ?? happy.Call?.Describe() ?? "not run"}; split batch: {oversized.StopReason ?? "no chunk tasks"})");
        if (precondition?.Invoke(tasks) is { } missing)
        {
            s.Require(false, missing);
        }

        if (trigger is { } t && !tasks.Any(t.Exercises))
        {
            s.NotExercised($"{t.Otherwise}; {tasks.Count} task(s) observed");
        }

        s.Note($"{tasks.Count} task(s) judged");
        s.Step(step, () =>
        {
            foreach (var task in tasks)
            {
                judge(task);
            }
        });
    }

    private static string Canonical(DataObject? value) => value switch
    {
        BoxedArray boxed => Sorted(boxed.Value),
        BareArray bare => Sorted(bare.Raw),
        null => "null",
        _ => JsonSerializer.Serialize(value, value.GetType(), WireJson.Options),
    };

    private static string Exact(DataObject? value) => value switch
    {
        BoxedArray boxed => $"{boxed.TypeName}:{boxed.Value.GetRawText()}",
        BareArray bare => "bare:" + bare.Raw.GetRawText(),
        _ => Canonical(value),
    };

    private static string Sorted(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? string.Join("\n", array.EnumerateArray().Select(e => e.GetRawText()).Order(StringComparer.Ordinal)) : array.GetRawText();

    private static int Count(DataObject? value) => value switch
    {
        BoxedArray { Value.ValueKind: JsonValueKind.Array } boxed => boxed.Value.GetArrayLength(),
        BareArray { Raw.ValueKind: JsonValueKind.Array } bare => bare.Raw.GetArrayLength(),
        null => 0,
        _ => 1,
    };
}
