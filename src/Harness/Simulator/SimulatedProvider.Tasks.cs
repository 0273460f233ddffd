using System.Globalization;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Harness.Simulator;

/// <summary>SMS tasks: creation, poll-driven lifecycle (queued, running, then success or error), info and result.</summary>
internal sealed partial class SimulatedProvider
{
    private readonly Dictionary<string, SimulatedTask> tasks = new(StringComparer.Ordinal);
    private int taskCounter;

    private SimulatedResponse StartTask(IReadOnlyList<ReplicationGroupId> ids)
    {
        var id = "sms-task-" + (++this.taskCounter).ToString(CultureInfo.InvariantCulture);
        var task = new SimulatedTask(id, ids, DateTimeOffset.UtcNow);
        this.tasks[id] = task;
        var moRef = ManagedObjectReference.Of(this.Options.Has(Deviation.TaskMoRefNotATask) ? "Folder" : "SmsTask", this.Options.Has(Deviation.EmptyTaskMoRefValue) ? string.Empty : id);
        if (this.Options.TaskPollsToComplete == 0)
        {
            this.Advance(task);
        }

        return Json(moRef);
    }

    private SimulatedResponse QuerySmsTaskInfo(string id)
    {
        if (!this.tasks.TryGetValue(id, out var task))
        {
            return this.Fault(new ManagedObjectNotFound { Obj = ManagedObjectReference.Of("SmsTask", id) }, $"No SmsTask '{id}'.");
        }

        task.Polls++;
        this.Advance(task);
        return Json(this.Info(task));
    }

    private SimulatedResponse QuerySmsTaskResult(string id)
    {
        if (!this.tasks.TryGetValue(id, out var task))
        {
            return this.Fault(new ManagedObjectNotFound { Obj = ManagedObjectReference.Of("SmsTask", id) }, $"No SmsTask '{id}'.");
        }

        return task.Results is null ? SimulatedResponse.NoContent : Json(Box(task.Results));
    }

    /// <summary>Moves the task along: TaskPollsToComplete polls see it queued then running; the next one sees it finished.</summary>
    private void Advance(SimulatedTask task)
    {
        if (SmsTaskState.IsTerminal(task.State))
        {
            return;
        }

        var polls = this.Options.TaskPollsToComplete;
        if (this.Options.Has(Deviation.TaskNeverCompletes) || (polls > 0 && task.Polls <= polls))
        {
            // The first of several non-terminal polls sees the task queued; the others see it running.
            task.State = task.Polls <= 1 && polls >= 2 ? SmsTaskState.Queued : SmsTaskState.Running;
            if (task.State == SmsTaskState.Running)
            {
                task.Started ??= DateTimeOffset.UtcNow;
            }

            return;
        }

        task.Started ??= DateTimeOffset.UtcNow;
        task.Completed = DateTimeOffset.UtcNow;
        if (this.Options.Has(Deviation.TaskEndsInError))
        {
            task.State = SmsTaskState.Error;
            task.Error = new SmsReplicationFault { FaultMessage = [new LocalizableMessage { Key = "com.vmware.sms.fault.replication", Message = "Simulated failure." }] };
            return;
        }

        task.Results = this.CompleteReverse(task.Groups);
        task.State = SmsTaskState.Success;
    }

    private SmsTaskInfo Info(SimulatedTask task) => new()
    {
        Key = task.Id,
        Task = ManagedObjectReference.Of("SmsTask", task.Id),
        Object = ManagedObjectReference.Of("VasaProvider", ProviderMoId),
        State = task.State,
        Progress = task.State switch { SmsTaskState.Queued => 0, SmsTaskState.Running => 50, _ => 100 },
        StartTime = task.Started,
        CompletionTime = task.Completed,
        Error = task.Error,
        Result = task.Results is null ? null : Box(task.Results),
    };

    private static BoxedArray Box(IEnumerable<GroupOperationResult> results) => BoxedArray.Of("ArrayOfGroupOperationResult", results);
}
