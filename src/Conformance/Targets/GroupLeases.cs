namespace Conformance.Targets;

/// <summary>
/// The run's group leases, shared by a target and its <see cref="ConformanceTarget.PeerSide"/>: a check that picks a
/// group leases it (and its twin at the other site) until it ends, so that checks running at once against one real
/// provider work on disjoint groups. Keys name the site and the group (<see cref="ConformanceTarget.LeaseKey"/>).
/// Thread-safe.
/// </summary>
internal sealed class GroupLeases
{
    private readonly object gate = new();
    private readonly Dictionary<string, LeaseHolder> held = new(StringComparer.Ordinal);
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next release: capture it before trying, then await it to wait for a group to come free.</summary>
    public Task NextRelease
    {
        get
        {
            lock (this.gate)
            {
                return this.released.Task;
            }
        }
    }

    /// <summary>How many groups are leased now.</summary>
    public int Count
    {
        get
        {
            lock (this.gate)
            {
                return this.held.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="holder"/> may use the group: nobody holds it, or the holder or a check it runs inside does.</summary>
    public bool IsFreeFor(LeaseHolder holder, string key)
    {
        lock (this.gate)
        {
            return !this.held.TryGetValue(key, out var owner) || holder.IsOrIsInside(owner);
        }
    }

    /// <summary>Who holds the group, or null.</summary>
    public LeaseHolder? HolderOf(string key)
    {
        lock (this.gate)
        {
            return this.held.GetValueOrDefault(key);
        }
    }

    /// <summary>Leases every key to <paramref name="holder"/>, or none when one of them is held by another check; keys it (or a check it runs inside) holds already stay as they are.</summary>
    public bool TryLease(LeaseHolder holder, IEnumerable<string> keys)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        lock (this.gate)
        {
            if (wanted.Any(k => this.held.TryGetValue(k, out var owner) && !holder.IsOrIsInside(owner)))
            {
                return false;
            }

            foreach (var key in wanted.Where(k => !this.held.ContainsKey(k)))
            {
                this.held[key] = holder;
            }

            return true;
        }
    }

    /// <summary>The keys <paramref name="holder"/> itself holds.</summary>
    public IReadOnlyList<string> HeldBy(LeaseHolder holder)
    {
        lock (this.gate)
        {
            return [.. this.held.Where(kv => ReferenceEquals(kv.Value, holder)).Select(kv => kv.Key)];
        }
    }

    /// <summary>Whether a check other than <paramref name="holder"/> (or one it runs inside) holds a group now.</summary>
    public bool HeldByOthers(LeaseHolder holder)
    {
        lock (this.gate)
        {
            return this.held.Values.Any(owner => !holder.IsOrIsInside(owner));
        }
    }

    /// <summary>Releases every lease of <paramref name="holder"/> (at the end of its check) and wakes the checks waiting for a group.</summary>
    public void Release(LeaseHolder holder)
    {
        TaskCompletionSource? wake = null;
        lock (this.gate)
        {
            var mine = this.held.Where(kv => ReferenceEquals(kv.Value, holder)).Select(kv => kv.Key).ToList();
            foreach (var key in mine)
            {
                this.held.Remove(key);
            }

            if (mine.Count > 0)
            {
                wake = this.released;
                this.released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        wake?.TrySetResult();
    }
}
