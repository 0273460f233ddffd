using System.Runtime.CompilerServices;

namespace Conformance.Lifecycle;

/// <summary>
/// Remembers, per generated sequence (by reference), the index of the command at which its case failed, so that the
/// shrinker's first candidate is the sequence cut right after it (the commands after a failure never ran).
/// </summary>
internal sealed class LifecycleFailurePoints
{
    private readonly ConditionalWeakTable<LifecycleCommand[], StrongBox<int>> points = [];

    /// <summary>Records that <paramref name="commands"/> failed at command <paramref name="index"/>.</summary>
    public void Record(LifecycleCommand[] commands, int index) => this.points.AddOrUpdate(commands, new StrongBox<int>(index));

    /// <summary>The index it failed at, if known.</summary>
    public int? Of(LifecycleCommand[] commands) => this.points.TryGetValue(commands, out var box) ? box.Value : null;
}
