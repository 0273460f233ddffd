using Harness.Wire;
using Harness.Wire.Tasks;

namespace Harness.Client;

/// <summary>
/// Polls <c>QuerySmsTaskInfo</c> until the task is terminal or the timeout passes. Polling backs off
/// (×1.5, capped at 5 s) with ±20 % jitter: never a tight loop against a real provider.
/// </summary>
internal sealed class TaskWaiter(TimeSpan timeout, TimeSpan firstInterval, TimeProvider? time = null)
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(5);
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>Waits for the task.</summary>
    /// <param name="client">The client to poll with.</param>
    /// <param name="task">The task.</param>
    /// <param name="ct">Stops the wait as interrupted (as the transport's <see cref="SmsTransport.Stopping"/> does).</param>
    /// <param name="giveUp">Stops the wait between two polls without calling the task stuck (<see cref="TaskWaitResult.GaveUp"/>): the caller no longer needs its end.</param>
    public async Task<TaskWaitResult> WaitAsync(SmsClient client, ManagedObjectReference task, CancellationToken ct = default, CancellationToken giveUp = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, client.Transport.Stopping);
        using var delays = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, giveUp);
        ct = linked.Token;
        var started = this.time.GetTimestamp();
        var observed = new List<SmsTaskInfo>();
        var polls = new List<ProviderCall>();
        var interval = firstInterval;
        while (true)
        {
            var poll = await client.QuerySmsTaskInfoAsync(task, ct).ConfigureAwait(false);
            polls.Add(poll.Call);
            if (!poll.IsValue || poll.Value is null)
            {
                return new TaskWaitResult { Observed = observed, Polls = polls, FailedPoll = poll, Elapsed = this.time.GetElapsedTime(started) };
            }

            observed.Add(poll.Value);
            if (SmsTaskState.IsTerminal(poll.Value.State))
            {
                return new TaskWaitResult { Observed = observed, Polls = polls, Final = poll.Value, Elapsed = this.time.GetElapsedTime(started) };
            }

            var elapsed = this.time.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                return new TaskWaitResult { Observed = observed, Polls = polls, Stuck = true, Elapsed = elapsed };
            }

            var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
            var delay = TimeSpan.FromTicks((long)(interval.Ticks * jitter));
            var remaining = timeout - elapsed;
            try
            {
                await Task.Delay(delay < remaining ? delay : remaining, this.time, delays.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new TaskWaitResult { Observed = observed, Polls = polls, GaveUp = true, Elapsed = this.time.GetElapsedTime(started) };
            }
            catch (OperationCanceledException)
            {
                return new TaskWaitResult { Observed = observed, Polls = polls, Interrupted = true, Elapsed = this.time.GetElapsedTime(started) };
            }
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), MaxInterval.Ticks));
        }
    }
}
