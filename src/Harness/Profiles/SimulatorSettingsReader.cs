using Harness.Simulator;
using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// Reads the <c>simulator</c> block of an embedded profile. The schema has checked each field; this reads them and
/// checks what relates fields: unique groups, the fault route against the operation, and the deviation names this
/// build knows.
/// </summary>
internal static class SimulatorSettingsReader
{
    /// <summary>The fields of the block, in the schema's order.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
    [
        "groups", "maxBatchSize", "batchLimit", "tooManyReportsMaxBatchSize", "taskPollsToComplete",
        "providerName", "providerVersion", "vasaVersion", "latencyMilliseconds", "taskDurationMilliseconds", "progressSteps",
        "faults", "transportFaults", "deviations", "requestShapeFault", "perGroupErrors", "repeats",
        "sites", "pairs", "sameVcenter", "lifecycle",
    ];

    /// <summary>The fields of the <c>lifecycle</c> object, in the schema's order.</summary>
    public static IReadOnlyList<string> LifecycleFields { get; } =
    [
        "concurrentSync", "peerAfterFailover", "plannedFailoverNeedsPrepare", "testFailoverStartResult",
        "testFailoverStopWithoutForce", "promoteCapable", "peerAfterPromote",
    ];

    /// <summary>The fields of a <c>faults[]</c> entry.</summary>
    public static IReadOnlyList<string> FaultFields { get; } = ["operation", "fault", "times", "route"];

    /// <summary>The fields of a <c>groups[]</c> entry.</summary>
    public static IReadOnlyList<string> GroupFields { get; } = ["faultDomainId", "deviceGroupId", "state"];

    /// <summary>The values of <c>requestShapeFault</c>.</summary>
    public static IReadOnlyDictionary<string, RequestShapeFault> RequestShapeFaults { get; } = new Dictionary<string, RequestShapeFault>(StringComparer.Ordinal)
    {
        ["InvalidRequest"] = RequestShapeFault.InvalidRequest,
        ["InvalidArgument"] = RequestShapeFault.InvalidArgument,
        ["none"] = RequestShapeFault.None,
    };

    /// <summary>The values of <c>perGroupErrors</c>.</summary>
    public static IReadOnlyDictionary<string, PerGroupErrorReading> PerGroupErrorReadings { get; } = new Dictionary<string, PerGroupErrorReading>(StringComparer.Ordinal)
    {
        ["groupErrorResult"] = PerGroupErrorReading.GroupErrorResult,
        ["taskError"] = PerGroupErrorReading.TaskError,
        ["wholeCallFault"] = PerGroupErrorReading.WholeCallFault,
    };

    /// <summary>The values of <c>repeats</c>.</summary>
    public static IReadOnlyDictionary<string, RepeatReading> RepeatReadings { get; } = new Dictionary<string, RepeatReading>(StringComparer.Ordinal)
    {
        ["alreadyDone"] = RepeatReading.AlreadyDone,
        ["refused"] = RepeatReading.Refused,
    };

    /// <summary>The values of <c>lifecycle.concurrentSync</c>.</summary>
    public static IReadOnlyDictionary<string, ConcurrentSyncReading> ConcurrentSyncReadings { get; } = new Dictionary<string, ConcurrentSyncReading>(StringComparer.Ordinal)
    {
        ["success"] = ConcurrentSyncReading.Success,
        ["syncOngoing"] = ConcurrentSyncReading.SyncOngoing,
    };

    /// <summary>The values of <c>lifecycle.peerAfterFailover</c> and <c>lifecycle.peerAfterPromote</c>.</summary>
    public static IReadOnlyDictionary<string, PeerReading> PeerReadings { get; } = new Dictionary<string, PeerReading>(StringComparer.Ordinal)
    {
        ["unchanged"] = PeerReading.Unchanged,
        ["target"] = PeerReading.Target,
    };

