using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Client;

/// <summary>
/// One HTTP exchange with the provider, modelled on Flurl's FlurlCall: request, response, status and timing.
/// Built only through <see cref="SmsClient"/>, which redacts every secret before the record exists, so a
/// ProviderCall can travel with any failure and become a report attachment as it is.
/// </summary>
internal sealed record ProviderCall
{
    /// <summary>A short id tying log lines and attachments together.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The API method, e.g. <c>ReverseReplicateGroup_Task</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>GET or POST.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The full URL.</summary>
    public required string Url { get; init; }

    /// <summary>Request headers (secret ones masked).</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Request body (secrets masked), or null when none was sent.</summary>
    public string? RequestBody { get; init; }

    /// <summary>HTTP status, or null when no response arrived.</summary>
    public int? Status { get; init; }

    /// <summary>Response headers (secret ones masked).</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Response body (secrets masked).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>When the request was sent.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the exchange took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Why no usable response arrived (connection refused, timeout, TLS), if so.</summary>
    public string? TransportError { get; init; }

    /// <summary>Whether no complete answer arrived within the per-call timeout (the provider was silent, or trickled).</summary>
    [JsonIgnore]
    public bool TimedOut { get; init; }

    /// <summary>Whether the answer was cut at the response-size cap (maxResponseBytes).</summary>
    [JsonIgnore]
    public bool OverCap { get; init; }

    /// <summary>Whether the call may change provider state.</summary>
    public bool ChangesState { get; init; }

    /// <summary>Whether the request body was crafted by hand to test input handling (it may be off-spec on purpose).</summary>
    public bool Probe { get; init; }

    /// <summary>One line: <c>POST …/ReverseReplicateGroup_Task → 500 (12 ms)</c>.</summary>
    [JsonIgnore]
    public string Summary => $"{this.HttpMethod} {this.Operation} → {(this.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? this.TransportError ?? "no response")} ({this.Elapsed.TotalMilliseconds:0} ms)";

    /// <summary>The record as indented JSON, for attachments; JSON bodies are embedded as JSON, not as escaped strings.</summary>
    public string ToJson(bool responseFirst = false)
    {
        var node = JsonSerializer.SerializeToNode(this, AttachmentJson)!.AsObject();
        if (responseFirst)
        {
            // Evidence: what the provider answered comes before what was asked.
            var ordered = new System.Text.Json.Nodes.JsonObject();
            foreach (var name in node.Select(p => p.Key).OrderBy(k => k.StartsWith("response", StringComparison.Ordinal) || k == "status" ? 0 : 1).ToList())
            {
                var value = node[name];
                node.Remove(name);
                ordered[name] = value;
            }

            node = ordered;
        }

        foreach (var field in new[] { "requestBody", "responseBody" })
        {
            if (node[field]?.GetValue<string>() is { Length: > 0 } text && text.TrimStart() is ['{' or '[', ..])
            {
                try
                {
                    node[field] = System.Text.Json.Nodes.JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    // Not JSON after all: keep the text as it came.
                }
            }
        }

        return node.ToJsonString(AttachmentJson);
    }

    private static readonly JsonSerializerOptions AttachmentJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
