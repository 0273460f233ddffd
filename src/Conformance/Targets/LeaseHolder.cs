namespace Conformance.Targets;

/// <summary>
/// Who holds group leases: one per check (and per shared scenario or property case run inside it, whose holder's
/// parent is the check's). A holder may use the groups its ancestors hold; the flow's current holder is
/// <see cref="Current"/>.
/// </summary>
internal sealed class LeaseHolder
{
    private static readonly AsyncLocal<LeaseHolder?> CurrentHolder = new();

    /// <summary>Creates a holder under <paramref name="parent"/> (null: a check's own).</summary>
    public LeaseHolder(LeaseHolder? parent, string? name)
    {
        this.Parent = parent;
        this.Name = name ?? "an unnamed check";
    }

    /// <summary>The holder of the flow in progress (set by <see cref="Checks.CheckRunner"/>), or null outside any check.</summary>
    public static LeaseHolder? Current
    {
        get => CurrentHolder.Value;
        set => CurrentHolder.Value = value;
    }

    /// <summary>The holder this one runs inside (a check, for its shared scenario or property case), or null.</summary>
    public LeaseHolder? Parent { get; }

    /// <summary>What holds (for messages).</summary>
    public string Name { get; }

    /// <summary>Whether <paramref name="other"/> is this holder or one it runs inside.</summary>
    public bool IsOrIsInside(LeaseHolder other)
    {
        for (var h = this; h is not null; h = h.Parent)
        {
            if (ReferenceEquals(h, other))
            {
                return true;
            }
        }

        return false;
    }
}
