namespace Conformance.Checks;

/// <summary>
/// What a check needs of the allowlisted groups, declared before the run so the plan can count them: at which site,
/// in which state, how many, and whether it consumes them (an irreversible call: the group is gone for later checks of
/// a one-site run) or only reads them (the group is there for the next check too, so readers share it).
/// </summary>
/// <param name="Site">Where the groups are taken.</param>
/// <param name="State">The replication state they must be in.</param>
/// <param name="Count">How many it takes at most (or, for <see cref="Rest"/>, at least).</param>
/// <param name="Consumes">Whether it changes them for good (Reverse, Failover, Promote) rather than only reading them or moving them reversibly.</param>
internal sealed record GroupNeed(GroupSite Site, string State, int Count, bool Consumes)
{
    /// <summary>The fewest it can work with (a success scenario sends up to two groups, one is enough).</summary>
    public int Minimum { get; init; } = Count;

    /// <summary>Other states that serve as well (a refusal check takes a group in any of its wrong states).</summary>
    public IReadOnlyList<string> Or { get; init; } = [];

    /// <summary>Whether it takes every group still in the state (a generated property: its batches draw from the whole allowlist).</summary>
    public bool Rest { get; init; }

    /// <summary>The shared scenario that takes the groups once for every check that reads it (e.g. <c>success</c>), or null for the check's own.</summary>
    public string? Shared { get; init; }

    /// <summary>The operation that consumes or reads them, when not the check's own (the lifecycle model calls them all); its check is skipped where the profile declares it unimplemented.</summary>
    public string? Operation { get; init; }

    /// <summary>Every state that serves, the main one first.</summary>
    public IEnumerable<string> States => this.Or.Prepend(this.State);

    /// <summary>The need in words, e.g. <c>consumes 2 FAILEDOVER (success scenario)</c>.</summary>
    public string Describe() =>
        $"{(this.Consumes ? "consumes" : "reads")} {(this.Rest ? "every remaining" : this.Minimum < this.Count ? $"{this.Minimum}-{this.Count}" : this.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} {string.Join("|", this.States)}{(this.Site == GroupSite.Either ? string.Empty : " at the " + (this.Site == GroupSite.Tested ? "tested site" : "peer"))}{(this.Shared is null ? string.Empty : $" ({this.Shared} scenario, shared)")}";
}
