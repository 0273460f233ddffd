namespace Harness.Profiles;

/// <summary>Reads the profile's <c>capabilities</c>, <c>propertyTests</c> and <c>retry</c> blocks, collecting every field error.</summary>
internal static class ProfileSectionsReader
{
    private static readonly string[] CapabilityFields = ["implemented", "batchLimit"];
    private static readonly string[] PropertyTestFields = ["preset", "cases", "seed"];
    private static readonly string[] RetryFields = ["attempts", "initialDelayMilliseconds", "budgetSeconds"];
    private static readonly string[] AcceptedUnverifiedFields = ["check", "clause", "reason", "expires"];

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

            var check = entry.Has("check") ? entry.GetTrimmedString("check", "\"Two_concurrent_reversals_of_one_group_reverse_it_once\"") : null;
            var clause = entry.Has("clause") ? entry.GetTrimmedString("clause", "\"RRG-CONC-1\"") : null;
            if (entry.Has("check") == entry.Has("clause"))
            {
                entry.ErrorHere("name exactly one of \"check\" (a check name) or \"clause\" (a clause id)");
            }

            var reason = entry.Require("reason", "say why the clause cannot be verified on this provider (a ticket, a lab limitation)") ? entry.GetTrimmedString("reason", "\"no second FAILEDOVER group in the lab\"") : null;
            DateOnly? expires = null;
            if (entry.Require("expires", "every acceptance needs an end, e.g. \"expires\": \"2027-03-31\"") && entry.GetString("expires") is { } text)
            {
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
        if (preset is not null && !PropertyTestSettings.Presets.Contains(preset, StringComparer.Ordinal))
        {
            reader.Error("preset", $"{ProfileText.Quote(preset)} is not a preset; use \"{PropertyTestSettings.Quick}\" (few cases, the default) or \"{PropertyTestSettings.Thorough}\" (many more cases), or set \"cases\" to an exact number");
            preset = null;
        }

        var cases = reader.GetInteger("cases", DeclaredRange.Of<PropertyTestSettings>(nameof(PropertyTestSettings.Cases)));
        var seed = reader.GetUnsignedInteger("seed");
        if ((reader.Has("preset") && preset is null) || (reader.Has("cases") && cases is null) || (reader.Has("seed") && seed is null))
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
        var attempts = reader.GetInteger("attempts", DeclaredRange.Of<RetrySettings>(nameof(RetrySettings.Attempts)));
        var delay = reader.GetInteger("initialDelayMilliseconds", DeclaredRange.Of<RetrySettings>(nameof(RetrySettings.InitialDelayMilliseconds)));
        var budget = reader.GetInteger("budgetSeconds", DeclaredRange.Of<RetrySettings>(nameof(RetrySettings.BudgetSeconds)));
        if ((reader.Has("attempts") && attempts is null) || (reader.Has("initialDelayMilliseconds") && delay is null) || (reader.Has("budgetSeconds") && budget is null))
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
        var batchLimit = capability.GetInteger("batchLimit", DeclaredRange.Of<OperationCapability>(nameof(OperationCapability.BatchLimit)), allowNull: true);
        if ((capability.Has("implemented") && implemented is null) || (capability.Has("batchLimit") && !capability.IsNull("batchLimit") && batchLimit is null))
        {
            return null;
        }

        if (implemented == false && batchLimit is not null)
        {
            capability.Error("batchLimit", "an operation declared \"implemented\": false has no batch limit; remove batchLimit (or set implemented to true)");
            return null;
        }

        return new OperationCapability { Implemented = implemented ?? true, BatchLimit = batchLimit };
    }
}
