using System.Globalization;

namespace Conformance.Targets;

/// <summary>The first task of the run that was not terminal within the task timeout: which task, in which check, how long and in what state.</summary>
/// <param name="Task">The task, e.g. <c>SmsTask:sms-task-3</c>.</param>
/// <param name="State">The last state polled, e.g. <c>running</c>.</param>
/// <param name="Waited">How long the suite waited.</param>
/// <param name="Check">The check (or scenario) that waited.</param>
/// <param name="Clause">The clause that judges whether a task of its operation ends, e.g. <c>RRG-TASK-2</c>.</param>
internal sealed record StuckTask(string Task, string State, TimeSpan Waited, string Check, string Clause)
{
    /// <summary>The last poll, which showed the task still not ended.</summary>
    public Harness.Client.ProviderCall? LastPoll { get; init; }

    /// <summary>The stuck task a wait that ended before its task did shows.</summary>
    public static StuckTask Of(Harness.Wire.ManagedObjectReference task, Harness.Client.TaskWaitResult wait, string check, string clause) =>
        new(task.ToString(), wait.Observed.LastOrDefault()?.State ?? "unknown", wait.Elapsed, check, clause) { LastPoll = wait.LastPoll };

    /// <summary>One line, e.g. <c>task SmsTask:t-1 was still 'running' after 30 s (in The_task_reaches_success)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"task {this.Task} was still '{this.State}' after {this.Waited.TotalSeconds:0.#} s (in {this.Check})");
}
