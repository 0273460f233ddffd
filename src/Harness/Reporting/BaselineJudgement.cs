namespace Harness.Reporting;

/// <summary>What a baseline made of a run: the failures it accepts (check → entry) and its stale entries.</summary>
internal sealed record BaselineJudgement(string Source, IReadOnlyDictionary<string, BaselineEntry> Accepted, IReadOnlyList<string> Stale);
