namespace Conformance.Checks;

/// <summary>One reading of an <see cref="UnconfirmedPoint"/> that the suite accepts.</summary>
/// <param name="Id">Stable id, unique within its point (e.g. <c>taskError</c>); checks name the reading they saw by it.</param>
/// <param name="Description">What a provider taking this reading does, and what the suite then expects, in one line.</param>
internal sealed record Reading(string Id, string Description);
