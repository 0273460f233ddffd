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
        "providerName", "providerVersion", "vasaVersion", "deviations",
    ];

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
        var deviations = ReadDeviations(reader, options.KnownDeviations);

        if (errors.Count > before)
        {
            return null;
        }

        return new SimulatorSettings
        {
            Groups = groups ?? defaults.Groups,
            MaxBatchSize = reader.Has("maxBatchSize") ? maxBatchSize : defaults.MaxBatchSize,
            BatchLimit = reader.Has("batchLimit") ? (int?)batchLimit : defaults.BatchLimit,
            TooManyReportsMaxBatchSize = reportsMax ?? defaults.TooManyReportsMaxBatchSize,
            TaskPollsToComplete = (int?)polls ?? defaults.TaskPollsToComplete,
            ProviderName = providerName ?? defaults.ProviderName,
            ProviderVersion = providerVersion ?? defaults.ProviderVersion,
            VasaVersion = vasaVersion ?? defaults.VasaVersion,
            Deviations = deviations ?? defaults.Deviations,
        };
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
