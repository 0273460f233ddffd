using System.Collections.Immutable;
using Harness.Wire;

namespace Conformance.Lifecycle;

/// <summary>
/// The model of one pair's group at one site: its id (followed through reversals), the states it may be in (one,
/// once observed), and what the model remembers of the operations done on it.
/// </summary>
internal sealed record LifecycleSide
{
    /// <summary>The group's current id.</summary>
    public required ReplicationGroupId Id { get; init; }

    /// <summary>The device group id the group had when the pair was discovered; with one prime per reversal it names the group in scripts.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the suite may call state-changing operations on it (the site's allowlist).</summary>
    public bool Changeable { get; init; }

    /// <summary>The states it may be in: one when known, several while an unconfirmed transition awaits its first reading; null when any state is acceptable (a transition the reference leaves open).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>The reading key (<see cref="LifecycleModel.ReadingKey"/>) its <see cref="States"/> came from, awaiting the observation that pins it; null when nothing is pending.</summary>
    public string? Pending { get; init; }

    /// <summary>How many times it was reversed in this sequence (its id renamed).</summary>
    public int Renames { get; init; }

    /// <summary>The id it had before its last reversal; null while it was never reversed.</summary>
    public ReplicationGroupId? Previous { get; init; }

    /// <summary>The operations that succeeded on its current id (a repeat of one of them may be answered AlreadyDone).</summary>
    public ImmutableHashSet<string> Done { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The operations that succeeded on <see cref="Previous"/> (the reversal that retired it included).</summary>
    public ImmutableHashSet<string> PreviousDone { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Whether an operation that prepares a pair (PrepareFailover, T6) succeeded on it since its twin last failed over.</summary>
    public bool Prepared { get; init; }

    /// <summary>TargetGroupInfo.isPromoteCapable as last read; null when not reported.</summary>
    public bool? PromoteCapable { get; init; }

    /// <summary>The state, when exactly one is possible.</summary>
    public string? Current => this.States is { Count: 1 } states ? states[0] : null;

    /// <summary>Its name in scripts: the discovered name with one prime per reversal (<c>rg-fo-1-b′</c>), stable whatever ids the provider makes up.</summary>
    public string Alias => AliasOf(this.Name, this.Renames);

    /// <summary>The name in scripts of its id before the last reversal.</summary>
    public string PreviousAlias => AliasOf(this.Name, Math.Max(0, this.Renames - 1));

    /// <summary>Whether <paramref name="state"/> is one the model allows.</summary>
    public bool Allows(string? state) => this.States is null || (state is not null && this.States.Contains(state, StringComparer.Ordinal));

    /// <summary>The allowed states in words: <c>TARGET</c>, <c>SOURCE or TARGET</c>, <c>any state</c>.</summary>
    public string DescribeStates() => this.States is null ? "any state" : this.States.Count == 0 ? "no state" : string.Join(" or ", this.States);

    /// <summary>A side known to be in <paramref name="state"/> (null: unknown, any state).</summary>
    public static LifecycleSide Of(ReplicationGroupId id, string? state, bool changeable, bool? promoteCapable = null) => new()
    {
        Id = id,
        Name = id.DeviceGroupId?.Id ?? id.Key,
        Changeable = changeable,
        States = state is null ? null : [state],
        PromoteCapable = promoteCapable,
    };

    private static string AliasOf(string name, int renames) => name + new string('′', renames);
}
