using System.Text.Json;
using Conformance.Checks;
using Harness.Wire;
using Harness.Wire.Results;
using Harness.Wire.Serialization;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>
/// The SmsTask contract, judged on every task the shared scenarios started: the success scenario's task and the
/// chunks of the split batch. No extra calls that change state.
/// </summary>
internal static class ReverseTaskChecks
{
    private static readonly Dictionary<string, int> Order = new(StringComparer.Ordinal)
    {
        [SmsTaskState.Queued] = 0,
        [SmsTaskState.Running] = 1,
        [SmsTaskState.Success] = 2,
        [SmsTaskState.Error] = 2,
    };

    /// <summary>States move only through queued, then running, then success or error, and a terminal state stays.</summary>
    public static Task StatesMoveOnlyForward(CheckScope s) => JudgeAsync(s, "Expect states to move only forward", task =>
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

    /// <summary>Progress, when reported, stays within 0..100.</summary>
    public static Task ProgressWithinRange(CheckScope s) => JudgeAsync(
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

    /// <summary>Progress, when reported, never decreases between two polls.</summary>
    public static Task ProgressNeverDecreases(CheckScope s) => JudgeAsync(
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

    /// <summary>completionTime is not before startTime.</summary>
    public static Task CompletionNotBeforeStart(CheckScope s) => JudgeAsync(
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

    /// <summary>error is set exactly when the state is error.</summary>
    public static Task ErrorExactlyWhenStateIsError(CheckScope s) => JudgeAsync(s, "Expect error set exactly when the state is error", task =>
    {
        foreach (var (info, call) in task.Reads)
        {
            s.Expect(info.State != SmsTaskState.Error || info.Error is not null, Defect.Task, $"{task.Task}, in state error, to carry an error fault", "no error fault", call);
            s.Expect(info.State == SmsTaskState.Error || info.Error is null, Defect.Task, $"{task.Task}, in state '{info.State}', to carry no error", $"an error ({info.Error?.TypeName})", call);
        }
    });

    /// <summary>The result is a boxed ArrayOfGroupOperationResult holding only ReverseReplicationSuccessResult and GroupErrorResult (a bare array is accepted with a note).</summary>
    public static Task ResultHasTheDeclaredType(CheckScope s) => JudgeAsync(s, "Expect the result to be ArrayOfGroupOperationResult of allowed subtypes", RequireSuccess, task =>
    {
        if (task.Wait.Final is not { State: SmsTaskState.Success } final)
        {
            return;
        }

        foreach (var result in ReverseSteps.ReadResults(s, final, task.Wait.LastPoll))
        {
            s.Expect(result is ReverseReplicationSuccessResult or GroupErrorResult, Defect.Result, $"{task.Task} to return only ReverseReplicationSuccessResult or GroupErrorResult (ReverseReplicateGroup_Task returns no other)", $"a {result.TypeName ?? "result without _typeName"}", task.Wait.LastPoll);
        }
    });

    /// <summary>QuerySmsTaskResult returns the same value as SmsTaskInfo.result.</summary>
    public static Task QueriedResultAgreesWithInfo(CheckScope s) => JudgeAsync(s, "Expect QuerySmsTaskResult to agree with the task info's result", RequireSuccess, task =>
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
        ReverseReadings.ResultQuery.Note(s, exact ? "sameValue" : "sameItems", exact ? $"QuerySmsTaskResult of {task.Task} is SmsTaskInfo.result exactly" : $"QuerySmsTaskResult of {task.Task} holds the same items as SmsTaskInfo.result, in another order or boxing");
    });

    /// <summary>Judges the tasks only when one of them ended in success: otherwise the result clauses had nothing to judge, and the precondition failed.</summary>
    private static Task JudgeAsync(CheckScope s, string step, Func<IReadOnlyList<TaskObservation>, string?> precondition, Action<TaskObservation> judge) =>
        JudgeAsync(s, step, judge, trigger: null, precondition);

    /// <summary>The precondition of the result clauses: a task that ended in success.</summary>
    private static string? RequireSuccess(IReadOnlyList<TaskObservation> tasks) =>
        tasks.Any(t => t.Wait.Final is { State: SmsTaskState.Success }) ? null : $"none of the {tasks.Count} task(s) observed ended in success, so there is no result to judge (see RRG-TASK-2)";

    private static async Task JudgeAsync(CheckScope s, string step, Action<TaskObservation> judge, (Func<TaskObservation, bool> Exercises, string Otherwise)? trigger = null, Func<IReadOnlyList<TaskObservation>, string?>? precondition = null)
    {
        var happy = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        var oversized = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
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
