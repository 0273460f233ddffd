using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.Checks;
using Harness.Reporting;

namespace Conformance.Run;

/// <summary>
/// The traceability matrix: each clause, the checks that enforce it, and their outcomes in this run; a clause no
/// check covers is listed as a gap. Written as out/traceability.{md,json} and as one report entry.
/// </summary>
internal static class Traceability
{
    /// <summary>One row.</summary>
    /// <param name="Feature">The operation.</param>
    /// <param name="Clause">The clause.</param>
    /// <param name="Checks">Each check and its outcome (null when it did not run).</param>
    /// <remarks>Each check is its name (as shown) with its key (<c>{operation}.{name}</c>, what the report's links find it by).</remarks>
    internal sealed record Row(string Feature, Clause Clause, IReadOnlyList<(string Check, CheckOutcome? Outcome)> Checks)
    {
        /// <summary>The key of each check, in the order of <see cref="Checks"/>.</summary>
        public IReadOnlyList<string> Keys { get; init; } = [];

        /// <summary>No check covers the clause.</summary>
        public bool IsGap => this.Checks.Count == 0;
    }

    /// <summary>The rows for every catalogue, with the outcomes of the checks that ran.</summary>
    public static IReadOnlyList<Row> Build(IEnumerable<Catalogue> catalogues, IReadOnlyList<RunCheck> ran) =>
        catalogues.SelectMany(cat => cat.Clauses.Select(clause => new Row(
            cat.Feature,
            clause,
            cat.Checks.Where(k => k.Clauses.Contains(clause))
                .Select(k => (k.Name, ran.FirstOrDefault(r => r.Name == k.Key)?.Outcome))
                .ToList())
        {
            Keys = cat.Checks.Where(k => k.Clauses.Contains(clause)).Select(k => k.Key).ToList(),
        })).ToList();

    /// <summary>Markdown.</summary>
    public static string ToMarkdown(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder("# Traceability matrix\n\n| clause | level | text | checks (outcome) |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var checks = row.IsGap ? "**gap: no check**" : string.Join("<br>", row.Checks.Select(c => $"`{c.Check}` ({Outcome(c.Outcome)})"));
            text.Append(CultureInfo.InvariantCulture, $"| {row.Clause.Id} | {row.Clause.Level.ToString().ToUpperInvariant()} | {row.Clause.Text.Replace("|", "\\|", StringComparison.Ordinal)} | {checks} |\n");
        }

        var gaps = rows.Where(r => r.IsGap).ToList();
        text.Append(CultureInfo.InvariantCulture, $"\n{rows.Count} clauses, {gaps.Count} gap(s){(gaps.Count > 0 ? ": " + string.Join(", ", gaps.Select(g => $"{g.Clause.Id} ({g.Clause.Source})")) : string.Empty)}.\n");
        return text.ToString();
    }

    /// <summary>The catalogue as documentation: clause, level, text, source and checks, without outcomes (docs/clauses.md).</summary>
    public static string CatalogueMarkdown(IEnumerable<Catalogue> catalogues)
    {
        var text = new StringBuilder("# Clauses and checks\n\nGenerated from the catalogues in src/Conformance (`dotnet src/Conformance/bin/Release/net10.0/Conformance.dll catalogue > docs/clauses.md`); a test keeps it current.\n\nLevels: **MUST** only where the seed or VMware (its documentation or its type definitions) states the requirement; a failed MUST fails the gate, and a MUST left unverified makes the run INCOMPLETE. **SHOULD** where the reference infers it, marks it unconfirmed, or asks for robustness beyond the documented contract; a failed SHOULD is a warning, which fails the gate only with `--strict`.\n");
        foreach (var cat in catalogues)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {cat.Feature}\n\n| clause | level | why this level | text | source | checks |\n|---|---|---|---|---|---|\n");
            foreach (var row in Build([cat], []))
            {
                var checks = row.IsGap ? "**gap: no check yet**" : string.Join("<br>", row.Checks.Select(c => $"`{c.Check}`"));
                text.Append(CultureInfo.InvariantCulture, $"| {row.Clause.Id} | {row.Clause.Level.ToString().ToUpperInvariant()} | {BasisText(row.Clause.Basis)}: {row.Clause.Why.Replace("|", "\\|", StringComparison.Ordinal)} | {row.Clause.Text.Replace("|", "\\|", StringComparison.Ordinal)} | {row.Clause.Source} | {checks} |\n");
            }

            text.Append(UnconfirmedPoint.Markdown(cat.Feature, cat.Unconfirmed));
        }

