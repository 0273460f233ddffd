using Harness.Client;
using Harness.Wire;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>Everything seen of one task: each polled info, one more read after it ended, and QuerySmsTaskResult.</summary>
internal sealed class TaskObservation
{
    /// <summary>The task.</summary>
    public required ManagedObjectReference Task { get; init; }

    /// <summary>The wait until it was terminal (or stuck).</summary>
    public required TaskWaitResult Wait { get; init; }

    /// <summary>The info read once more after the task ended (a terminal state must stay).</summary>
    public SmsTaskInfo? AfterEnd { get; init; }

    /// <summary>QuerySmsTaskResult, read after the task ended.</summary>
    public ProviderResult<DataObject>? QueriedResult { get; init; }

    /// <summary>Every info seen, in order.</summary>
    public IEnumerable<SmsTaskInfo> Infos => this.AfterEnd is null ? this.Wait.Observed : this.Wait.Observed.Append(this.AfterEnd);
}
