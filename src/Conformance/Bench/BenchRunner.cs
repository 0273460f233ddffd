using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Run;
using Conformance.Targets;
using Harness.Client;
using Harness.Replication;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Serialization;

namespace Conformance.Bench;

/// <summary>
/// The benchmark behind <c>./run.sh bench</c>: suite time, client overhead against raw HttpClient, simulator
/// throughput against a minimal Kestrel endpoint, time per group from 1 to 10,000 groups (and a TooMany re-split of
/// 10,000), property cases per second, and the lifecycle property's operations per second. Each ratio is measured side by side in one run.
/// </summary>
internal static class BenchRunner
{
    /// <summary>Runs every measurement.</summary>
    public static async Task<IReadOnlyList<BenchFigure>> RunAsync(Action<string> progress)
    {
        var figures = new List<BenchFigure>();
        figures.Add(await SuiteTimeAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        figures.Add(await LifecycleSuiteTimeAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        figures.Add(await ClientOverheadAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        figures.Add(await SimulatorThroughputAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        foreach (var figure in await ScalingAsync().ConfigureAwait(false))
        {
            figures.Add(figure);
            progress(Describe(figure));
        }

        foreach (var figure in await PropertyRateAsync().ConfigureAwait(false))
        {
            figures.Add(figure);
            progress(Describe(figure));
        }

        figures.Add(await LifecycleRateAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        figures.Add(await ParallelChecksAsync().ConfigureAwait(false));
        progress(Describe(figures[^1]));
        return figures;
    }

    /// <summary>One line.</summary>
    public static string Describe(BenchFigure f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Name,-58} {f.Value,12:0.###} {f.Unit,-14} {f.Target ?? string.Empty,-22} {(f.Met is null ? string.Empty : f.Met.Value ? "met" : "MISSED")}  {f.Detail}");

    /// <summary>1. The default suite (profiles/simulator.json) in process, after the build: on parallel lanes, and on one lane for comparison.</summary>
    private static async Task<BenchFigure> SuiteTimeAsync()
    {
        // The first run pays the JIT: it is the figure a user sees after the build. Then one lane and the parallel lanes
        // are timed again, warm, side by side.
        var (cold, passed, cases, lanes) = await TimeSuiteAsync(lanes: null).ConfigureAwait(false);
        var (sequential, _, _, _) = await TimeSuiteAsync(lanes: 1).ConfigureAwait(false);
        var (parallel, _, _, _) = await TimeSuiteAsync(lanes: null).ConfigureAwait(false);
        var checks = Catalogue.All.Sum(c => c.Checks.Count);
        return new BenchFigure("1. suite time (default profile, embedded simulator)", cold, "s", "≤ 10 s", cold <= 10, string.Create(CultureInfo.InvariantCulture, $"{passed}/{checks} checks passed, {cases} cases per property, report files included, first run in the process; warm: {parallel:0.00} s on {lanes} parallel lanes, {sequential:0.00} s on one lane"));
    }

    /// <summary>1b. The lifecycle tier (every check of the six state-changing operations) against the two-site simulator profile, after the build.</summary>
    private static async Task<BenchFigure> LifecycleSuiteTimeAsync()
    {
        var profile = Path.Combine(Path.GetDirectoryName(RunPaths.ProfilePath(null)) ?? ".", "simulator-two-sites.json");
        var checks = Catalogue.Lifecycle.SelectMany(c => c.Checks).ToList();
        var (seconds, passed, _, lanes) = await TimeSuiteAsync(lanes: null, profile, checks).ConfigureAwait(false);
        return new BenchFigure("1b. lifecycle suite time (two-site simulator)", seconds, "s", "≤ 10 s", seconds <= 10, string.Create(CultureInfo.InvariantCulture, $"{passed}/{checks.Count} checks of {Catalogue.Lifecycle.Count} operations passed on {lanes} parallel lanes, both sites connected, report files included"));
    }

    private static async Task<(double Seconds, int Passed, int? Cases, int Lanes)> TimeSuiteAsync(int? lanes, string? profile = null, IReadOnlyList<Check>? checks = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using var run = await RunFactory.CreateAsync(profile ?? RunPaths.ProfilePath(null), directory, name => name == "VASA_LANES" && lanes is { } l ? l.ToString(CultureInfo.InvariantCulture) : Environment.GetEnvironmentVariable(name)).ConfigureAwait(false);
            await Task.WhenAll((checks ?? Catalogue.InRunOrder).Select(run.RunCheckAsync)).ConfigureAwait(false);
            run.Finish();
            return (clock.Elapsed.TotalSeconds, run.Summary.Counts.Passed, run.Target?.PropertyCases, run.Lanes.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>2. Harness client calls per second against raw HttpClient posting identical bytes to the same endpoint.</summary>
    private static async Task<BenchFigure> ClientOverheadAsync()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful()).ConfigureAwait(false);
        var client = sim.Target.Client;
        var provider = sim.Target.Provider;
        var url = client.Transport.Url("sms", "VasaProvider", provider.Value!, "QueryProviderInfo");
        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Add("vmware-api-session-id", client.Transport.SessionId);
        raw.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        async Task Harness()
        {
            var r = await client.QueryProviderInfoAsync(provider).ConfigureAwait(false);
            if (!r.IsValue)
            {
                throw new InvalidOperationException(r.Describe());
            }
        }

        async Task Raw()
        {
            using var content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await raw.PostAsync(url, content).ConfigureAwait(false);
            _ = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

        var (harnessRate, rawRate) = await SideBySideAsync(Harness, Raw, rounds: 6, callsPerRound: 300).ConfigureAwait(false);
        var ratio = harnessRate / rawRate;
        return new BenchFigure("2. client calls/s ÷ raw HttpClient calls/s", ratio, "ratio", "≥ 0.8", ratio >= 0.8, string.Create(CultureInfo.InvariantCulture, $"harness {harnessRate:0} calls/s, raw HttpClient {rawRate:0} calls/s (QueryProviderInfo, sequential, median of 12 alternating rounds after a 1.5 s warm-up)"));
    }

    /// <summary>3. ReverseReplicateGroup_Task calls per second on the simulator against a minimal Kestrel endpoint.</summary>
    private static async Task<BenchFigure> SimulatorThroughputAsync()
    {
        using var sim = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { BatchLimit = null });
        await using var ceiling = await LoopbackCeiling.StartAsync().ConfigureAwait(false);
        var transport = new SmsTransport(sim.BaseUri, "8.0.3.0", TlsPolicy.System, new Redactor(), TimeSpan.FromSeconds(10));
        var (connection, _) = await ProviderConnector.ConnectAsync(transport, sim.Provider.Options.UserName, MutantTarget.Password, null).ConfigureAwait(false);
        var path = $"sdk/vim25/8.0.3.0/sms/VasaProvider/{SimulatedProvider.ProviderMoId}/ReverseReplicateGroup_Task";
        var body = WireJson.Serialize(new Harness.Wire.Requests.ReverseReplicateGroupRequest { GroupId = [ReplicationGroupId.Of("fd-A", "rg-bench")] });
        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Add("vmware-api-session-id", connection!.Client.Transport.SessionId);
        async Task Post(Uri baseUri)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await raw.PostAsync(new Uri(baseUri, path), content).ConfigureAwait(false);
            _ = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
            }
        }

        var (simRate, ceilingRate) = await SideBySideAsync(() => Post(sim.BaseUri), () => Post(ceiling.BaseUri), rounds: 6, callsPerRound: 300).ConfigureAwait(false);
        transport.Dispose();
        var ratio = simRate / ceilingRate;
        return new BenchFigure("3. simulator Reverse calls/s ÷ Kestrel ceiling", ratio, "ratio", "≥ 0.5", ratio >= 0.5, string.Create(CultureInfo.InvariantCulture, $"simulator {simRate:0} calls/s, minimal Kestrel {ceilingRate:0} calls/s (same bytes, raw HttpClient, sequential, median of 12 alternating rounds after a 1.5 s warm-up)"));
    }

    /// <summary>4. Time per group for one Reverse call of 1 to 10,000 groups, and a TooMany re-split of 10,000 by 100.</summary>
    private static async Task<IReadOnlyList<BenchFigure>> ScalingAsync()
    {
        const int Groups = 10_000;
        var many = Enumerable.Range(0, Groups).Select(i => new SimulatedGroup($"fd-{i % 4}", $"rg-{i}", ReplicationState.FailedOver)).ToList();
        var figures = new List<BenchFigure>();
        var perGroup = new Dictionary<int, double>();
        using (var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful() with { Groups = many, BatchLimit = null, MaxBatchSize = null, TaskPollsToComplete = 0 }).ConfigureAwait(false))
        {
            var ids = many.Select(g => ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList();
            foreach (var (size, repeats) in new[] { (1, 300), (10, 200), (100, 60), (1_000, 12), (10_000, 4) })
            {
                var samples = new List<double>();
                for (var r = 0; r < repeats + 1; r++)
                {
                    sim.Server.Provider.Reset();
                    var clock = Stopwatch.StartNew();
                    var results = await ReverseAndReadAsync(sim.Target, ids.Take(size).ToList()).ConfigureAwait(false);
                    clock.Stop();
                    if (results != size)
                    {
                        throw new InvalidOperationException($"{results} results for {size} groups");
                    }

                    if (r > 0)
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds * 1000 / size);
                    }
                }

                samples.Sort();
                perGroup[size] = samples[samples.Count / 2];
            }

            var flat = perGroup[10_000] / perGroup[100];
            figures.Add(new BenchFigure("4. µs per group at 10,000 ÷ µs per group at 100", flat, "ratio", "≤ 2", flat <= 2, "µs/group (median, call + task + parsed results): " + string.Join(", ", perGroup.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}: {kv.Value:0.0}")))));
        }

        using (var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful() with { Groups = many, BatchLimit = 100, MaxBatchSize = 100, TaskPollsToComplete = 0 }).ConfigureAwait(false))
        {
            var ids = many.Select(g => ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList();
            var clock = Stopwatch.StartNew();
            var first = await sim.Target.Client.ReverseReplicateGroupAsync(sim.Target.Provider, ids).ConfigureAwait(false);
            var max = (first.Fault as TooMany)?.MaxBatchSize ?? throw new InvalidOperationException("expected TooMany, got " + first.Describe());
            var processed = 0;
            foreach (var chunk in BatchPlan.Split(ids, max))
            {
                processed += await ReverseAndReadAsync(sim.Target, chunk).ConfigureAwait(false);
            }

            clock.Stop();
            var per = clock.Elapsed.TotalMilliseconds * 1000 / Groups;
            figures.Add(new BenchFigure("4b. TooMany re-split of 10,000 groups by 100", clock.Elapsed.TotalSeconds, "s", null, null, string.Create(CultureInfo.InvariantCulture, $"{processed} groups processed once in {Groups / max} calls, {per:0.0} µs/group (one call of 100: {perGroup[100]:0.0} µs/group)")));
        }

        return figures;
    }

    /// <summary>5. Property cases per second against the simulator, for each property.</summary>
    private static async Task<IReadOnlyList<BenchFigure>> PropertyRateAsync()
    {
        var figures = new List<BenchFigure>();
        var properties = new[] { "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts", "Every_answer_is_a_task_MoRef_or_a_documented_fault", "Invalid_input_never_changes_any_group_state" };
        foreach (var name in properties)
        {
            using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful() with { TaskPollsToComplete = 0 }).ConfigureAwait(false);
            var check = ReverseCatalogue.Checks.Single(c => c.Name == name);
            await check.ExecuteAsync(sim.Target.With(propertyCases: 300, seed: 1)).ConfigureAwait(false); // warm-up: let the JIT settle
            var target = sim.Target.With(propertyCases: 1_000, seed: 1);
            var clock = Stopwatch.StartNew();
            var result = await check.ExecuteAsync(target).ConfigureAwait(false);
            clock.Stop();
            var rate = 1_000 / clock.Elapsed.TotalSeconds;
            figures.Add(new BenchFigure($"5. property cases/s: {name}", rate, "cases/s", "≥ 1,000", rate >= 1_000, string.Create(CultureInfo.InvariantCulture, $"1,000 cases in {clock.Elapsed.TotalSeconds:0.00} s ({result.Outcome}) after 300 warm-up cases; tasks end at once (taskPollsToComplete 0)")));
        }

        return figures;
    }

    /// <summary>
    /// 6. Lifecycle operations per second of the lifecycle property (LIFE-MODEL-1) against the embedded two-site world,
    /// in process: each operation is its call, its task's polls and QueryReplicationGroup on both sites; each case resets
    /// the simulator and the discovery is made once.
    /// </summary>
    public static async Task<BenchFigure> LifecycleRateAsync(int cases = 300)
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.TwoSites(MutantCatalogue.Faithful() with { TaskPollsToComplete = 0 })).ConfigureAwait(false);
        var check = Lifecycle.LifecycleCatalogue.Checks.Single();
        const int Divisor = Lifecycle.LifecycleModelProperty.CaseDivisor;
        await check.ExecuteAsync(sim.Target.With(propertyCases: 50 * Divisor, seed: 1)).ConfigureAwait(false); // warm-up: let the JIT settle

        // The machine's pace now, to read the figure by: plain client calls per second against the same simulator.
        var baseline = Stopwatch.StartNew();
        var calls = 0;
        while (baseline.Elapsed < TimeSpan.FromSeconds(1))
        {
            await sim.Target.Client.QueryProviderInfoAsync(sim.Target.Provider).ConfigureAwait(false);
            calls++;
        }

        var callRate = calls / baseline.Elapsed.TotalSeconds;
        var requestsBefore = sim.Server.Provider.Requests.Count;
        var clock = Stopwatch.StartNew();
        var result = await check.ExecuteAsync(sim.Target.With(propertyCases: cases * Divisor, seed: 1)).ConfigureAwait(false);
        clock.Stop();
        var operations = Lifecycle.LifecycleTally.OperationsIn(result.Notes) ?? 0;
        var exchanges = (double)(sim.Server.Provider.Requests.Count - requestsBefore) / Math.Max(1, operations);
        var rate = operations / clock.Elapsed.TotalSeconds;
        return new BenchFigure("6. lifecycle property: operations per second", rate, "ops/s", "≥ 500", rate >= 500, string.Create(CultureInfo.InvariantCulture, $"{operations} operations in {cases} cases in {clock.Elapsed.TotalSeconds:0.00} s ({result.Outcome}), two-site world in process, {exchanges:0.0} exchanges per operation (the call, its task's polls, QueryReplicationGroup on both sites, the per-case reads); tasks end at once (taskPollsToComplete 0); the client made {callRate:0} QueryProviderInfo calls/s just before"));
    }

    /// <summary>
    /// 7. Checks at once against a provider started on its own (not embedded: no reset, no lanes, one shared target),
    /// every task taking 1 s: the wall time of the Reverse checks that may share the provider (every Reverse check but
    /// the exclusive ones: they run alone by design), against 1.3 × the sum of the task durations ÷ maxConcurrentTasks.
    /// The Reverse checks are the task-heavy selection: nearly each starts a task on a FAILEDOVER group of its own, and
    /// 24 allowlisted FAILEDOVER groups let every one lease a disjoint group.
    /// </summary>
    public static async Task<BenchFigure> ParallelChecksAsync(int maxConcurrentTasks = 4)
    {
        const int Copies = 8;
        var options = MutantCatalogue.Faithful() with
        {
            TaskDurationMilliseconds = 1_000,
            Groups = [.. Enumerable.Range(0, Copies).SelectMany(copy => MutantCatalogue.Faithful().Groups.Select(g => g with { DeviceGroupId = $"{g.DeviceGroupId}-{copy}" }))],
        };
        using var sim = await MutantTarget.StartAsync(options, asRealProvider: true).ConfigureAwait(false);
        var target = sim.Target.With(maxConcurrentTasks: maxConcurrentTasks, taskTimeout: TimeSpan.FromSeconds(60));
        // Interleaved by operation: the checks that read one operation's shared scenario do not all wait on it together.
        var checks = Catalogue.Lifecycle.SelectMany(c => c.Checks.Where(k => !k.Exclusive && k.Stage == RunStage.Checks).Select((k, i) => (Check: k, Index: i))).OrderBy(x => x.Index).Select(x => x.Check).ToList();
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vasa-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var run = new ConformanceRun(directory, new Redactor(), null, target, null, null, []) { Lanes = [target] };
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(checks.Select(run.RunCheckAsync)).ConfigureAwait(false);
            clock.Stop();
            var taskSeconds = target.TaskDurations.Sum(d => d.TotalSeconds);
            var bound = 1.3 * taskSeconds / maxConcurrentTasks;
            var wall = clock.Elapsed.TotalSeconds;
            var outcomes = string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key}"));
            return new BenchFigure("7. parallel checks on a provider started on its own (1 s tasks)", wall, "s", string.Create(CultureInfo.InvariantCulture, $"≤ {bound:0.0} s"), wall <= bound, string.Create(CultureInfo.InvariantCulture, $"{checks.Count} checks of the {Catalogue.Lifecycle.Count} state-changing operations (the non-exclusive ones), {Copies} copies of the faithful groups: {outcomes}; {target.TaskDurations.Count} tasks, {taskSeconds:0.0} s of task time; target 1.3 × task time ÷ maxConcurrentTasks {maxConcurrentTasks}; one at a time would take ≥ {taskSeconds:0.0} s"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> ReverseAndReadAsync(ConformanceTarget t, IReadOnlyList<ReplicationGroupId> groups)
    {
        var call = await t.Client.ReverseReplicateGroupAsync(t.Provider, groups).ConfigureAwait(false);
        var wait = await t.Waiter.WaitAsync(t.Client, call.Value ?? throw new InvalidOperationException(call.Describe())).ConfigureAwait(false);
        return wait.Final?.Result is BoxedArray boxed && boxed.TryReadItems<GroupOperationResult>(out var items, out _) ? items!.Count : -1;
    }

    /// <summary>
    /// Warms both loads up until the JIT has settled (tiered compilation re-jits hot code after its first calls), then
    /// alternates short rounds so both see the same machine state; returns the median calls per second of each.
    /// </summary>
    private static async Task<(double A, double B)> SideBySideAsync(Func<Task> a, Func<Task> b, int rounds, int callsPerRound)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            await a().ConfigureAwait(false);
            await b().ConfigureAwait(false);
        }

        var ratesA = new List<double>();
        var ratesB = new List<double>();
        for (var round = 0; round < rounds * 2; round++)
        {
            ratesA.Add(callsPerRound / (await TimeAsync(a, callsPerRound).ConfigureAwait(false)).TotalSeconds);
            ratesB.Add(callsPerRound / (await TimeAsync(b, callsPerRound).ConfigureAwait(false)).TotalSeconds);
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        return (Median(ratesA), Median(ratesB));
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> call, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await call().ConfigureAwait(false);
        }

        return clock.Elapsed;
    }
}
