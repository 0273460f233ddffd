using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Security;

namespace Harness.Reporting;

/// <summary>
/// Writes out/conformance.sarif (SARIF 2.1.0) from a <see cref="RunSummary"/> for code-scanning style viewers: one run
/// whose tool.driver ("vasa-conformance") has one rule per clause id seen, and one result per defect: every failed
/// check (level "error"), every broken one (level "error", property <c>harnessError: true</c>), every warning (a failed
/// SHOULD: level "warning", or "error" in strict mode), and, at level "note", every check left inconclusive or not
/// exercised. A result's ruleId is its clause id; its physical location is the clause's row in the committed clause
/// document (docs/clauses.md), as GitHub code scanning requires, and its logical location
/// <c>Conformance.{operation}.{check}</c> of kind "function", the operation being the check's own. Each rule carries the clause text and a helpUri. Passed and
/// not-applicable checks give no result; the run's properties count them. A run-level error makes the
/// invocation unsuccessful with an error notification. Every text passes through the <see cref="Redactor"/>.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string ToolName = "vasa-conformance";

    /// <summary>The committed clause document, relative to the repository root: every result's physical location.</summary>
    public const string ClauseDocument = "docs/clauses.md";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The Harness assembly's informational version without its "+commit" suffix.</summary>
    public static string DefaultToolVersion { get; } = ToolVersion();

    /// <summary>Writes the log to <paramref name="path"/> atomically, creating its directory.</summary>
    /// <param name="summary">The run.</param>
    /// <param name="path">Where to write, normally out/conformance.sarif.</param>
    /// <param name="redactor">Masks secrets in everything written.</param>
    /// <param name="feature">The feature of the checks that name no operation (locations "Conformance.{feature}.{check}"); null: every check's own operation (locations "Conformance.{operation}.{check}"), and "Conformance.{check}" for one that names none.</param>
    /// <param name="informationUri">tool.driver.informationUri (an absolute URI), omitted when null.</param>
    /// <param name="toolVersion">tool.driver.version; <see cref="DefaultToolVersion"/> when null.</param>
    /// <param name="clauses">Clause id → where it is written down: rules get its text and helpUri, results its physical location.</param>
    public static void Write(
        RunSummary summary,
        string path,
        Redactor redactor,
        string? feature = null,
        Uri? informationUri = null,
        string? toolVersion = null,
        IReadOnlyDictionary<string, ClauseReference>? clauses = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var log = Build(summary, redactor, feature, informationUri, toolVersion, clauses);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(log.ToJsonString(Json) + "\n"));
    }

    /// <summary>The SARIF log, redacted.</summary>
    public static JsonObject Build(
        RunSummary summary,
        Redactor redactor,
        string? feature = null,
        Uri? informationUri = null,
        string? toolVersion = null,
        IReadOnlyDictionary<string, ClauseReference>? clauses = null)
    {
        clauses ??= new Dictionary<string, ClauseReference>();
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(redactor);
        if (feature is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        }

        if (informationUri is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("informationUri must be absolute.", nameof(informationUri));
        }

        var checks = summary.Checks
            .Select(c => c with { Name = redactor.Redact(c.Name), ClauseId = redactor.Redact(c.ClauseId), Message = c.Message is null ? null : redactor.Redact(c.Message) })
            .ToList();
        var error = summary.Error;
        var counts = RunCounts.From(checks);
        var verdict = summary.Verdict;
        var qualifier = JUnitWriter.Qualified(feature is null ? null : redactor.Redact(feature));

        // Rules in order of first appearance; ruleIndex points into this list.
        var ruleIds = checks.Select(c => c.ClauseId).Distinct(StringComparer.Ordinal).ToList();
        var rules = new JsonArray(ruleIds.Select(clause => (JsonNode)Rule(clause, clauses.GetValueOrDefault(clause), checks, redactor)).ToArray());

        // The baseline is judged once for the log, not once per result.
        var judgement = summary.BaselineJudgement;
        var results = new JsonArray(checks
            .Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken or CheckOutcome.RestoreFailed or CheckOutcome.Warning or CheckOutcome.Inconclusive or CheckOutcome.NotExercised)
            .Select(c => (JsonNode)Result(c, ruleIds.IndexOf(c.ClauseId), c.Feature is null ? qualifier : JUnitWriter.Qualified(redactor.Redact(c.Feature)), judgement?.Accepted.GetValueOrDefault(c.Name) ?? judgement?.AcceptedUnverified.GetValueOrDefault(c.Name), summary.Strict, clauses.GetValueOrDefault(c.ClauseId)))
            .ToArray());

        var driver = new JsonObject { ["name"] = ToolName };
        if (informationUri is not null)
        {
            driver["informationUri"] = informationUri.AbsoluteUri;
        }

        driver["version"] = toolVersion ?? DefaultToolVersion;
        driver["rules"] = rules;

        var invocation = new JsonObject { ["executionSuccessful"] = error is null };
        if (error is not null)
        {
            invocation["exitCode"] = error.ExitCode;
            invocation["toolExecutionNotifications"] = new JsonArray(new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject { ["text"] = $"The run could not reach a verdict (exit code {error.ExitCode}): {redactor.Redact(error.Reason)}" },
            });
        }

        if (summary.StartedAt != default)
        {
            invocation["startTimeUtc"] = Timestamp(summary.StartedAt);
        }

        if (summary.FinishedAt != default)
        {
            invocation["endTimeUtc"] = Timestamp(summary.FinishedAt);
        }

        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = driver },
                ["invocations"] = new JsonArray(invocation),
                ["results"] = results,
                ["properties"] = new JsonObject
                {
                    ["profile"] = redactor.Redact(summary.Profile),
                    ["target"] = redactor.Redact(summary.Target),
                    ["feature"] = redactor.Redact(feature ?? JUnitWriter.Features(summary.Checks)),
                    ["verdict"] = RunSummaryWriter.VerdictText(verdict.Verdict),
                    ["headline"] = verdict.Headline,
                    ["exitCode"] = verdict.ExitCode,
                    ["passed"] = counts.Passed,
                    ["failed"] = counts.Failed,
                    ["warnings"] = counts.Warnings,
                    ["broken"] = counts.Broken,
                    ["inconclusive"] = counts.Inconclusive,
                    ["notExercised"] = counts.NotExercised,
                    ["notApplicable"] = counts.NotApplicable,
                },
            }),
        };
    }

    /// <summary>A rule per clause: its text as the full description, its level, and a page about it (helpUri).</summary>
    private static JsonObject Rule(string clause, ClauseReference? reference, IReadOnlyList<RunCheck> checks, Redactor redactor)
    {
        var names = string.Join(", ", checks.Where(c => c.ClauseId == clause).Select(c => c.Name).Distinct(StringComparer.Ordinal));
        var rule = new JsonObject
        {
            ["id"] = clause,
            ["name"] = clause.Replace("-", string.Empty, StringComparison.Ordinal),
            ["shortDescription"] = new JsonObject { ["text"] = reference is null ? $"Clause {clause}: {names}" : $"{clause} ({reference.Level}): {FirstSentence(redactor.Redact(reference.Text))}" },
            ["fullDescription"] = new JsonObject { ["text"] = reference is null ? $"Clause {clause}, checked by {names}." : $"{clause} ({reference.Level}): {redactor.Redact(reference.Text)} Checked by {names}." },
        };
        if (reference is not null)
        {
            rule["helpUri"] = reference.HelpUri.AbsoluteUri;
            rule["help"] = new JsonObject { ["text"] = $"{redactor.Redact(reference.Text)} See {reference.Document}, line {reference.Line}." };
            rule["defaultConfiguration"] = new JsonObject { ["level"] = reference.Level == "MUST" ? "error" : "warning" };
            rule["properties"] = new JsonObject { ["tags"] = new JsonArray((JsonNode)reference.Level, "conformance") };
        }

        return rule;
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    private static JsonObject Result(RunCheck check, int ruleIndex, string qualifier, BaselineEntry? known, bool strict, ClauseReference? reference)
    {
        var broken = check.Outcome is CheckOutcome.Broken or CheckOutcome.RestoreFailed;
        var detail = string.IsNullOrWhiteSpace(check.Message) ? RunSummaryWriter.OutcomeText(check.Outcome) : check.Message;

        // Levels as GitHub code scanning reads them: "error" for a MUST failure or a broken check, "warning" for a failed
        // SHOULD (unless strict), "note" for a check left inconclusive or not exercised (the tool could not decide).
        var level = check.Outcome switch
        {
            CheckOutcome.Warning => strict ? "error" : "warning",
            CheckOutcome.Inconclusive or CheckOutcome.NotExercised => "note",
            _ => "error",
        };
        var fullyQualifiedName = qualifier + "." + check.Name;
        var properties = new JsonObject
        {
            ["outcome"] = RunSummaryWriter.OutcomeText(check.Outcome),
            ["level"] = check.Level == RequirementLevel.Must ? "MUST" : "SHOULD",
            ["durationMs"] = check.DurationMs,
        };
        if (broken)
        {
            properties["harnessError"] = true;
        }

        var result = new JsonObject
        {
            ["ruleId"] = check.ClauseId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = broken ? $"{check.Name}: harness error: {detail}" : $"{check.Name}: {detail}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                // Code scanning needs a physical location: the clause's row in the committed clause document.
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = reference?.Document ?? ClauseDocument, ["uriBaseId"] = "%SRCROOT%" },
                    ["region"] = new JsonObject { ["startLine"] = reference?.Line ?? 1 },
                },
                ["logicalLocations"] = new JsonArray(new JsonObject
                {
                    ["name"] = check.Name,
                    ["fullyQualifiedName"] = fullyQualifiedName,
                    ["kind"] = "function",
                }),
            }),
            // Stable across runs (check and clause, not the message), so viewers can track a defect between runs.
            ["partialFingerprints"] = new JsonObject { ["conformanceCheck/v1"] = Sha256(fullyQualifiedName + "\n" + check.ClauseId) },
            ["properties"] = properties,
        };
        if (known is not null)
        {
            // A failure the baseline accepts stays a result, marked as suppressed with the baseline's reason.
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = $"known failure until {known.Expires:yyyy-MM-dd}: {known.Reason}",
            });
        }

        return result;
    }

    private static string ToolVersion()
    {
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SarifWriter).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
