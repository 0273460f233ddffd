namespace Conformance.Run;

/// <summary>
/// Admits checks to one real provider: up to <see cref="Limit"/> shared checks at once, or one exclusive check alone
/// (<see cref="Checks.Check.Exclusive"/>). First come, first served: a check waiting to enter holds back the checks that
/// arrive after it, so an exclusive check is not starved and waits only for the checks already running. Thread-safe.
/// </summary>
internal sealed class CheckGate
{
    private readonly object gate = new();
    private readonly LinkedList<(bool Exclusive, TaskCompletionSource<IDisposable> Entered)> waiting = new();
    private int shared;
    private bool exclusive;

    /// <summary>Creates a gate for <paramref name="limit"/> shared checks at once.</summary>
    public CheckGate(int limit) => this.Limit = Math.Max(1, limit);

    /// <summary>The most shared checks at once.</summary>
    public int Limit { get; }

    /// <summary>Waits for the check's turn; disposing the pass lets the next ones in. Cancelled by <paramref name="ct"/> while waiting.</summary>
    public async Task<IDisposable> EnterAsync(bool exclusiveUse, CancellationToken ct)
    {
        var entered = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<(bool, TaskCompletionSource<IDisposable>)> node;
        lock (this.gate)
        {
            node = this.waiting.AddLast((exclusiveUse, entered));
            this.Admit();
        }

        using (ct.Register(() =>
        {
            lock (this.gate)
            {
                if (node.List is not null && entered.TrySetCanceled(ct))
                {
                    this.waiting.Remove(node);
                    this.Admit();
                }
            }
        }))
        {
            return await entered.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Lets in the waiting checks at the head of the line that may run now (under the lock).</summary>
    private void Admit()
    {
        while (this.waiting.First is { } head && !this.exclusive)
        {
            var (wantsAlone, entered) = head.Value;
            if (wantsAlone ? this.shared > 0 : this.shared >= this.Limit)
            {
                return;
            }

            this.waiting.RemoveFirst();
            if (wantsAlone)
            {
                this.exclusive = true;
            }
            else
            {
                this.shared++;
            }

            entered.TrySetResult(new Pass(this, wantsAlone));
        }
    }

    private void Leave(bool wasAlone)
    {
        lock (this.gate)
        {
            if (wasAlone)
            {
                this.exclusive = false;
            }
            else
            {
                this.shared--;
            }

            this.Admit();
        }
    }

    private sealed class Pass(CheckGate owner, bool alone) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.left, 1) == 0)
            {
                owner.Leave(alone);
            }
        }
    }
}
