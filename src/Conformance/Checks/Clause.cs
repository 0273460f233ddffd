namespace Conformance.Checks;

/// <summary>One enforceable sentence of the contract, with a stable id.</summary>
/// <param name="Id">Stable id, e.g. <c>RRG-ARG-1</c>.</param>
/// <param name="Level">MUST or SHOULD.</param>
/// <param name="Text">What it requires, close to the source's words.</param>
/// <param name="Source">Where it comes from (the seed, or a section of the reference).</param>
internal sealed record Clause(string Id, ClauseLevel Level, string Text, string Source)
{
    /// <summary>Where the level comes from (MUST: the seed or VMware; SHOULD: an inference, an unconfirmed point, or robustness).</summary>
    public LevelBasis Basis { get; init; } = LevelBasis.Seed;

    /// <summary>Why the clause has its level, in one sentence naming the source's words.</summary>
    public string Why { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Basis"/> may carry <see cref="Level"/>.</summary>
    public bool LevelFitsBasis => this.Level == ClauseLevel.Must
        ? this.Basis is LevelBasis.Seed or LevelBasis.VmwareDocumentation or LevelBasis.VmwareTypes
        : this.Basis is LevelBasis.Inferred or LevelBasis.Unconfirmed or LevelBasis.Robustness;
}
