using Harness.Client;
using Harness.Wire;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>Everything seen of one task: each polled info, one more read after it ended, and QuerySmsTaskResult.</summary>
internal sealed class TaskObservation
{
    /// <summary>The task.</summary>
    public required ManagedObjectReference Task { get; init; }

    /// <summary>The wait until it was terminal (or stuck).</summary>
    public required TaskWaitResult Wait { get; init; }

    /// <summary>The info read once more after the task ended (a terminal state must stay).</summary>
    public SmsTaskInfo? AfterEnd { get; init; }

    /// <summary>The exchange that read <see cref="AfterEnd"/>.</summary>
    public ProviderCall? AfterEndCall { get; init; }

    /// <summary>QuerySmsTaskResult, read after the task ended.</summary>
    public ProviderResult<DataObject>? QueriedResult { get; init; }

    /// <summary>Every info seen, in order.</summary>
    public IEnumerable<SmsTaskInfo> Infos => this.Reads.Select(r => r.Info);

    /// <summary>Every info seen, in order, with the exchange that returned it (the evidence when the info breaks the contract).</summary>
    public IEnumerable<(SmsTaskInfo Info, ProviderCall? Call)> Reads
    {
        get
        {
            var polls = this.Wait.Polls;
            var reads = this.Wait.Observed.Select((info, i) => (info, i < polls.Count ? polls[i] : null));
            return this.AfterEnd is null ? reads : reads.Append((this.AfterEnd, this.AfterEndCall));
        }
    }
}
