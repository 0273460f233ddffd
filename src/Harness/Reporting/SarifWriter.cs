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
/// SHOULD: level "warning", or "error" in strict mode), and, as kind "open" with level "none", every check left
/// inconclusive or not exercised. A result's ruleId is its clause id and its location a logical one,
/// <c>Conformance.{feature}.{check}</c> of kind "function". Passed and not-applicable checks give no result; the
/// run's properties count them. A run-level error makes the
/// invocation unsuccessful with an error notification. Every text passes through the <see cref="Redactor"/>.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string ToolName = "vasa-conformance";

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
    /// <param name="feature">The feature the checks belong to: locations "Conformance.{feature}.{check}".</param>
    /// <param name="informationUri">tool.driver.informationUri (an absolute URI), omitted when null.</param>
    /// <param name="toolVersion">tool.driver.version; <see cref="DefaultToolVersion"/> when null.</param>
    public static void Write(
        RunSummary summary,
        string path,
        Redactor redactor,
        string feature = JUnitWriter.DefaultFeature,
        Uri? informationUri = null,
        string? toolVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var log = Build(summary, redactor, feature, informationUri, toolVersion);
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
        string feature = JUnitWriter.DefaultFeature,
        Uri? informationUri = null,
        string? toolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
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
        var qualifier = "Conformance." + redactor.Redact(feature);

        // Rules in order of first appearance; ruleIndex points into this list.
        var clauses = checks.Select(c => c.ClauseId).Distinct(StringComparer.Ordinal).ToList();
        var rules = new JsonArray(clauses
            .Select(clause => (JsonNode)new JsonObject
            {
                ["id"] = clause,
                ["shortDescription"] = new JsonObject
                {
                    ["text"] = $"Clause {clause}: {string.Join(", ", checks.Where(c => c.ClauseId == clause).Select(c => c.Name).Distinct(StringComparer.Ordinal))}",
                },
            })
            .ToArray());

        var results = new JsonArray(checks
            .Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken or CheckOutcome.Warning or CheckOutcome.Inconclusive or CheckOutcome.NotExercised)
            .Select(c => (JsonNode)Result(c, clauses.IndexOf(c.ClauseId), qualifier, summary.BaselineJudgement?.Accepted.GetValueOrDefault(c.Name) ?? summary.BaselineJudgement?.AcceptedUnverified.GetValueOrDefault(c.Name), summary.Strict))
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
                    ["feature"] = redactor.Redact(feature),
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

    private static JsonObject Result(RunCheck check, int ruleIndex, string qualifier, BaselineEntry? known, bool strict)
    {
        var broken = check.Outcome == CheckOutcome.Broken;
        var detail = string.IsNullOrWhiteSpace(check.Message) ? RunSummaryWriter.OutcomeText(check.Outcome) : check.Message;

        // A defect is kind "fail": "error" for a MUST failure or a broken check, "warning" for a failed SHOULD (unless
        // strict). An unverified check (inconclusive, not exercised) is kind "open": the tool could not decide.
        var (kind, level) = check.Outcome switch
        {
            CheckOutcome.Warning => ("fail", strict ? "error" : "warning"),
            CheckOutcome.Inconclusive or CheckOutcome.NotExercised => ("open", "none"),
            _ => ("fail", "error"),
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
            ["kind"] = kind,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = broken ? $"{check.Name}: harness error: {detail}" : $"{check.Name}: {detail}" },
            ["locations"] = new JsonArray(new JsonObject
            {
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
