using Harness.Simulator;
using Harness.Wire.Groups;
using System.Text.Json;

namespace Harness.Profiles;

/// <summary>Reads the <c>simulator</c> block of an embedded profile, collecting every field error.</summary>
internal static class SimulatorSettingsReader
{
    private static readonly string[] KnownFields =
    [
        "groups", "maxBatchSize", "batchLimit", "tooManyReportsMaxBatchSize", "taskPollsToComplete",
        "providerName", "providerVersion", "vasaVersion", "latencyMilliseconds", "taskDurationMilliseconds", "progressSteps",
        "faults", "transportFaults", "deviations", "requestShapeFault", "perGroupErrors", "repeats",
        "sites", "pairs", "sameVcenter",
    ];

    private static readonly string[] FaultFields = ["operation", "fault", "times", "route"];

    private static readonly string[] GroupFields = ["faultDomainId", "deviceGroupId", "state"];

    /// <summary>Reads the block at <paramref name="path"/>. Returns <c>null</c> when anything in it is invalid.</summary>
    public static SimulatorSettings? Read(JsonElement element, string path, ProfileLoadOptions options, List<ProfileError> errors)
    {
        var before = errors.Count;
        var reader = JsonObjectReader.Open(element, path, KnownFields, errors);
        if (reader is null)
        {
            return null;
        }

        var defaults = SimulatorSettings.Default;
        var groups = ReadGroups(reader);
        var maxBatchSize = reader.GetInteger("maxBatchSize", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.MaxBatchSize)), allowNull: true);
        var batchLimit = reader.GetInteger("batchLimit", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.BatchLimit)), allowNull: true);
        var reportsMax = reader.GetBoolean("tooManyReportsMaxBatchSize");
        var polls = reader.GetInteger("taskPollsToComplete", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.TaskPollsToComplete)));
        var providerName = reader.GetTrimmedString("providerName", $"\"{defaults.ProviderName}\"");
        var providerVersion = reader.GetTrimmedString("providerVersion", $"\"{defaults.ProviderVersion}\"");
        var vasaVersion = reader.GetTrimmedString("vasaVersion", $"\"{defaults.VasaVersion}\"");
        var latency = reader.GetInteger("latencyMilliseconds", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.LatencyMilliseconds)));
        var taskDuration = reader.GetInteger("taskDurationMilliseconds", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.TaskDurationMilliseconds)));
        var progressSteps = reader.GetInteger("progressSteps", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.ProgressSteps)));
        var faults = ReadFaults(reader);
        var transportFaults = TransportFaultReader.ReadAll(reader);
        var deviations = ReadDeviations(reader, options.KnownDeviations);
        var shapeFault = ReadChoice(reader, "requestShapeFault", "choice", new Dictionary<string, RequestShapeFault>(StringComparer.Ordinal)
        {
            ["InvalidRequest"] = RequestShapeFault.InvalidRequest,
            ["InvalidArgument"] = RequestShapeFault.InvalidArgument,
            ["none"] = RequestShapeFault.None,
        });
        var perGroupErrors = ReadChoice(reader, "perGroupErrors", "reading", new Dictionary<string, PerGroupErrorReading>(StringComparer.Ordinal)
        {
            ["groupErrorResult"] = PerGroupErrorReading.GroupErrorResult,
            ["taskError"] = PerGroupErrorReading.TaskError,
            ["wholeCallFault"] = PerGroupErrorReading.WholeCallFault,
        });
        var repeats = ReadChoice(reader, "repeats", "reading", new Dictionary<string, RepeatReading>(StringComparer.Ordinal)
        {
            ["alreadyDone"] = RepeatReading.AlreadyDone,
            ["refused"] = RepeatReading.Refused,
        });

        var sites = (int?)reader.GetInteger("sites", DeclaredRange.Of<SimulatorSettings>(nameof(SimulatorSettings.Sites)));
        var pairs = ReadPairs(reader);
        var sameVcenter = reader.GetBoolean("sameVcenter");
        if (sites == 2 && reader.Has("groups"))
        {
            reader.Error("groups", "with \"sites\": 2 the groups come in pairs, one at each site; remove groups and set pairs instead");
        }
        else if (sites is null or 1 && !(reader.Has("sites") && sites is null))
        {
            foreach (var twoSiteField in new[] { "pairs", "sameVcenter" }.Where(reader.Has))
            {
                reader.Error(twoSiteField, $"{twoSiteField} is for a two-site world; add \"sites\": 2 (or remove {twoSiteField})");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new SimulatorSettings
        {
            Groups = sites == 2 ? SimulatedPairs.Layout(pairs ?? defaults.Pairs) : groups ?? defaults.Groups,
            Sites = sites ?? defaults.Sites,
            Pairs = pairs ?? defaults.Pairs,
            SameVcenter = sameVcenter ?? defaults.SameVcenter,
            MaxBatchSize = reader.Has("maxBatchSize") ? maxBatchSize : defaults.MaxBatchSize,
            BatchLimit = reader.Has("batchLimit") ? (int?)batchLimit : defaults.BatchLimit,
            TooManyReportsMaxBatchSize = reportsMax ?? defaults.TooManyReportsMaxBatchSize,
            TaskPollsToComplete = (int?)polls ?? defaults.TaskPollsToComplete,
            ProviderName = providerName ?? defaults.ProviderName,
            ProviderVersion = providerVersion ?? defaults.ProviderVersion,
            VasaVersion = vasaVersion ?? defaults.VasaVersion,
            LatencyMilliseconds = (int?)latency ?? defaults.LatencyMilliseconds,
            TaskDurationMilliseconds = (int?)taskDuration ?? defaults.TaskDurationMilliseconds,
            ProgressSteps = (int?)progressSteps ?? defaults.ProgressSteps,
            Faults = faults ?? defaults.Faults,
            TransportFaults = transportFaults ?? defaults.TransportFaults,
            Deviations = deviations ?? defaults.Deviations,
            RequestShapeFault = shapeFault ?? defaults.RequestShapeFault,
            PerGroupErrors = perGroupErrors ?? defaults.PerGroupErrors,
            Repeats = repeats ?? defaults.Repeats,
        };
    }

    /// <summary>Reads a string field that names one of <paramref name="allowed"/>; anything else is an error naming the choices.</summary>
    private static T? ReadChoice<T>(JsonObjectReader reader, string field, string what, IReadOnlyDictionary<string, T> allowed)
        where T : struct, Enum
    {
        var text = reader.GetString(field);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        reader.Error(field, $"{ProfileText.Quote(text)} is not a {what}; use one of {string.Join(", ", allowed.Keys.Select(ProfileText.Quote))}");
        return null;
    }

    /// <summary>Reads <c>pairs</c>: an object counting the pairs per state of the site-B twin; at least one pair in all.</summary>
    private static Dictionary<string, int>? ReadPairs(JsonObjectReader parent)
    {
        if (parent.GetRaw("pairs") is not { } element)
        {
            return null;
        }

        var reader = parent.Open(element, parent.PathOf("pairs"), [.. SimulatedPairs.TargetStates.Keys]);
        if (reader is null)
        {
            return null;
        }

        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        foreach (var state in SimulatedPairs.TargetStates.Keys.Where(reader.Has))
        {
            if (reader.GetInteger(state, (0, SimulatedPairs.MaxPerState)) is { } count)
            {
                pairs[state] = (int)count;
            }
            else
            {
                valid = false;
            }
        }

        if (valid && pairs.Values.Sum() == 0)
        {
            reader.ErrorHere($"pairs holds no pair; give at least one of {string.Join(", ", SimulatedPairs.TargetStates.Keys)} a count of 1 or more");
        }

        return valid ? pairs : null;
    }

    private static List<SimulatedGroup>? ReadGroups(JsonObjectReader parent)
    {
        var items = parent.GetArray("groups");
        if (items is null)
        {
            return null;
        }

        var groups = new List<SimulatedGroup>();
        var firstSeen = new Dictionary<GroupRef, string>();
        foreach (var (element, path) in items)
        {
            var reader = parent.Open(element, path, GroupFields);
            if (reader is null)
            {
                continue;
            }

            var id = ProfileReader.ReadGroupRef(reader);
            var state = ReadState(reader);
            if (id is null || state is null)
            {
                continue;
            }

            if (!firstSeen.TryAdd(id, path))
            {
                reader.ErrorHere($"{id} is defined twice (first at {firstSeen[id]}); each faultDomainId/deviceGroupId pair must be unique");
                continue;
            }

            groups.Add(new SimulatedGroup(id.FaultDomainId, id.DeviceGroupId, state));
        }

        return groups;
    }

    private static string? ReadState(JsonObjectReader group)
    {
        var allowed = string.Join(", ", ReplicationState.All);
        if (!group.Require("state", $"add \"state\" with one of {allowed}"))
        {
            return null;
        }

        var state = group.GetString("state");
        if (state is not null && !ReplicationState.All.Contains(state, StringComparer.Ordinal))
        {
            group.Error("state", $"{ProfileText.Quote(state)} is not a replication state; use one of {allowed}");
            return null;
        }

        return state;
    }

    private static List<FaultInjection>? ReadFaults(JsonObjectReader parent)
    {
        var items = parent.GetArray("faults");
        if (items is null)
        {
            return null;
        }

        var faults = new List<FaultInjection>();
        foreach (var (element, path) in items)
        {
            var reader = parent.Open(element, path, FaultFields);
            if (reader is not null && ReadFault(reader) is { } fault)
            {
                faults.Add(fault);
            }
        }

        return faults;
    }

    private static FaultInjection? ReadFault(JsonObjectReader reader)
    {
        var operations = string.Join(", ", SimulatedFault.Operations);
        var operation = reader.GetString("operation");
        var valid = true;
        if (operation is not null && !SimulatedFault.Operations.Contains(operation, StringComparer.Ordinal))
        {
            reader.Error("operation", $"{ProfileText.Quote(operation)} cannot be given a fault; use one of {operations} (or remove the field for {SimulatedFault.DefaultOperation})");
            valid = false;
        }

        var faultNames = string.Join(", ", SimulatedFault.FaultNames);
        var fault = reader.Require("fault", $"name the fault to inject, e.g. \"fault\": \"ProviderBusy\"; one of {faultNames}") ? reader.GetString("fault") : null;
        if (fault is not null && !SimulatedFault.FaultNames.Contains(fault, StringComparer.Ordinal))
        {
            var sameButCase = SimulatedFault.FaultNames.FirstOrDefault(f => string.Equals(f, fault, StringComparison.OrdinalIgnoreCase));
            var hint = sameButCase is null ? string.Empty : $"fault names are case-sensitive: did you mean '{sameButCase}'? ";
            reader.Error("fault", $"{ProfileText.Quote(fault)} is not a fault the simulator can inject; {hint}use one of {faultNames}");
            fault = null;
        }

        var times = reader.GetInteger("times", DeclaredRange.Of<FaultInjection>(nameof(FaultInjection.Times)));
        var route = reader.GetString("route");
        if (route is not null && !FaultInjection.Routes.Contains(route, StringComparer.Ordinal))
        {
            reader.Error("route", $"{ProfileText.Quote(route)} is not a route; use \"call\" (the call fails with HTTP 500, the default) or \"task\" (the call returns a task that ends in error)");
            valid = false;
        }
        else if (route == FaultInjection.TaskRoute && !SimulatedFault.IsTaskOperation(operation ?? SimulatedFault.DefaultOperation))
        {
            reader.Error("route", $"route \"task\" is only for *_Task operations, and {operation} returns no task; use \"call\" (or remove the field)");
            valid = false;
        }

        if (!valid || fault is null || (reader.Has("times") && times is null))
        {
            return null;
        }

        return new FaultInjection
        {
            Operation = operation ?? SimulatedFault.DefaultOperation,
            Fault = fault,
            Times = (int?)times,
            Route = route ?? FaultInjection.CallRoute,
        };
    }

    private static List<string>? ReadDeviations(JsonObjectReader parent, IReadOnlySet<string> known)
    {
        var items = parent.GetArray("deviations");
        if (items is null)
        {
            return null;
        }

        var knownList = known.Count == 0 ? "(none)" : string.Join(", ", known.Order(StringComparer.Ordinal));
        var deviations = new List<string>();
        foreach (var (element, path) in items)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                parent.ErrorAt(path, $"expected a deviation name (a string), got {JsonObjectReader.Describe(element.ValueKind)}");
                continue;
            }

            var name = element.GetString()!;
            if (!known.Contains(name))
            {
                parent.ErrorAt(path, $"unknown deviation {ProfileText.Quote(name)}; known deviations: {knownList}");
            }
            else if (deviations.Contains(name, StringComparer.Ordinal))
            {
                parent.ErrorAt(path, $"deviation '{name}' is listed twice; list it once");
            }
            else
            {
                deviations.Add(name);
            }
        }

        return deviations;
    }
}
