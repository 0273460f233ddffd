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

    /// <summary>VMware's Storage Monitoring Service API reference: one page per VMODL type, named after it (e.g. sms.fault.TooMany.html).</summary>
    private const string SmsTypePage = "https://developer.broadcom.com/xapis/vcenter-storage-monitoring-service-api/latest/{0}.html";

    /// <summary>VMware's page of one VasaProvider operation.</summary>
    private const string OperationPage = "https://developer.broadcom.com/xapis/virtual-infrastructure-json-api/latest/sdk/vim25/release/sms/VasaProvider/moId/{0}/post";

    /// <summary>Wire name → VMODL name of every sms.* data type and enum in VMware's type catalogue (declared before <see cref="All"/>, which uses it: static fields initialise in order).</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> SmsTypes = new(() =>
        Harness.Oracle.TypeCatalogue.Default.DataTypes.Select(t => (t.Wsdl, t.Name))
            .Concat(Harness.Oracle.TypeCatalogue.Default.Enums.Select(e => (e.Wsdl, e.Name)))
            .Where(t => t.Name.StartsWith("sms.", StringComparison.Ordinal))
            .DistinctBy(t => t.Wsdl)
            .ToDictionary(t => t.Wsdl, t => t.Name, StringComparer.Ordinal));

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
                var (topic, page) = VmwareSection(clause, catalogue.Feature);
                var help = hosted is not null ? new Uri($"{hosted}#L{line}") : page;
                references[clause.Id] = new ClauseReference(clause.Text, clause.Level == ClauseLevel.Must ? "MUST" : "SHOULD", Document, line, help, page, topic);
            }
        }

        return references;
    }

    /// <summary>VMware's page for an operation, or the SMS API page for a feature that is not one.</summary>
    public static string ApiPage(string feature) =>
        feature.Contains('_', StringComparison.Ordinal) || feature.StartsWith("Query", StringComparison.Ordinal)
            ? string.Format(CultureInfo.InvariantCulture, OperationPage, feature)
            : SmsApiPage;

    /// <summary>
    /// The clause's own section of VMware's documentation: the SMS API page of the first SMS type the clause's text
    /// names (by its wire name, as the type catalogue spells it: TooMany, GroupErrorResult, SmsTaskInfo…), else the
    /// operation's page. Only sms.* types have pages in the SMS API reference, so vim and vmodl faults fall back.
    /// </summary>
    public static (string Topic, Uri Page) VmwareSection(Clause clause, string feature)
    {
        var named = SmsTypes.Value
            .Select(t => (Type: t, At: WordAt(clause.Text, t.Key)))
            .Where(t => t.At >= 0)
            .OrderBy(t => t.At)
            .ThenByDescending(t => t.Type.Key.Length)
            .FirstOrDefault();
        return named.Type.Key is { } wsdl
            ? (wsdl, new Uri(string.Format(CultureInfo.InvariantCulture, SmsTypePage, named.Type.Value)))
            : (feature, new Uri(ApiPage(feature)));
    }

    /// <summary>Where <paramref name="word"/> first stands as a whole word in <paramref name="text"/>, or -1.</summary>
    private static int WordAt(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The hosted clause document: VASA_DOCS_URL, else the CI's GitHub repository view at the run's commit; null when neither is known.</summary>
    private static string? HostedDocument(Func<string, string?> env) =>
        env("VASA_DOCS_URL") is { Length: > 0 } docs && Uri.IsWellFormedUriString(docs, UriKind.Absolute) ? docs
        : env("GITHUB_SERVER_URL") is { Length: > 0 } server && env("GITHUB_REPOSITORY") is { Length: > 0 } repo
            ? $"{server}/{repo}/blob/{env("GITHUB_SHA") ?? "HEAD"}/{Document}"
            : null;
}
