using System.ComponentModel.DataAnnotations;

namespace Harness.Profiles;

/// <summary>How the property-based checks run (profile <c>propertyTests</c>): a preset, and optionally an exact case count and seed.</summary>
internal sealed record PropertyTestSettings
{
    /// <summary>The preset with few cases (the default).</summary>
    public const string Quick = "quick";

    /// <summary>The preset with many more cases.</summary>
    public const string Thorough = "thorough";

    /// <summary>The settings used when the profile has no <c>propertyTests</c> block.</summary>
    public static PropertyTestSettings Default { get; } = new();

    /// <summary>The allowed values of <see cref="Preset"/>.</summary>
    public static IReadOnlyList<string> Presets { get; } = [Quick, Thorough];

    /// <summary><c>"quick"</c> or <c>"thorough"</c>. <value>Default: "quick".</value></summary>
    public string Preset { get; init; } = Quick;

    /// <summary>The number of generated cases, overriding the preset's. <value>Default: <c>null</c> (the preset decides); range 1..100000.</value></summary>
    [Range(1, 100000)]
    public int? Cases { get; init; }

    /// <summary>The generator seed, to replay a run. <value>Default: <c>null</c> (a fresh seed each run, reported).</value></summary>
    public ulong? Seed { get; init; }
}