    /// <summary>The values of <c>lifecycle.testFailoverStartResult</c>.</summary>
    public static IReadOnlyDictionary<string, TestFailoverStartResultReading> TestFailoverStartResultReadings { get; } = new Dictionary<string, TestFailoverStartResultReading>(StringComparer.Ordinal)
    {
        ["void"] = TestFailoverStartResultReading.Void,
        ["array"] = TestFailoverStartResultReading.Array,
    };

    /// <summary>The values of <c>lifecycle.testFailoverStopWithoutForce</c>.</summary>
    public static IReadOnlyDictionary<string, TestFailoverStopReading> TestFailoverStopReadings { get; } = new Dictionary<string, TestFailoverStopReading>(StringComparer.Ordinal)
    {
        ["target"] = TestFailoverStopReading.Target,
        ["notSupported"] = TestFailoverStopReading.NotSupported,
        ["staysInTest"] = TestFailoverStopReading.StaysInTest,
    };

    /// <summary>
    /// Reads the <c>simulator</c> field of <paramref name="parent"/>. Returns <c>null</c> when it is absent or anything in
    /// it is invalid. <paramref name="peerImpliesTwoSites"/>: the profile has an embedded peer, the simulator's site A,
    /// so the world has two sites unless the block says otherwise (which is then an error).
    /// </summary>
    public static SimulatorSettings? Read(JsonObjectReader parent, ProfileLoadOptions options, bool peerImpliesTwoSites = false)
    {
        var path = parent.PathOf("simulator");
        if (parent.GetRaw("simulator") is not { } element || parent.Open(element, path, KnownFields) is not { } reader)
        {
            return null;
        }

        var defaults = SimulatorSettings.Default;
        var groups = ReadGroups(reader);
        var maxBatchSize = reader.GetInteger("maxBatchSize", allowNull: true);
        var batchLimit = reader.GetInteger("batchLimit", allowNull: true);
        var reportsMax = reader.GetBoolean("tooManyReportsMaxBatchSize");
        var polls = reader.GetInteger("taskPollsToComplete");
        var providerName = reader.GetString("providerName");
        var providerVersion = reader.GetString("providerVersion");
        var vasaVersion = reader.GetString("vasaVersion");
        var latency = reader.GetInteger("latencyMilliseconds");
        var taskDuration = reader.GetInteger("taskDurationMilliseconds");
        var progressSteps = reader.GetInteger("progressSteps");
        var faults = ReadFaults(reader);
        var transportFaults = TransportFaultReader.ReadAll(reader);
        var deviations = ReadDeviations(reader, options.KnownDeviations);
        var shapeFault = ReadChoice(reader, "requestShapeFault", RequestShapeFaults);
        var perGroupErrors = ReadChoice(reader, "perGroupErrors", PerGroupErrorReadings);
        var repeats = ReadChoice(reader, "repeats", RepeatReadings);
        var statedSites = (int?)reader.GetInteger("sites");
        var sites = statedSites ?? (peerImpliesTwoSites ? 2 : 1);
        var pairs = ReadPairs(reader);
        var sameVcenter = reader.GetBoolean("sameVcenter");
        var lifecycle = ReadLifecycle(reader);
        if (reader.Has("sites") && statedSites is null)
        {
            // The schema refused the value and has said so; the rules below would only guess at what was meant.
        }
        else if (peerImpliesTwoSites && statedSites == 1)
        {
            reader.Error("sites", "an embedded peer is the simulator's site A, which needs the two-site world; set \"sites\": 2 (or remove it, or remove the peer)");
        }
        else if (sites == 2 && reader.Has("groups"))
        {
            reader.Error("groups", $"with {(statedSites == 2 ? "\"sites\": 2" : "an embedded peer (two sites)")} the groups come in pairs, one at each site; remove groups and set pairs instead");
        }
        else if (sites == 1)
        {
            foreach (var twoSiteField in new[] { "pairs", "sameVcenter" }.Where(reader.Has))
            {
                reader.Error(twoSiteField, $"{twoSiteField} is for a two-site world; add \"sites\": 2 (or remove {twoSiteField})");
            }
        }

