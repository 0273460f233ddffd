using System.Collections.Concurrent;

namespace Conformance.Restore;

/// <summary>
/// The run's restore record, shared by a target and its peer side: each pair as the run first found it (what
/// <c>./run.sh restore</c> returns it to), and whether a failed restore stopped the run from changing state.
/// </summary>
internal sealed class RestoreLedger
{
    private readonly ConcurrentDictionary<string, PairSnapshot> initial = new(StringComparer.Ordinal);
    private string? halted;

    /// <summary>Each pair the run changed, as it was before the run's first change to it.</summary>
    public IReadOnlyList<PairSnapshot> Initial => [.. this.initial.Values];

    /// <summary>Why the run stopped changing state (a restore failed on a real provider); null while it may go on.</summary>
    public string? Halted => Volatile.Read(ref this.halted);

    /// <summary>Records a pair as the run first found it; false when the run knew it already.</summary>
    public bool TryAddInitial(PairSnapshot pair) => this.initial.TryAdd(pair.Key, pair);

    /// <summary>Stops every later state-changing call of the run (the first reason stands).</summary>
    public void Halt(string reason) => Interlocked.CompareExchange(ref this.halted, reason, null);
}
