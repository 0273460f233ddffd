using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Harness.Security;

namespace Harness.Reporting;

/// <summary>
/// Writes allure-results by hand (the Allure .NET adapter is not available): <c>{uuid}-result.json</c>,
/// <c>{guid}-attachment.{ext}</c>, environment.properties, executor.json and categories.json, in the format of
/// /work/shared/reference/allure-results.md. Every text passes through the <see cref="Redactor"/>; every file is
/// written atomically. Safe to call from parallel tests: the only state is the directory, and every result and
/// attachment gets its own new GUID file name.
/// </summary>
internal sealed class AllureResultsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/json"] = ".json",
        ["text/plain"] = ".txt",
        ["text/html"] = ".html",
        ["application/xml"] = ".xml",
        ["text/xml"] = ".xml",
        ["image/png"] = ".png",
        ["text/csv"] = ".csv",
    };

    private readonly Redactor redactor;
    private readonly Action<string>? onFileWritten;

    /// <param name="resultsDirectory">The flat allure-results directory; created when missing.</param>
    /// <param name="redactor">Masks secrets in everything written.</param>
    /// <param name="onFileWritten">Called with each file name once the file is complete (for logging and tests).</param>
    public AllureResultsWriter(string resultsDirectory, Redactor redactor, Action<string>? onFileWritten = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsDirectory);
        ArgumentNullException.ThrowIfNull(redactor);
        this.ResultsDirectory = Path.GetFullPath(resultsDirectory);
        this.redactor = redactor;
        this.onFileWritten = onFileWritten;
    }

    public string ResultsDirectory { get; }

    /// <summary>md5(fullName) as lowercase hex: the stable test-case identity both generators key history on.</summary>
    public static string TestCaseId(string fullName) => Md5(fullName);

    /// <summary>md5 of fullName plus the non-excluded parameters sorted by name: stable across runs, distinct per parameter set.</summary>
    public static string HistoryId(string fullName, IEnumerable<ReportParameter> parameters)
    {
        var key = string.Join(
            ",",
            parameters.Where(p => !p.Excluded)
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => $"{p.Name}:{p.Value}"));
        return Md5(fullName + "\n" + key);
    }

    /// <summary>Writes the attachments (test and step level), then <c>{uuid}-result.json</c>. Returns the uuid.</summary>
    public string Write(ReportTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(this.ResultsDirectory);

        var uuid = Guid.NewGuid().ToString();
        var fullName = this.Redact(result.FullName);
        var parameters = result.Parameters
            .Select(p => new ReportParameter(this.Redact(p.Name), this.Redact(p.Value), p.Excluded))
            .ToList();

        // No "titlePath", for any result (gotcha G5): a report that mixes results with and without titlePath loses
        // tests from the Allure 3 tree, and synthesised results (never-run, harness errors) have no natural title path.
        // The tree comes from the parentSuite/suite/subSuite labels instead (allurerc groupBy), which Allure 2 also uses.
        var json = new JsonObject
        {
            ["uuid"] = uuid,
            ["historyId"] = HistoryId(fullName, parameters),
            ["testCaseId"] = TestCaseId(fullName),
            ["name"] = this.Redact(result.Name),
            ["fullName"] = fullName,
            ["status"] = StatusText(result.Status),
            ["stage"] = "finished",
            ["start"] = result.Start.ToUnixTimeMilliseconds(),
            ["stop"] = result.Stop.ToUnixTimeMilliseconds(),
        };
        if (result.Description is not null)
        {
            json["description"] = this.Redact(result.Description);
        }

        if (this.StatusDetails(MessageWithCategory(result), result.Trace) is { } details)
        {
            if (result.Known)
            {
                details["known"] = true;
            }

            if (result.Muted)
            {
                details["muted"] = true;
            }

            json["statusDetails"] = details;
        }

        json["labels"] = this.Labels(result, fullName);
        json["links"] = new JsonArray(result.Links
            .Select(l => (JsonNode)new JsonObject { ["name"] = this.Redact(l.Name), ["url"] = this.Redact(l.Url), ["type"] = l.Type })
            .ToArray());
        json["parameters"] = new JsonArray(parameters
            .Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = p.Value, ["excluded"] = p.Excluded })
            .ToArray());
        json["steps"] = new JsonArray(result.Steps.Select(s => (JsonNode)this.Step(s)).ToArray());
        json["attachments"] = this.WriteAttachments(result.Attachments);

        // Last, so that every attachment it references already exists.
        this.Commit(uuid + "-result.json", Encoding.UTF8.GetBytes(json.ToJsonString(Json)));
        return uuid;
    }

    /// <summary>Writes environment.properties (shown as "Environment" / "Metadata"), keys sorted, keys and values redacted.</summary>
    public void WriteEnvironment(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entries = values
            .Select(kv => KeyValuePair.Create(this.Redact(kv.Key), this.Redact(kv.Value)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);
        Directory.CreateDirectory(this.ResultsDirectory);
        this.Commit("environment.properties", Encoding.UTF8.GetBytes(JavaProperties.Format(entries)));
    }

    /// <summary>Writes executor.json from the process environment; writes nothing and returns false outside CI.</summary>
    public bool WriteExecutor() => this.WriteExecutor(Environment.GetEnvironmentVariable);

    /// <summary>Writes executor.json from the given variables; writes nothing and returns false when no CI variable is set.</summary>
    public bool WriteExecutor(Func<string, string?> variable)
    {
        if (ExecutorInfo.FromEnvironment(variable) is not { } info)
        {
            return false;
        }

        var redacted = info with
        {
            Name = this.Redact(info.Name),
            Url = this.RedactOrNull(info.Url),
            BuildName = this.RedactOrNull(info.BuildName),
            BuildUrl = this.RedactOrNull(info.BuildUrl),
            ReportName = this.RedactOrNull(info.ReportName),
            ReportUrl = this.RedactOrNull(info.ReportUrl),
        };
        Directory.CreateDirectory(this.ResultsDirectory);
        this.Commit("executor.json", JsonSerializer.SerializeToUtf8Bytes(redacted, Json));
        return true;
    }

    /// <summary>
    /// Writes categories.json from <see cref="AllureCategories.All"/>. Only Allure 2 and the Allure 3 classic/allure2
    /// plugins read it; the awesome plugin takes its categories from allurerc.mjs (gotcha G8).
    /// </summary>
    public void WriteCategories()
    {
        var categories = new JsonArray(AllureCategories.All
            .Select(c =>
            {
                var category = new JsonObject
                {
                    ["name"] = c.Name,
                    ["matchedStatuses"] = new JsonArray(c.MatchedStatuses.Select(s => (JsonNode)StatusText(s)).ToArray()),
                };
                if (c.MessageRegex is not null)
                {
                    category["messageRegex"] = c.MessageRegex;
                }

                return (JsonNode)category;
            })
            .ToArray());
        Directory.CreateDirectory(this.ResultsDirectory);
        this.Commit("categories.json", Encoding.UTF8.GetBytes(categories.ToJsonString(Json)));
    }

    internal static string StatusText(ReportStatus status) => status switch
    {
        ReportStatus.Passed => "passed",
        ReportStatus.Failed => "failed",
        ReportStatus.Broken => "broken",
        ReportStatus.Skipped => "skipped",
        ReportStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A skipped or warning result's message starts with its category ("Inconclusive: …") so the report categories match it.</summary>
    private static string? MessageWithCategory(ReportTestResult result)
    {
        var prefix = result.Category switch
        {
            ReportTestResult.Inconclusive => "Inconclusive:",
            ReportTestResult.NotExercised => "Not exercised:",
            ReportTestResult.NotApplicable => "Not applicable:",
            ReportTestResult.Warning => "Warning (SHOULD):",
            _ => null,
        };
        if (result.Status is not (ReportStatus.Skipped or ReportStatus.Failed or ReportStatus.Unknown) || prefix is null
            || (result.Message?.StartsWith(prefix, StringComparison.Ordinal) ?? false))
        {
            return result.Message;
        }

        return string.IsNullOrWhiteSpace(result.Message) ? prefix + " " + result.Name : prefix + " " + result.Message;
    }

    /// <summary>Default suites as the Allure adapter derives them (root namespace / namespace / class) when none is given.</summary>
    private static IEnumerable<(string Name, string Value)> DerivedSuites(string fullName)
    {
        var method = fullName[(fullName.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var parenthesis = method.IndexOf('(', StringComparison.Ordinal);
        var parts = (parenthesis >= 0 ? method[..parenthesis] : method).Split('.');
        if (parts.Length < 2)
        {
            yield break;
        }

        var className = parts[^2];
        var ns = string.Join('.', parts[..^2]);
        yield return ("parentSuite", parts.Length > 2 ? parts[0] : className);
        if (ns.Length > 0)
        {
            yield return ("suite", ns);
        }

        yield return ("subSuite", className);
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private JsonArray Labels(ReportTestResult result, string fullName)
    {
        var labels = result.Labels.Select(l => (Name: l.Name, Value: this.Redact(l.Value))).ToList();
        if (!labels.Any(l => l.Name is "parentSuite" or "suite" or "subSuite"))
        {
            labels.AddRange(DerivedSuites(fullName));
        }

        if (result.Category is not null && !labels.Any(l => l.Name == "category"))
        {
            labels.Add(("category", result.Category));
        }

        return new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["name"] = l.Name, ["value"] = l.Value }).ToArray());
    }

    private JsonObject Step(ReportStep step)
    {
        var json = new JsonObject
        {
            ["name"] = this.Redact(step.Name),
            ["status"] = StatusText(step.Status),
            ["stage"] = "finished",
            ["start"] = step.Start.ToUnixTimeMilliseconds(),
            ["stop"] = step.Stop.ToUnixTimeMilliseconds(),
        };
        if (this.StatusDetails(step.Message, step.Trace) is { } details)
        {
            json["statusDetails"] = details;
        }

        json["parameters"] = new JsonArray(step.Parameters
            .Select(p => (JsonNode)new JsonObject { ["name"] = this.Redact(p.Name), ["value"] = this.Redact(p.Value) })
            .ToArray());
        json["steps"] = new JsonArray(step.Steps.Select(s => (JsonNode)this.Step(s)).ToArray());
        json["attachments"] = this.WriteAttachments(step.Attachments);
        return json;
    }

    private JsonObject? StatusDetails(string? message, string? trace)
    {
        if (string.IsNullOrWhiteSpace(message) && string.IsNullOrWhiteSpace(trace))
        {
            return null;
        }

        var details = new JsonObject();
        if (!string.IsNullOrWhiteSpace(message))
        {
            details["message"] = this.Redact(message);
        }

        if (!string.IsNullOrWhiteSpace(trace))
        {
            details["trace"] = this.Redact(trace);
        }

        return details;
    }

    /// <summary>
    /// Writes each attachment as <c>{guid}-attachment{ext}</c> (matches ^[A-Za-z0-9._-]{1,100}$, gotcha G6) and returns
    /// the entries. The extension and the written MIME type always agree; an unknown type is written as text/plain.
    /// </summary>
    private JsonArray WriteAttachments(IEnumerable<ReportAttachment> attachments)
    {
        var entries = new JsonArray();
        foreach (var attachment in attachments)
        {
            var mediaType = attachment.ContentType.Split(';')[0].Trim().ToLowerInvariant();
            if (!Extensions.TryGetValue(mediaType, out var extension))
            {
                (mediaType, extension) = ("text/plain", ".txt");
            }

            var bytes = mediaType == "image/png"
                ? Convert.FromBase64String(attachment.Content)
                : Encoding.UTF8.GetBytes(this.Redact(attachment.Content));
            var source = $"{Guid.NewGuid()}-attachment{extension}";
            this.Commit(source, bytes);
            entries.Add(new JsonObject { ["name"] = this.Redact(attachment.Name), ["source"] = source, ["type"] = mediaType });
        }

        return entries;
    }

    private void Commit(string fileName, byte[] bytes)
    {
        AtomicFile.WriteAllBytes(Path.Combine(this.ResultsDirectory, fileName), bytes);
        this.onFileWritten?.Invoke(fileName);
    }

    private string Redact(string text) => this.redactor.Redact(text);

    private string? RedactOrNull(string? text) => text is null ? null : this.redactor.Redact(text);
}
