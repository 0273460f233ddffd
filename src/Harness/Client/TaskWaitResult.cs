using Harness.Wire.Tasks;

namespace Harness.Client;

/// <summary>Everything seen while waiting for an SMS task: each polled info, the final one, or why waiting ended early.</summary>
internal sealed class TaskWaitResult
{
    /// <summary>Every successfully read task info, in order.</summary>
    public required IReadOnlyList<SmsTaskInfo> Observed { get; init; }

    /// <summary>The exchange of every poll, in order: <see cref="Observed"/>[i] is the answer of Polls[i], and a <see cref="FailedPoll"/>'s exchange comes last.</summary>
    public IReadOnlyList<ProviderCall> Polls { get; init; } = [];

    /// <summary>The last poll's exchange (the one that showed the final info, the failed poll, or the state the task was stuck in), if any.</summary>
    public ProviderCall? LastPoll => this.Polls.Count == 0 ? null : this.Polls[^1];

    /// <summary>The terminal info, if the task finished.</summary>
    public SmsTaskInfo? Final { get; init; }

    /// <summary>The task was still not terminal when the timeout passed.</summary>
    public bool Stuck { get; init; }

    /// <summary>A poll that did not return a task info (a fault or a broken exchange), if one ended the wait.</summary>
    public ProviderResult<SmsTaskInfo>? FailedPoll { get; init; }

    /// <summary>The run was interrupted while the task was still running.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The caller stopped waiting while the task was still running (it no longer needed the end); not a verdict on the task.</summary>
    public bool GaveUp { get; init; }

    /// <summary>How long the wait took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>One line.</summary>
    public string Describe() =>
        this.Final is { } f ? $"task ended in '{f.State}' after {this.Observed.Count} poll(s), {this.Elapsed.TotalMilliseconds:0} ms"
        : this.Interrupted ? $"interrupted while the task was still '{this.Observed.LastOrDefault()?.State ?? "unknown"}'"
        : this.Stuck ? $"stuck task: still '{this.Observed.LastOrDefault()?.State ?? "unknown"}' after {this.Elapsed.TotalSeconds:0.#} s"
        : this.GaveUp ? $"stopped waiting after {this.Elapsed.TotalSeconds:0.#} s while the task was still '{this.Observed.LastOrDefault()?.State ?? "unknown"}'"
        : $"polling failed: {this.FailedPoll?.Describe()}";
}
