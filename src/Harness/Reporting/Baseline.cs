using System.Globalization;
using System.Text.Json;

namespace Harness.Reporting;

/// <summary>
/// A known-failures baseline: failures listed here (with a reason and an expiry date) do not fail the gate, and MUST
/// checks listed as accepted-unverified may end inconclusive or broken without making the run INCOMPLETE. A listed
/// failure that now passes, an unverified clause that is now verified, or an entry whose expiry date has passed, fails
/// the gate as a stale baseline, so the list cannot rot.
/// Format: <c>{"knownFailures":[{"check":"…" or "clause":"…","reason":"…","expires":"2027-03-31"}], "acceptedUnverified":[… the same fields …]}</c>
/// (either list may be left out). A profile may carry its own <c>acceptedUnverified</c> list (see <see cref="With"/>).
/// </summary>
internal sealed class Baseline
{
    private Baseline(string source, IReadOnlyList<BaselineEntry> entries, IReadOnlyList<BaselineEntry> unverified)
    {
        this.Source = source;
        this.Entries = entries;
        this.Unverified = unverified;
    }

    /// <summary>Where it was read from.</summary>
    public string Source { get; }

    /// <summary>The known failures.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>The MUST checks or clauses accepted as unverified.</summary>
    public IReadOnlyList<BaselineEntry> Unverified { get; }

    /// <summary>A baseline made only of a profile's acceptedUnverified entries.</summary>
    public static Baseline FromUnverified(string source, IReadOnlyList<BaselineEntry> unverified) => new(source, [], unverified);

    /// <summary>This baseline with further acceptedUnverified entries (the profile's) from <paramref name="source"/>.</summary>
    public Baseline With(string source, IReadOnlyList<BaselineEntry> unverified) =>
        unverified.Count == 0 ? this : new Baseline($"{this.Source} + {source}", this.Entries, [.. this.Unverified, .. unverified]);

    /// <summary>Reads a baseline file; never throws: returns the baseline or one message per problem.</summary>
    public static (Baseline? Baseline, IReadOnlyList<string> Errors) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [$"{path}: baseline file not found; pass an existing file with --baseline or fix the profile's baseline field"]);
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, [$"{path}: not valid JSON ({ex.Message})"]);
        }

        var lists = root.ValueKind == JsonValueKind.Object
            ? root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        if (lists.Count == 0 || lists.Any(l => l.Key is not ("knownFailures" or "acceptedUnverified") || l.Value.ValueKind != JsonValueKind.Array))
        {
            return (null, [$"{path}: expected {{\"knownFailures\": [ … ], \"acceptedUnverified\": [ … ]}} (either list may be left out)"]);
        }

        var errors = new List<string>();
        var known = ReadEntries(path, "knownFailures", lists.GetValueOrDefault("knownFailures"), errors);
        var unverified = ReadEntries(path, "acceptedUnverified", lists.GetValueOrDefault("acceptedUnverified"), errors);
        return errors.Count > 0 ? (null, errors) : (new Baseline(path, known, unverified), []);
    }

    /// <summary>Reads one list of entries (check or clause, reason, expires), adding one message per problem to <paramref name="errors"/>.</summary>
    internal static List<BaselineEntry> ReadEntries(string path, string listName, JsonElement list, List<string> errors)
    {
        var entries = new List<BaselineEntry>();
        if (list.ValueKind != JsonValueKind.Array)
        {
            return entries;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{path}: {listName}[{i++}]";
            string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;
            var unknown = item.ValueKind == JsonValueKind.Object ? item.EnumerateObject().Select(p => p.Name).Where(n => n is not ("check" or "clause" or "reason" or "expires")).ToList() : [];
            var check = Text("check");
            var clause = Text("clause");
            var reason = Text("reason");
            var expires = Text("expires");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at}: each entry is an object with check (or clause), reason and expires");
                continue;
            }

            if (unknown.Count > 0)
            {
                errors.Add($"{at}: unknown field(s) {string.Join(", ", unknown)}; the fields are check, clause, reason, expires");
            }

            if ((check is null) == (clause is null))
            {
                errors.Add($"{at}: name exactly one of \"check\" (a check name) or \"clause\" (a clause id)");
            }

            if (reason is null)
            {
                errors.Add($"{at}: \"reason\" is required: say why the failure is accepted (a ticket, a release)");
            }

            if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{at}: \"expires\" must be a date like \"2027-03-31\"; every known failure needs an end");
            }

            if ((check is null) != (clause is null) && reason is not null && expires is not null && date != default && unknown.Count == 0)
            {
                entries.Add(new BaselineEntry(check, clause, reason, date));
            }
        }

        return entries;
    }

    /// <summary>Judges the run's checks against the baseline on <paramref name="today"/>.</summary>
    public BaselineJudgement Judge(IReadOnlyList<RunCheck> checks, DateOnly today)
    {
        var stale = new List<string>();
        var accepted = Accept(this.Entries, checks, today, stale, "the entry", "now passes; remove its entry", "fix the failure", c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken or CheckOutcome.Warning);
        var unverified = Accept(this.Unverified, checks, today, stale, "the acceptedUnverified entry", "is now verified and passes; remove its acceptedUnverified entry", "establish its precondition", c => c.LeavesMustUnverified);
        return new BaselineJudgement(this.Source, accepted, stale) { AcceptedUnverified = unverified };
    }

    /// <summary>
    /// The checks each live entry accepts (check → entry) among those <paramref name="acceptable"/>; an expired entry,
    /// or one whose checks all pass now, is added to <paramref name="stale"/> instead.
    /// </summary>
    private static Dictionary<string, BaselineEntry> Accept(IEnumerable<BaselineEntry> entries, IReadOnlyList<RunCheck> checks, DateOnly today, List<string> stale, string kind, string nowPasses, string fix, Func<RunCheck, bool> acceptable)
    {
        var accepted = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var covered = checks.Where(entry.Covers).ToList();
            if (entry.Expires < today)
            {
                stale.Add($"stale baseline: {kind} for {entry.Subject} expired on {entry.Expires:yyyy-MM-dd} ({entry.Reason}); {fix} or renew the entry");
                continue;
            }

            if (covered.Count > 0 && covered.All(c => c.Outcome == CheckOutcome.Passed))
            {
                stale.Add($"stale baseline: {entry.Subject} {nowPasses} ({entry.Reason})");
                continue;
            }

            foreach (var check in covered.Where(acceptable))
            {
                accepted.TryAdd(check.Name, entry);
            }
        }

        return accepted;
    }
}
