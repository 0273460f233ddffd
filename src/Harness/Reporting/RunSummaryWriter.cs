using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Security;

namespace Harness.Reporting;

/// <summary>Writes out/summary.json: camelCase, indented, redacted, atomic. CI gates on this file, not on Allure.</summary>
internal static class RunSummaryWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RunSummary summary, string path, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(redactor);

        var checks = summary.Checks;
        var counts = RunCounts.From(checks);
        var verdict = summary.Verdict;
        var judgement = summary.BaselineJudgement;
        var json = new JsonObject
        {
            ["profile"] = redactor.Redact(summary.Profile),
            ["target"] = redactor.Redact(summary.Target),
            ["provider"] = new JsonObject
            {
                ["name"] = summary.ProviderName is null ? null : redactor.Redact(summary.ProviderName),
                ["version"] = summary.ProviderVersion is null ? null : redactor.Redact(summary.ProviderVersion),
            },
            ["verdict"] = VerdictText(verdict.Verdict),
            ["headline"] = verdict.Headline,
            ["exitCode"] = verdict.ExitCode,
            ["reason"] = verdict.Reason is null ? null : redactor.Redact(verdict.Reason),
            ["strict"] = summary.Strict,
            ["counts"] = new JsonObject
            {
                ["passed"] = counts.Passed,
                ["failed"] = counts.Failed,
                ["warnings"] = counts.Warnings,
                ["broken"] = counts.Broken,
                ["inconclusive"] = counts.Inconclusive,
                ["notExercised"] = counts.NotExercised,
                ["notApplicable"] = counts.NotApplicable,
                // "skipped" is what NUnit and Allure call the not-applicable checks; the others are counted above.
                ["skipped"] = counts.NotApplicable,
                ["total"] = counts.Total,
            },
            ["warnings"] = new JsonArray(verdict.Warnings.Select(c => (JsonNode)Named(c, redactor)).ToArray()),
            ["notExercised"] = new JsonArray(verdict.NotExercised.Select(c => (JsonNode)redactor.Redact(c)!).ToArray()),
            ["unverified"] = new JsonArray(verdict.Unverified.Select(c => (JsonNode)Named(c, redactor)).ToArray()),
            ["checks"] = new JsonArray(checks.Select(c => (JsonNode)Check(c, redactor, judgement)).ToArray()),
            ["startedAt"] = Timestamp(summary.StartedAt),
            ["finishedAt"] = Timestamp(summary.FinishedAt),
        };

        if (summary.Budget is { } budget)
        {
            json["budget"] = new JsonObject
            {
                ["limit"] = budget.Limit,
                ["consumed"] = budget.Consumed,
                ["left"] = budget.Left,
                ["enforced"] = budget.Enforced,
                ["refusedChecks"] = budget.RefusedChecks,
            };
        }

        if (judgement is not null)
        {
            json["baseline"] = new JsonObject
            {
                ["file"] = redactor.Redact(judgement.Source),
                ["accepted"] = new JsonArray(judgement.Accepted.Select(a => (JsonNode)new JsonObject
                {
                    ["check"] = a.Key,
                    ["reason"] = redactor.Redact(a.Value.Reason),
                    ["expires"] = a.Value.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
                ["acceptedUnverified"] = new JsonArray(judgement.AcceptedUnverified.Select(a => (JsonNode)new JsonObject
                {
                    ["check"] = a.Key,
                    ["reason"] = redactor.Redact(a.Value.Reason),
                    ["expires"] = a.Value.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
                ["stale"] = new JsonArray(judgement.Stale.Select(x => (JsonNode)redactor.Redact(x)!).ToArray()),
            };
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(json.ToJsonString(Json) + "\n"));
    }

    internal static string OutcomeText(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "passed",
        CheckOutcome.Failed => "failed",
        CheckOutcome.Warning => "warning",
        CheckOutcome.Broken => "broken",
        CheckOutcome.Inconclusive => "inconclusive",
        CheckOutcome.NotApplicable => "not-applicable",
        CheckOutcome.NotExercised => "not-exercised",
        CheckOutcome.RestoreFailed => "restore-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    internal static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Conformant => "conformant",
        Verdict.NotConformant => "not-conformant",
        Verdict.Incomplete => "incomplete",
        Verdict.Interrupted => "interrupted",
        Verdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    private static JsonObject Check(RunCheck check, Redactor redactor, BaselineJudgement? judgement)
    {
        var json = new JsonObject
        {
            ["name"] = redactor.Redact(check.Name),
            ["clauseId"] = redactor.Redact(check.ClauseId),
            ["level"] = check.Level == RequirementLevel.Must ? "MUST" : "SHOULD",
            ["outcome"] = OutcomeText(check.Outcome),
        };
        if (check.Message is not null)
        {
            json["message"] = redactor.Redact(check.Message);
        }

        json["durationMs"] = check.DurationMs;
        if (judgement?.Accepted.TryGetValue(check.Name, out var entry) == true)
        {
            json["baseline"] = $"accepted until {entry.Expires:yyyy-MM-dd}: {redactor.Redact(entry.Reason)}";
        }
        else if (judgement?.AcceptedUnverified.TryGetValue(check.Name, out var unverified) == true)
        {
            json["baseline"] = $"accepted unverified until {unverified.Expires:yyyy-MM-dd}: {redactor.Redact(unverified.Reason)}";
        }

        return json;
    }

    private static JsonObject Named(RunCheck check, Redactor redactor) => new()
    {
        ["name"] = redactor.Redact(check.Name),
        ["clauseId"] = redactor.Redact(check.ClauseId),
        ["message"] = check.Message is null ? null : redactor.Redact(check.Message),
    };

    private static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
