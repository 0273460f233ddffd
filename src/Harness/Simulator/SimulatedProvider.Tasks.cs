using System.Globalization;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Harness.Simulator;

/// <summary>
/// SMS tasks: creation, poll-driven lifecycle (queued, running, then success or error), progress, info and result.
/// A task is terminal once <see cref="SimulatedProviderOptions.TaskPollsToComplete"/> polls have seen it
/// non-terminal and <see cref="SimulatedProviderOptions.TaskDurationMilliseconds"/> have passed since its creation.
/// </summary>
internal sealed partial class SimulatedProvider
{
    private readonly Dictionary<string, SimulatedTask> tasks = new(StringComparer.Ordinal);
    private int taskCounter;

    private int openTasks;

    /// <summary>The most tasks that were not yet finished at the same time (read under the provider's lock).</summary>
    public int PeakOpenTasks { get; private set; }

    private SimulatedResponse StartTask(IReadOnlyList<ReplicationGroupId> ids, SimulatedSite site, MethodFault? injectedError = null, SimulatedTaskKind kind = SimulatedTaskKind.Reverse, LifecycleRequest? request = null)
    {
        var id = "sms-task-" + (++this.taskCounter).ToString(CultureInfo.InvariantCulture);
        var task = new SimulatedTask(id, ids, DateTimeOffset.UtcNow, this.reversals) { InjectedError = injectedError, Site = site, Kind = kind, Request = request ?? LifecycleRequest.None };
        this.tasks[id] = task;
        if (kind == SimulatedTaskKind.Sync)
        {
            this.RegisterSync(task);
        }
        var moRef = ManagedObjectReference.Of(this.Options.Has(Deviation.TaskMoRefNotATask) ? "Folder" : "SmsTask", this.Options.Has(Deviation.EmptyTaskMoRefValue) ? string.Empty : id);
        if (this.Options.TaskPollsToComplete == 0)
        {
            this.Advance(task);
        }

        this.openTasks++;
        this.PeakOpenTasks = Math.Max(this.PeakOpenTasks, this.openTasks);
        return Json(moRef);
    }

    private SimulatedResponse QuerySmsTaskInfo(string id, int vcenter)
    {
        if (!this.tasks.TryGetValue(id, out var task) || task.Site.Vcenter != vcenter)
        {
            return this.Fault(new ManagedObjectNotFound { Obj = ManagedObjectReference.Of("SmsTask", id) }, $"No SmsTask '{id}'.");
        }

        task.Polls++;
        this.Advance(task);
        var progress = this.ReportProgress(task);
        var backToRunning = false;
        if (task.State == SmsTaskState.Success)
        {
            task.SuccessPolls++;
            backToRunning = this.Options.Has(Deviation.TaskGoesBackToRunning) && task.SuccessPolls == 2;
        }

        return Json(this.Info(task, progress, backToRunning));
    }

    private SimulatedResponse QuerySmsTaskResult(string id, int vcenter)
    {
        if (!this.tasks.TryGetValue(id, out var task) || task.Site.Vcenter != vcenter)
        {
            return this.Fault(new ManagedObjectNotFound { Obj = ManagedObjectReference.Of("SmsTask", id) }, $"No SmsTask '{id}'.");
        }

        if (task.Results is null)
        {
            // A void task has no result; as a deviation, QuerySmsTaskResult answers one all the same (an empty array) once the task succeeded.
            return this.Options.Has(Deviation.QuerySmsTaskResultDisagrees) && task.State == SmsTaskState.Success
                ? Json(BoxedArray.Of("ArrayOfGroupOperationResult", Array.Empty<GroupOperationResult>()))
                : SimulatedResponse.NoContent;
        }

        var results = this.Options.Has(Deviation.QuerySmsTaskResultDisagrees) && task.Results.Count > 0 ? task.Results[..^1] : task.Results;
        return Json(this.ResultValue(results));
    }