        if (reader.HasErrorsUnder(path))
        {
            return null;
        }

        return new SimulatorSettings
        {
            Groups = sites == 2 ? SimulatedPairs.Layout(pairs ?? defaults.Pairs) : groups ?? defaults.Groups,
            Sites = sites,
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
            Lifecycle = lifecycle ?? defaults.Lifecycle,
        };
    }

    /// <summary>Reads <c>lifecycle</c>: each reading the schema has checked, its default where absent.</summary>
    private static SimulatedLifecycleReadings? ReadLifecycle(JsonObjectReader parent)
    {
        if (parent.GetRaw("lifecycle") is not { } element || parent.Open(element, parent.PathOf("lifecycle"), LifecycleFields) is not { } reader)
        {
            return null;
        }

        var defaults = SimulatorSettings.Default.Lifecycle;
        return new SimulatedLifecycleReadings
        {
            ConcurrentSync = ReadChoice(reader, "concurrentSync", ConcurrentSyncReadings) ?? defaults.ConcurrentSync,
            PeerAfterFailover = ReadChoice(reader, "peerAfterFailover", PeerReadings) ?? defaults.PeerAfterFailover,
            PlannedFailoverNeedsPrepare = reader.GetBoolean("plannedFailoverNeedsPrepare") ?? defaults.PlannedFailoverNeedsPrepare,
            TestFailoverStartResult = ReadChoice(reader, "testFailoverStartResult", TestFailoverStartResultReadings) ?? defaults.TestFailoverStartResult,
            TestFailoverStopWithoutForce = ReadChoice(reader, "testFailoverStopWithoutForce", TestFailoverStopReadings) ?? defaults.TestFailoverStopWithoutForce,
            PromoteCapable = reader.GetBoolean("promoteCapable") ?? defaults.PromoteCapable,
            PeerAfterPromote = ReadChoice(reader, "peerAfterPromote", PeerReadings) ?? defaults.PeerAfterPromote,
        };
    }

    /// <summary>Reads a string field that names one of <paramref name="allowed"/> (the schema's enum there).</summary>
    private static T? ReadChoice<T>(JsonObjectReader reader, string field, IReadOnlyDictionary<string, T> allowed)
        where T : struct, Enum =>
        reader.GetString(field) is { } text && allowed.TryGetValue(text, out var value) ? value : null;

    /// <summary>Reads <c>pairs</c>: an object counting the pairs per state of the site-B twin (the schema has checked each count); at least one pair in all.</summary>
    private static Dictionary<string, int>? ReadPairs(JsonObjectReader parent)
    {
        if (parent.GetRaw("pairs") is not { } element || parent.Open(element, parent.PathOf("pairs"), [.. SimulatedPairs.TargetStates.Keys]) is not { } reader)
        {
            return null;
        }

        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var state in SimulatedPairs.TargetStates.Keys.Where(reader.Has))
        {
            if (reader.GetInteger(state) is not { } count)
            {
                return null;
            }

            pairs[state] = (int)count;
        }

        if (pairs.Values.Sum() == 0)
        {
            reader.ErrorHere($"pairs holds no pair; give at least one of {string.Join(", ", SimulatedPairs.TargetStates.Keys)} a count of 1 or more");
            return null;
        }

        return pairs;
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

            var id = SiteReader.ReadGroupRef(reader);
            var state = reader.GetString("state");
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
        var operation = reader.GetString("operation");
        var fault = reader.GetString("fault");
        var times = reader.GetInteger("times");
        var route = reader.GetString("route");
        if (route == FaultInjection.TaskRoute && operation is not null && !SimulatedFault.IsTaskOperation(operation))
        {
            reader.Error("route", $"route \"task\" is only for *_Task operations, and {operation} returns no task; use \"call\" (or remove the field)");
            return null;
        }

        if (fault is null || reader.HasErrorsUnder(reader.Path))
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
                continue; // the schema has said what a deviation name is
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
