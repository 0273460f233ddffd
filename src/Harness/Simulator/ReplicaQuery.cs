using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harness.Simulator;

/// <summary>
/// A QueryPointInTimeReplica <c>queryParam</c>, read: the time window (fromDate inclusive, toDate exclusive), the
/// count (the first ones from fromDate, else the latest ones), the name and tag patterns (XML Schema regular
/// expressions, which match the whole value), and whether details or the summary are wanted: preferDetails when set,
/// otherwise details when anything is filtered and the summary when nothing is.
/// </summary>
internal sealed record ReplicaQuery(DateTimeOffset? From, DateTimeOffset? To, int? Number, Regex? Name, IReadOnlyList<Regex> Tags, bool Details)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>No queryParam: every replica, summarised.</summary>
    public static ReplicaQuery Everything { get; } = new(null, null, null, null, [], false);

    /// <summary>Reads <c>queryParam</c> from the request body, or says why it is invalid.</summary>
    /// <param name="root">The request body.</param>
    /// <param name="query">The query read.</param>
    /// <param name="problem">Why it is invalid.</param>
    /// <param name="acceptAllThree">Accept fromDate, toDate and number all set, ignoring number (a deviation).</param>
    public static bool TryParse(JsonElement root, out ReplicaQuery query, out string? problem, bool acceptAllThree = false)
    {
        query = Everything;
        problem = null;
        if (!root.TryGetProperty("queryParam", out var param) || param.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (param.ValueKind != JsonValueKind.Object)
        {
            problem = "queryParam must be a QueryPointInTimeReplicaParam.";
            return false;
        }

        DateTimeOffset? from = null, to = null;
        int? number = null;
        if (param.TryGetProperty("replicaTimeQueryParam", out var time) && time.ValueKind != JsonValueKind.Null)
        {
            if (time.ValueKind != JsonValueKind.Object
                || !TryDate(time, "fromDate", out from) || !TryDate(time, "toDate", out to) || !TryNumber(time, out number))
            {
                problem = "replicaTimeQueryParam needs fromDate and toDate as dateTime strings and number as a positive int.";
                return false;
            }

            if (from is not null && to is not null && number is not null && acceptAllThree)
            {
                number = null;
            }

            if (from is not null && to is not null && number is not null)
            {
                problem = "replicaTimeQueryParam sets fromDate, toDate and number; set at most two of them.";
                return false;
            }
        }

        Regex? name = null;
        if (param.TryGetProperty("pitName", out var pitName) && pitName.ValueKind != JsonValueKind.Null
            && (pitName.ValueKind != JsonValueKind.String || !TryPattern(pitName.GetString()!, out name)))
        {
            problem = $"pitName {pitName} is not a regular expression.";
            return false;
        }

        var tags = new List<Regex>();
        if (param.TryGetProperty("tags", out var tagArray) && tagArray.ValueKind != JsonValueKind.Null)
        {
            if (tagArray.ValueKind != JsonValueKind.Array)
            {
                problem = "tags must be an array of regular expressions.";
                return false;
            }

            foreach (var tag in tagArray.EnumerateArray())
            {
                if (tag.ValueKind != JsonValueKind.String || !TryPattern(tag.GetString()!, out var pattern))
                {
                    problem = $"tag {tag} is not a regular expression.";
                    return false;
                }

                tags.Add(pattern!);
            }
        }

        var filtered = from is not null || to is not null || number is not null || name is not null || tags.Count > 0;
        var details = param.TryGetProperty("preferDetails", out var prefer) && prefer.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? prefer.GetBoolean()
            : filtered;
        query = new ReplicaQuery(from, to, number, name, tags, details);
        return true;
    }

    /// <summary>The replicas the query selects, oldest first.</summary>
    public IReadOnlyList<SimulatedReplica> Select(IEnumerable<SimulatedReplica> replicas)
    {
        var selected = replicas
            .Where(r => (this.From is null || r.TimeStamp >= this.From) && (this.To is null || r.TimeStamp < this.To))
            .Where(r => (this.Name is null || Matches(this.Name, r.Name)) && this.Tags.All(t => r.Tags.Any(tag => Matches(t, tag))))
            .OrderBy(r => r.TimeStamp)
            .ToList();
        return this.Number is not { } n ? selected
            : this.From is not null ? selected.Take(n).ToList()
            : selected.TakeLast(n).ToList();
    }

    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryPattern(string text, out Regex? pattern)
    {
        try
        {
            // XML Schema patterns match the whole value: anchor them.
            pattern = new Regex($"^(?:{text})$", RegexOptions.CultureInvariant, MatchTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            pattern = null;
            return false;
        }
    }

    private static bool TryDate(JsonElement time, string field, out DateTimeOffset? value)
    {
        value = null;
        if (!time.TryGetProperty(field, out var text) || text.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (text.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryNumber(JsonElement time, out int? number)
    {
        number = null;
        if (!time.TryGetProperty("number", out var n) || n.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var value) && value > 0)
        {
            number = value;
            return true;
        }

        return false;
    }
}