    /// <summary>Moves the task along; once it is due, runs the operation and records the outcome.</summary>
    private void Advance(SimulatedTask task)
    {
        if (SmsTaskState.IsTerminal(task.State))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var polls = this.Options.TaskPollsToComplete;
        var pollsDone = polls == 0 || task.Polls > polls;
        var timeDone = now - task.Created >= TimeSpan.FromMilliseconds(this.Options.TaskDurationMilliseconds);
        var lifecycle = Lifecycle.GetValueOrDefault(task.Kind);
        if (this.Options.Has(Deviation.TaskNeverCompletes) || (lifecycle is not null && this.Options.Has(lifecycle.TaskNeverEnds)) || !pollsDone || !timeDone)
        {
            // The first of several non-terminal polls sees the task queued; the others see it running.
            task.State = task.Polls <= 1 && polls >= 2 ? SmsTaskState.Queued : SmsTaskState.Running;
            if (task.State == SmsTaskState.Running)
            {
                task.Started ??= now;
            }

            return;
        }

        task.Started ??= now;
        task.Completed = now;
        this.openTasks--;
        this.EndSync(task);
        if (task.InjectedError is { } injected)
        {
            task.State = SmsTaskState.Error;
            task.Error = injected;
            return;
        }

        if (this.Options.Has(Deviation.TaskEndsInError) || this.Options.Has(Deviation.TaskErrorWithoutFault))
        {
            task.State = SmsTaskState.Error;
            task.Error = this.Options.Has(Deviation.TaskEndsInError) ? this.Decorate(new SmsReplicationFault(), "Simulated failure.") : null;
            return;
        }

        if (task.Kind == SimulatedTaskKind.ProviderSync)
        {
            // A cache refresh: nothing in the model changes, and the result is void.
            task.State = SmsTaskState.Success;
            return;
        }

        var refusal = lifecycle is null
            ? (this.Options.PerGroupErrors != PerGroupErrorReading.GroupErrorResult ? this.FirstRefusal(task.Groups, task.Site) : null)
            : (this.RefusesWhole(lifecycle) ? this.FirstLifecycleRefusal(lifecycle, task.Groups, task.Site, task.Request, task) : null);
        if (refusal is { } refused)
        {
            // The task-error reading: one refused group fails the task, and no group of it changes state. Under the
            // whole-call reading the call was checked when it came; a group refused only now (another task changed it
            // meanwhile) can only be reported through the task, the same way. A void result has no entry for a
            // GroupErrorResult, so its refusals always take this route.
            task.State = SmsTaskState.Error;
            task.Error = this.Decorate(refused.Fault, refused.Message);
            return;
        }

        // Each kind completes with its own results: Reverse's reversals, or a lifecycle operation's (null when void).
        task.Results = lifecycle is null ? this.CompleteReverse(task) : this.CompleteLifecycle(lifecycle, task);
        task.State = SmsTaskState.Success;
        if (this.Options.Has(Deviation.ErrorSetOnSuccess))
        {
            task.Error = this.Decorate(new SmsReplicationFault(), "Simulated failure, although the task succeeded.");
        }
    }

    /// <summary>The progress this poll reports: 0 queued, +100/ProgressSteps per running poll (at most 99), 100 on success, the last value on error.</summary>
    private int ReportProgress(SimulatedTask task)
    {
        switch (task.State)
        {
            case SmsTaskState.Queued:
                task.Progress = 0;
                break;
            case SmsTaskState.Running:
                task.RunningPolls++;
                task.Progress = Math.Min(99, task.RunningPolls * (100 / Math.Max(1, this.Options.ProgressSteps)));
                break;
            case SmsTaskState.Success:
                task.Progress = 100;
                break;
        }

        var reported = task.Progress;
        if (this.Options.Has(Deviation.ProgressOutOfRange) && task.State == SmsTaskState.Running)
        {
            reported = 150;
        }

        if (this.Options.Has(Deviation.ProgressDecreases))
        {
            if (task.DecreaseStage == 0 && task.State == SmsTaskState.Running)
            {
                (reported, task.DecreaseStage) = (60, 1);
            }
            else if (task.DecreaseStage == 1)
            {
                (reported, task.DecreaseStage) = (30, 2);
            }
        }

        return reported;
    }

    private SmsTaskInfo Info(SimulatedTask task, int progress, bool backToRunning) => new()
    {
        Key = task.Id,
        Task = ManagedObjectReference.Of("SmsTask", task.Id),
        Object = ManagedObjectReference.Of("VasaProvider", task.Site.ProviderMoId),
        State = backToRunning ? SmsTaskState.Running : task.State,
        Progress = backToRunning ? 99 : progress,
        StartTime = task.Started,
        CompletionTime = backToRunning || task.Completed is null ? null
            : this.Options.Has(Deviation.CompletionBeforeStart) ? task.Started!.Value.AddSeconds(-60)
            : task.Completed,
        Error = backToRunning ? null : task.Error,
        Result = backToRunning ? null
            : task.Results is not null ? this.ResultValue(task.Results)
            : this.Options.Has(Deviation.TaskResultWrongType) && task.State == SmsTaskState.Success && task.Kind != SimulatedTaskKind.ProviderSync ? BoxedArray.Of("ArrayOfString", new[] { "x" })
            : null,
    };

    /// <summary>The anyType result value: the boxed ArrayOfGroupOperationResult, a bare array when so set up (a plausible reading), or the wrong box, as a deviation.</summary>
    private DataObject ResultValue(IEnumerable<GroupOperationResult> results) =>
        this.Options.Has(Deviation.TaskResultWrongType) ? BoxedArray.Of("ArrayOfString", new[] { "x" })
        : this.Options.BareTaskResults ? new BareArray { Raw = BoxedArray.Of("ArrayOfGroupOperationResult", results).Value }
        : BoxedArray.Of("ArrayOfGroupOperationResult", results);
}
