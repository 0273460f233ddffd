using System.Globalization;
using System.Text;

namespace Conformance.Checks;

/// <summary>
/// A point the sources leave unconfirmed, written down once with every reading the suite accepts. Every check that
/// meets the point judges it by the same rule and notes which reading it saw (<see cref="Note"/>), so no check fails
/// a reading another accepts. docs/clauses.md lists the points after each feature's clauses.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>U-GROUP-ERROR</c>.</param>
/// <param name="Question">What is unconfirmed, as a question.</param>
/// <param name="Source">Where the sources leave it open.</param>
/// <param name="Readings">Every accepted reading, the expected one (if any) first.</param>
internal sealed record UnconfirmedPoint(string Id, string Question, string Source, IReadOnlyList<Reading> Readings)
{
    /// <summary>The clauses whose checks meet the point (and judge it by the same rule).</summary>
    public IReadOnlyList<Clause> MetIn { get; init; } = [];

    /// <summary>How the embedded simulator is made to take each reading, when it can be.</summary>
    public string? Simulator { get; init; }

    /// <summary>The note recording that the reading was seen, worded the same in every check: <c>[id] reading 'x' seen: detail</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The point has no such reading (a harness error).</exception>
    public string Seen(string readingId, string detail)
    {
        if (this.Readings.All(r => r.Id != readingId))
        {
            throw new ArgumentOutOfRangeException(nameof(readingId), readingId, $"{this.Id} has no reading '{readingId}'");
        }

        return $"[{this.Id}] reading '{readingId}' seen: {detail}";
    }

    /// <summary>Notes in the check that the reading was seen.</summary>
    public void Note(CheckScope s, string readingId, string detail) => s.Note(this.Seen(readingId, detail));

    /// <summary>The points as a markdown section for the catalogue's documentation; empty when there are none.</summary>
    public static string Markdown(string feature, IReadOnlyList<UnconfirmedPoint> points)
    {
        if (points.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"\n### Unconfirmed points of {feature}\n\nEvery reading listed is accepted, by the same rule in every check that meets the point; each check notes the reading it saw (`[point] reading 'x' seen: …`).\n\n| point | question | source | readings accepted | met in |\n|---|---|---|---|---|\n");
        foreach (var point in points)
        {
            var readings = string.Join("<br>", point.Readings.Select(r => $"`{r.Id}`: {Cell(r.Description)}"));
            var simulator = point.Simulator is null ? string.Empty : $"<br>simulator: {Cell(point.Simulator)}";
            text.Append(CultureInfo.InvariantCulture, $"| {point.Id} | {Cell(point.Question)} | {Cell(point.Source)} | {readings}{simulator} | {string.Join(", ", point.MetIn.Select(c => c.Id))} |\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