        return text.ToString();
    }

    /// <summary>The basis of a level, in words.</summary>
    internal static string BasisText(LevelBasis basis) => basis switch
    {
        LevelBasis.Seed => "the seed states it",
        LevelBasis.VmwareDocumentation => "VMware's documentation states it",
        LevelBasis.VmwareTypes => "VMware's type definitions state it",
        LevelBasis.Inferred => "inferred by the reference",
        LevelBasis.Unconfirmed => "unconfirmed",
        _ => "robustness beyond the contract",
    };

    /// <summary>The link to the clause's own section of VMware's documentation.</summary>
    private static string Vmware(string clauseId) => ClauseReferences.All.TryGetValue(clauseId, out var reference)
        ? $"<a href=\"{WebUtility.HtmlEncode(reference.VmwarePage.AbsoluteUri)}\">{WebUtility.HtmlEncode(reference.VmwareTopic)}</a>"
        : string.Empty;

    /// <summary>
    /// HTML, a page of its own (out/traceability.html, copied into the report): the rows that need attention first
    /// (a failed, broken or warning check, then an unverified one), each row anchored by its clause id.
    /// </summary>
    public static string ToHtml(IReadOnlyList<Row> rows)
    {
        static int Attention(Row row) =>
            row.Checks.Any(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken) ? 0
            : row.Checks.Any(c => c.Outcome == CheckOutcome.Warning) ? 1
            : row.Checks.Any(c => c.Outcome is CheckOutcome.Inconclusive or CheckOutcome.NotExercised) || row.IsGap ? 2
            : 3;
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Traceability matrix</title><style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}table{border-collapse:collapse}.gap{background:#fde2e2}.failed,.broken{color:#b00}.warning{color:#a60}.passed{color:#070}.inconclusive{color:#7b3fa0}.not.exercised{color:#555}.not.applicable{color:#999;font-style:italic}:target{outline:2px solid #36c}</style></head><body><h1>Traceability matrix</h1><p>Clauses that need attention first: failed or broken, then warnings, then unverified.</p><table><tr><th>clause</th><th>level</th><th>text</th><th>checks</th><th>VMware</th></tr>");
        foreach (var row in rows.OrderBy(Attention))
        {
            // Each check links to its page in the report, out/report/index.html (scripts/render-report.sh fills in the
            // report's id of the check, and makes the link relative to the copy it ships inside the report).
            var checks = row.IsGap ? "<b>gap: no check</b>" : string.Join("<br>", row.Checks.Select((c, i) => $"<a class=\"{Outcome(c.Outcome)}\" data-check=\"{WebUtility.HtmlEncode(row.Keys.Count > i ? row.Keys[i] : c.Check)}\" href=\"report/index.html\">{WebUtility.HtmlEncode(c.Check)}</a> <span class=\"{Outcome(c.Outcome)}\">({Outcome(c.Outcome)})</span>"));
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{row.Clause.Id}\" class=\"{(row.IsGap ? "gap" : string.Empty)}\"><td><a href=\"#{row.Clause.Id}\">{row.Clause.Id}</a></td><td>{row.Clause.Level.ToString().ToUpperInvariant()}</td><td>{WebUtility.HtmlEncode(row.Clause.Text)}<br><small>{WebUtility.HtmlEncode(row.Clause.Source)}</small></td><td>{checks}</td><td>{Vmware(row.Clause.Id)}</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    /// <summary>JSON.</summary>
    public static string ToJson(IReadOnlyList<Row> rows) => JsonSerializer.Serialize(
        rows.Select(r => new
        {
            feature = r.Feature,
            clause = r.Clause.Id,
            level = r.Clause.Level.ToString().ToUpperInvariant(),
            levelBasis = BasisText(r.Clause.Basis),
            why = r.Clause.Why,
            text = r.Clause.Text,
            source = r.Clause.Source,
            gap = r.IsGap,
            checks = r.Checks.Select(c => new { name = c.Check, outcome = Outcome(c.Outcome) }),
        }),
        new JsonSerializerOptions { WriteIndented = true });

    private static string Outcome(CheckOutcome? outcome) => outcome is { } o ? RunSummaryWriter.OutcomeText(o).Replace('-', ' ') : "not run";
}
