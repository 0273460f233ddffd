using System.Collections.Concurrent;

namespace Conformance.Targets;

/// <summary>
/// What the run has learnt about a provider that does not finish its tasks or does not answer a method, so that no
/// later check waits the full timeout again for the same cause: the first stuck task, and each method that fell
/// silent. One per run, shared by every lane (a real provider has one lane); thread-safe.
/// </summary>
internal sealed class FailFast
{
    /// <summary>The reason every check that needs a task to end gives once a task was stuck, naming the clause that judges whether a task of its operation ends (e.g. RRG-TASK-2).</summary>
    public static string TasksDoNotFinish(string taskClause) => $"this provider's tasks do not finish (see {taskClause})";

    private readonly CancellationTokenSource stuckSeen = new();
    private readonly ConcurrentDictionary<string, SilentMethod> silent = new(StringComparer.Ordinal);
    private StuckTask? stuck;

    /// <summary>Whether checks keep waiting the full task timeout after a stuck task (the profile's keepWaitingAfterStuckTask).</summary>
    public bool KeepWaitingAfterStuckTask { get; init; }

    /// <summary>The first stuck task of the run, if any.</summary>
    public StuckTask? Stuck => Volatile.Read(ref this.stuck);

    /// <summary>Cancelled once a task was stuck (never when the profile asks to keep waiting): waits that do not judge a task's end stop then.</summary>
    public CancellationToken StuckSeen => this.KeepWaitingAfterStuckTask ? CancellationToken.None : this.stuckSeen.Token;

    /// <summary>Why a check that needs a task to end stops at once, or null when it may wait (no stuck task yet, or the profile asks to keep waiting).</summary>
    public string? StopWaiting => this.KeepWaitingAfterStuckTask || this.Stuck is not { } first ? null : $"{TasksDoNotFinish(first.Clause)}: {first.Describe()}";

    /// <summary>Remembers a stuck task; only the first one counts.</summary>
    public void RecordStuck(StuckTask task)
    {
        if (Interlocked.CompareExchange(ref this.stuck, task, null) is null)
        {
            this.stuckSeen.Cancel();
        }
    }

    /// <summary>Remembers a method that did not answer within the call timeout; only its first silence counts.</summary>
    public void RecordSilent(SilentMethod method) => this.silent.TryAdd(method.Operation, method);

    /// <summary>The silence of <paramref name="operation"/> earlier in the run, if any.</summary>
    public SilentMethod? SilenceOf(string operation) => this.silent.GetValueOrDefault(operation);
}
