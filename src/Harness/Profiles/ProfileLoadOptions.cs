namespace Harness.Profiles;

/// <summary>What the loader needs from the rest of the harness to validate a profile.</summary>
internal sealed record ProfileLoadOptions
{
    /// <summary>Options with no known deviations.</summary>
    public static ProfileLoadOptions Default { get; } = new();

    /// <summary>
    /// The names accepted in <c>simulator.deviations</c> (the deliberate contract breaks the simulator knows).
    /// <value>Default: empty, so any deviation name is an error.</value>
    /// </summary>
    public IReadOnlySet<string> KnownDeviations { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
