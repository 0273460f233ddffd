namespace Conformance.Checks;

/// <summary>One enforceable sentence of the contract, with a stable id.</summary>
/// <param name="Id">Stable id, e.g. <c>RRG-ARG-1</c>.</param>
/// <param name="Level">MUST or SHOULD.</param>
/// <param name="Text">What it requires, close to the source's words.</param>
/// <param name="Source">Where it comes from (the seed, or a section of the reference).</param>
internal sealed record Clause(string Id, ClauseLevel Level, string Text, string Source);
