namespace Harness.Profiles;

/// <summary>
/// Reads the profile's <c>capabilities</c>, <c>propertyTests</c>, <c>retry</c> and <c>acceptedUnverified</c> blocks.
/// The schema has checked each field; this checks what relates them.
/// </summary>
internal static class ProfileSectionsReader
{
    /// <summary>The fields of a <c>capabilities.&lt;method&gt;</c> object, in the schema's order.</summary>
    public static IReadOnlyList<string> CapabilityFields { get; } = ["implemented", "batchLimit"];

    /// <summary>The fields of <c>propertyTests</c>.</summary>
    public static IReadOnlyList<string> PropertyTestFields { get; } = ["preset", "cases", "seed"];

    /// <summary>The fields of <c>retry</c>.</summary>
    public static IReadOnlyList<string> RetryFields { get; } = ["attempts", "initialDelayMilliseconds", "budgetSeconds"];

    /// <summary>The fields of an <c>acceptedUnverified[]</c> entry.</summary>
    public static IReadOnlyList<string> AcceptedUnverifiedFields { get; } = ["check", "clause", "reason", "expires"];

    /// <summary>
    /// Reads <c>acceptedUnverified</c>: MUST checks (by <c>check</c> name or <c>clause</c> id) that may end inconclusive
    /// or broken without making the run INCOMPLETE, each with a <c>reason</c> and an <c>expires</c> date. Returns
    /// <c>null</c> when absent; invalid entries are reported and left out.
    /// </summary>
    public static List<Reporting.BaselineEntry>? ReadAcceptedUnverified(JsonObjectReader parent)
    {
        if (parent.GetArray("acceptedUnverified") is not { } items)
        {
            return null;
        }

        var entries = new List<Reporting.BaselineEntry>();
        foreach (var (element, path) in items)
        {
            var entry = parent.Open(element, path, AcceptedUnverifiedFields);
            if (entry is null)
            {
                continue;
            }

            var check = entry.GetString("check");
            var clause = entry.GetString("clause");
            if (entry.Has("check") == entry.Has("clause"))
            {
                entry.ErrorHere("name exactly one of \"check\" (a check name) or \"clause\" (a clause id)");
            }

            var reason = entry.GetString("reason");
            DateOnly? expires = null;
            if (entry.GetString("expires") is { } text)
            {
                // The schema checks the shape yyyy-mm-dd; only the calendar knows whether the day exists.
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    expires = date;
                }
                else
                {
                    entry.Error("expires", $"{ProfileText.Quote(text)} is not a date; write it like \"2027-03-31\"");
                }
            }

            if ((check is null) != (clause is null) && reason is not null && expires is { } end)
            {
                entries.Add(new Reporting.BaselineEntry(check, clause, reason, end));
            }
        }

        return entries;
    }

    /// <summary>
    /// Reads <c>capabilities</c>: an object keyed by SMS method name, each value <c>{ implemented, batchLimit }</c>.
    /// Returns <c>null</c> when absent; invalid parts are reported and left out.
    /// </summary>
    public static Dictionary<string, OperationCapability>? ReadCapabilities(JsonObjectReader parent)
    {
        if (parent.GetRaw("capabilities") is not { } element)
        {
            return null;
        }

        var reader = parent.Open(element, parent.PathOf("capabilities"), OperationCapability.KnownOperations);
        if (reader is null)
        {
            return null;
        }

        var capabilities = new Dictionary<string, OperationCapability>(StringComparer.Ordinal);
        foreach (var operation in OperationCapability.KnownOperations)
        {
            if (reader.GetRaw(operation) is not { } value)
            {
                continue;
            }

            var capability = reader.Open(value, reader.PathOf(operation), CapabilityFields);
            if (capability is not null && ReadCapability(capability) is { } read)
            {
                capabilities[operation] = read;
            }
        }

        return capabilities;
    }

    /// <summary>Reads <c>propertyTests</c>: <c>{ preset, cases, seed }</c>. Returns <c>null</c> when absent or invalid.</summary>
    public static PropertyTestSettings? ReadPropertyTests(JsonObjectReader parent)
    {
        if (parent.GetRaw("propertyTests") is not { } element)
        {
            return null;
        }

        var reader = parent.Open(element, parent.PathOf("propertyTests"), PropertyTestFields);
        if (reader is null)
        {
            return null;
        }

        var defaults = PropertyTestSettings.Default;
        var preset = reader.GetString("preset");
        var cases = reader.GetInteger("cases");
        var seed = reader.GetUnsignedInteger("seed");
        if (reader.HasErrorsUnder(reader.Path))
        {
            return null;
        }

        return new PropertyTestSettings { Preset = preset ?? defaults.Preset, Cases = (int?)cases, Seed = seed };
    }

    /// <summary>Reads <c>retry</c>: <c>{ attempts, initialDelayMilliseconds, budgetSeconds }</c>. Returns <c>null</c> when absent or invalid.</summary>
    public static RetrySettings? ReadRetry(JsonObjectReader parent)
    {
        if (parent.GetRaw("retry") is not { } element)
        {
            return null;
        }

        var reader = parent.Open(element, parent.PathOf("retry"), RetryFields);
        if (reader is null)
        {
            return null;
        }

        var defaults = RetrySettings.Default;
        var attempts = reader.GetInteger("attempts");
        var delay = reader.GetInteger("initialDelayMilliseconds");
        var budget = reader.GetInteger("budgetSeconds");
        if (reader.HasErrorsUnder(reader.Path))
        {
            return null;
        }

        return new RetrySettings
        {
            Attempts = (int?)attempts ?? defaults.Attempts,
            InitialDelayMilliseconds = (int?)delay ?? defaults.InitialDelayMilliseconds,
            BudgetSeconds = (int?)budget ?? defaults.BudgetSeconds,
        };
    }

    private static OperationCapability? ReadCapability(JsonObjectReader capability)
    {
        var implemented = capability.GetBoolean("implemented");
        var batchLimit = capability.GetInteger("batchLimit", allowNull: true);
        if (implemented == false && batchLimit is not null)
        {
            capability.Error("batchLimit", "an operation declared \"implemented\": false has no batch limit; remove batchLimit (or set implemented to true)");
        }

        if (capability.HasErrorsUnder(capability.Path))
        {
            return null;
        }

        return new OperationCapability { Implemented = implemented ?? true, BatchLimit = batchLimit };
    }
}
