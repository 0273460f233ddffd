namespace Conformance.Restore;

/// <summary>How one pair's round trip ended.</summary>
/// <param name="Goal">The pair as it was to be.</param>
/// <param name="Now">The pair as it reads at the end.</param>
/// <param name="Done">The calls made.</param>
/// <param name="Problem">Why it is not back; null when it is.</param>
internal sealed record RestoreResult(PairSnapshot Goal, PairSnapshot Now, IReadOnlyList<RestoreStep> Done, string? Problem)
{
    /// <summary>The calls a dry run would make (the route from <see cref="Now"/>); null when there is no route.</summary>
    public IReadOnlyList<RestoreStep>? Planned { get; init; }

    /// <summary>Whether the pair is back in its states.</summary>
    public bool Restored => this.Problem is null && this.Now.Matches(this.Goal);

    /// <summary>One line: what was done and where the pair is.</summary>
    public string Describe() => this.Problem is { } problem
        ? $"{this.Goal.Key}: not restored ({problem}); left as {this.Now}"
        : $"{this.Goal.Key}: {(this.Done.Count == 0 ? "already as it was" : "restored by " + RestorePlanner.Describe(this.Done))} ({this.Now})";
}
