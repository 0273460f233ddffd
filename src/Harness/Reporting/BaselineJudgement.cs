namespace Harness.Reporting;

/// <summary>What a baseline made of a run: the failures it accepts (check → entry), the MUST checks it accepts as unverified (check → entry), and its stale entries.</summary>
internal sealed record BaselineJudgement(string Source, IReadOnlyDictionary<string, BaselineEntry> Accepted, IReadOnlyList<string> Stale)
{
    /// <summary>Inconclusive or broken MUST checks an acceptedUnverified entry covers.</summary>
    public IReadOnlyDictionary<string, BaselineEntry> AcceptedUnverified { get; init; } = new Dictionary<string, BaselineEntry>();
}
