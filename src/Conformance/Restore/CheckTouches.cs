using System.Collections.Concurrent;

namespace Conformance.Restore;

/// <summary>
/// The pairs one check changed, each as it read before the check's first state-changing call on it: what the check's
/// round trip brings back. Shared by the check's scopes at both sites.
/// </summary>
internal sealed class CheckTouches
{
    private readonly ConcurrentDictionary<string, PairSnapshot> pairs = new(StringComparer.Ordinal);

    /// <summary>The pairs, as they were before the check changed them.</summary>
    public IReadOnlyList<PairSnapshot> Pairs => [.. this.pairs.Values];

    /// <summary>Whether this scope restores nothing (a generated case on the embedded simulator, which is reset before the next case).</summary>
    public bool Off { get; set; }

    /// <summary>Whether the check is restoring now: its calls are the round trip's, not the check's own, and are not recorded as touches.</summary>
    public bool Restoring { get; set; }

    /// <summary>A failed restore the check inherits from a shared scenario it read (the scenario's own round trip); null when none.</summary>
    public string? Inherited { get; set; }

    /// <summary>Whether a recorded pair holds the group <paramref name="key"/> (as it was read).</summary>
    public bool Covers(string key) => this.pairs.Values.Any(p => p.Holds(key));

    /// <summary>Records a pair unless one with its key is recorded already; returns whether it was new.</summary>
    public bool Add(PairSnapshot pair) => this.pairs.TryAdd(pair.Key, pair);
}
