using System.Globalization;
using Conformance.Checks;
using Harness.Reporting;

namespace Conformance.Run;

/// <summary>
/// Where each clause is written down: its row in the committed docs/clauses.md (generated from the catalogues, and
/// kept current by a test, so the line numbers hold in the repository) and an absolute page about it. No
/// machine-local path: without a hosted clause document the page is the operation's VMware API reference.
/// </summary>
internal static class ClauseReferences
{
    /// <summary>The committed clause document, relative to the repository root.</summary>
    public const string Document = SarifWriter.ClauseDocument;

    /// <summary>VMware's page of the SMS VasaProvider API, for clauses that belong to no single operation.</summary>
    public const string SmsApiPage = "https://developer.broadcom.com/xapis/virtual-infrastructure-json-api/latest/storage-monitoring-service/vasa-provider";

    /// <summary>VMware's page of one VasaProvider operation.</summary>
    private const string OperationPage = "https://developer.broadcom.com/xapis/virtual-infrastructure-json-api/latest/sdk/vim25/release/sms/VasaProvider/moId/{0}/post";

    /// <summary>Every clause of every catalogue, by id.</summary>
    public static IReadOnlyDictionary<string, ClauseReference> All { get; } = Build(Environment.GetEnvironmentVariable);

    /// <summary>Builds the references; <paramref name="env"/> names where the clause document is hosted (VASA_DOCS_URL, or GitHub's variables).</summary>
    public static IReadOnlyDictionary<string, ClauseReference> Build(Func<string, string?> env)
    {
        var lines = Traceability.CatalogueMarkdown(Catalogue.All).Split('\n');
        var hosted = HostedDocument(env);
        var references = new Dictionary<string, ClauseReference>(StringComparer.Ordinal);
        foreach (var catalogue in Catalogue.All)
        {
            foreach (var clause in catalogue.Clauses)
            {
                var line = Array.FindIndex(lines, l => l.StartsWith($"| {clause.Id} |", StringComparison.Ordinal)) + 1;
                var help = hosted is not null ? new Uri($"{hosted}#L{line}") : new Uri(ApiPage(catalogue.Feature));
                references[clause.Id] = new ClauseReference(clause.Text, clause.Level == ClauseLevel.Must ? "MUST" : "SHOULD", Document, line, help);
            }
        }

        return references;
    }

    /// <summary>VMware's page for an operation, or the SMS API page for a feature that is not one.</summary>
    public static string ApiPage(string feature) =>
        feature.Contains('_', StringComparison.Ordinal) || feature.StartsWith("Query", StringComparison.Ordinal)
            ? string.Format(CultureInfo.InvariantCulture, OperationPage, feature)
            : SmsApiPage;

    /// <summary>The hosted clause document: VASA_DOCS_URL, else the CI's GitHub repository view at the run's commit; null when neither is known.</summary>
    private static string? HostedDocument(Func<string, string?> env) =>
        env("VASA_DOCS_URL") is { Length: > 0 } docs && Uri.IsWellFormedUriString(docs, UriKind.Absolute) ? docs
        : env("GITHUB_SERVER_URL") is { Length: > 0 } server && env("GITHUB_REPOSITORY") is { Length: > 0 } repo
            ? $"{server}/{repo}/blob/{env("GITHUB_SHA") ?? "HEAD"}/{Document}"
            : null;
}
