using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Targets;
using FsCheck.Fluent;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Conformance.Lifecycle;

/// <summary>
/// LIFE-MODEL-1 as a stateful, model-based FsCheck property: random sequences of lifecycle operations on the
/// allowlisted pairs, at either site, each followed by QueryReplicationGroup on both sites (the pair's two groups; every
/// pair once more after the sequence), judged against
/// <see cref="LifecycleModel"/> (the operations' own transitions). A failure shrinks to the shortest failing sequence,
/// printed as a script (<see cref="LifecycleScript"/>) with its exchanges, and replays with its seed.
/// </summary>
internal static class LifecycleModelProperty
{
    /// <summary>
    /// The property runs one case for every this many cases the profile asks of a property (at least one): each case is
    /// a sequence of up to <see cref="LifecycleGenerators.MaxLength"/> operations, each waited for and read at both
    /// sites, so the default run (50 cases, a simulator whose tasks take three polls) spends a few seconds on it.
    /// </summary>
    public const int CaseDivisor = 5;

    /// <summary>The cases the property runs against <paramref name="target"/>.</summary>
    public static int Cases(ConformanceTarget target) => Math.Max(1, target.PropertyCases / CaseDivisor);

    /// <summary>The check body.</summary>
    public static async Task RunAsync(CheckScope s)
    {
        s.Require(s.Target.Allowlist.Count > 0, "the profile allowlists no group, so there is no pair to run the lifecycle on");
        OperationSteps.RequireTasksFinish(s);
        var operations = LifecycleOperations.All.Where(o => s.Target.CapabilityOf(o.Name).Implemented).ToList();
        if (operations.Count == 0)
        {
            s.NotApplicable("the profile declares every lifecycle operation not implemented (capabilities)");
        }

        var peer = s.Target.PeerSide;
        var pairs = await LifecycleDiscovery.DiscoverAsync(s, peer).ConfigureAwait(false);
        s.Require(pairs.Any(p => p.Tested?.Changeable == true || p.Peer?.Changeable == true), "no allowlisted group was found (QueryReplicationGroup knows none of them)");
        s.Note(peer is null
            ? $"one site: the twin side was not observed (no peer in the profile); the model tracks the {pairs.Count} allowlisted group(s) of this site alone"
            : $"{pairs.Count} pair(s) discovered through QueryReplicationGroup's links: {string.Join(", ", pairs)}");

        var start = LifecycleModel.Start(pairs);
        var failures = new LifecycleFailurePoints();
        var tally = new LifecycleTally();
        var arb = Arb.From(LifecycleGenerators.Sequences(start, operations), commands => LifecycleGenerators.Shrink(commands, start, failures.Of));
        try
        {
            await PropertyRunner.RunAsync(
                s,
                "Lifecycle sequences on the allowlisted pairs, both sites read after each operation",
                arb,
                (c, commands) => CaseAsync(c, commands, start, failures, tally),
                commands => LifecycleScript.Describe(commands, start),
                Cases(s.Target)).ConfigureAwait(false);
        }
        finally
        {
            Notes(s, tally);
        }
    }

    /// <summary>One case: the sequence from the model's start (the simulator reset; on a real provider, where the last case left it).</summary>
    private static async Task CaseAsync(CheckScope s, LifecycleCommand[] commands, LifecycleModel start, LifecycleFailurePoints failures, LifecycleTally tally)
    {
        var peer = s.Target.PeerSide;
        var sites = new Dictionary<LifecycleSite, CheckScope> { [LifecycleSite.Tested] = s };
        if (peer is not null)
        {
            sites[LifecycleSite.Peer] = s.At(peer);
        }

        var model = start;
        if (s.Target.Simulator is null && Restore.CheckRestore.Enabled(s))
        {
            // Each case's round trip put its pairs back, perhaps under new ids: find them again, keeping the readings pinned so far.
            model = LifecycleModel.Start(await LifecycleDiscovery.DiscoverAsync(s, peer).ConfigureAwait(false)) with { Readings = (tally.Last ?? start).Readings };
        }
        else if (s.Target.Simulator is null)
        {
            // A real provider is not reset: start from the ids the last case left, in the states they read now.
            model = Restart(tally.Last ?? start);
            var (read, _) = model.Observe(await ReadAsync(sites, model, null, "Read every pair at both sites before the sequence").ConfigureAwait(false));
            model = read;
        }

        var script = new LifecycleScript();
        try
        {
            for (var i = 0; i < commands.Length; i++)
            {
                var c = commands[i];
                var prediction = model.Predict(c);
                if (prediction.Kind == LifecyclePredictionKind.Skipped)
                {
                    tally.Skip();
                    continue;
                }

                var index = i;
                model = await StepAsync(s, sites, model, c, prediction, script, () => failures.Record(commands, index), tally).ConfigureAwait(false);
            }

            // Each operation was followed by a read of its pair; every other pair is read once, at the end (NOCHANGE-1).
            if (script.Count > 0 && model.Pairs.Length > 1)
            {
                model = await ObserveAsync(s, sites, model, null, "Read every pair at both sites after the sequence", script, () => failures.Record(commands, commands.Length - 1)).ConfigureAwait(false);
            }
        }
        finally
        {
            tally.Finished(model);
            tally.Last = model;
        }
    }

    /// <summary>Sends one command, judges its answer against the prediction, applies it, reads both sites and judges them.</summary>
    private static Task<LifecycleModel> StepAsync(CheckScope s, IReadOnlyDictionary<LifecycleSite, CheckScope> sites, LifecycleModel model, LifecycleCommand c, LifecyclePrediction prediction, LifecycleScript script, Action failing, LifecycleTally tally)
    {
        var id = model.IdOf(c)!;
        var alias = model.AliasOf(c);
        script.Add(c, alias);
        return s.StepAsync($"{script.Count}. {LifecycleScript.Command(c, alias)} with {id}: the model predicts {prediction.Describe()} ({prediction.Why})", async () =>
        {
            var at = sites[c.Site];
            var subject = LifecycleOperations.Subject(c.Operation);
            var before = new Dictionary<string, string?>(StringComparer.Ordinal) { [id.Key] = c.Variant == LifecycleVariant.Current ? model.SideOf(c)?.Current : null };
            var mayBeRefused = prediction.Kind != LifecyclePredictionKind.Succeeds ? new HashSet<string>(StringComparer.Ordinal) { id.Key } : null;
            var call = await OperationSteps.CallAsync(at, subject, [id]).ConfigureAwait(false);
            tally.Sent();
            var answer = await OperationAnswer.ReadAsync(at, subject, [id], before, call, contested: mayBeRefused).ConfigureAwait(false);
            if (prediction.Uncharted is { } uncharted)
            {
                tally.Uncharted($"{uncharted} (at {LifecycleCommand.Label(c.Site)})");
            }

            var (outcome, newGroupId) = Judge(s, c, prediction, answer, id, script, failing, tally);
            if (outcome == LifecycleOutcome.Succeeded)
            {
                tally.Succeeded($"{c.Short}@{LifecycleCommand.Label(c.Site)}");
            }

            if (answer.Reading is { } route)
            {
                tally.Route($"[U-GROUP-ERROR] {c.Short}: {route}");
            }

            model = model.Apply(c, outcome, newGroupId);
            return await ObserveAsync(s, sites, model, c.Pair, "Read the pair at both sites", script, failing).ConfigureAwait(false);
        });
    }

    /// <summary>Reads the groups of <paramref name="pair"/> (null: of every pair) at both sites and holds them to the model; fails the case with the script when one differs.</summary>
    private static async Task<LifecycleModel> ObserveAsync(CheckScope s, IReadOnlyDictionary<LifecycleSite, CheckScope> sites, LifecycleModel model, int? pair, string step, LifecycleScript script, Action failing)
    {
        var (observed, mismatches) = model.Observe(await ReadAsync(sites, model, pair, step).ConfigureAwait(false));
        if (mismatches.Count > 0)
        {
            failing();
            s.Attach("Lifecycle script", "text/plain", script.FailReading(mismatches));
            s.Fail(Defect.Result, "both sites to read as the lifecycle model predicts after every operation", script.ToString(), s.LastCall);
        }

        return observed;
    }

    /// <summary>Classifies the answer (the shared rule of <see cref="OperationAnswer"/>) and holds it to the prediction; fails the case with the script when it differs.</summary>
    private static (LifecycleOutcome Outcome, string? NewGroupId) Judge(CheckScope s, LifecycleCommand c, LifecyclePrediction prediction, OperationAnswer answer, ReplicationGroupId id, LifecycleScript script, Action failing, LifecycleTally tally)
    {
        void Fail(Defect defect, string expected, string got, Harness.Client.ProviderCall? evidence)
        {
            failing();
            s.Attach("Lifecycle script", "text/plain", script.FailAnswer(expected, got));
            s.Fail(new Failure(defect, $"{expected} ({prediction.Why})", script.ToString()) { Evidence = evidence ?? answer.FinalPoll ?? answer.Call.Call });
        }

        var outcome = answer.Of(id);
        s.Require(outcome.Kind != GroupOutcomeKind.Unsettled, outcome.Detail);
        IReadOnlyList<MethodFault> faults = outcome.Faults;
        if (outcome.Kind == GroupOutcomeKind.Wrong)
        {
            if (answer.Whole is not { } whole)
            {
                Fail(outcome.Failure?.Defect ?? Defect.Result, prediction.Describe(), outcome.Failure?.Observed ?? outcome.Detail, outcome.Failure?.Evidence);
                return default;
            }

            // Refused as a whole where the shared rule expects success: the model judges the fault itself.
            faults = [whole.Fault];
        }

        if (answer.Results is { } results && (results.Count != 1 || results[0].GroupId?.Key != id.Key))
        {
            Fail(Defect.Result, "one result, for the group requested", $"{results.Count} result(s), for {string.Join(", ", results.Select(r => r.GroupId?.ToString() ?? "(no groupId)"))}", answer.FinalPoll);
        }

        var refused = outcome.Kind != GroupOutcomeKind.Succeeded;

        // A void task (TestFailoverStart/Stop) has no entry to carry AlreadyDone: its success on a repeat is that warning.
        var alreadyDone = outcome.AlreadyDone || (!refused && answer.Results is null && prediction.AlreadyDone);
        var fault = string.Join(", ", faults.Select(f => f.TypeName ?? "a fault without _typeName"));
        switch (prediction.Kind)
        {
            case LifecyclePredictionKind.Succeeds when refused:
                Fail(Defect.Result, "success", $"a refusal with {fault}", null);
                break;
            case LifecyclePredictionKind.Succeeds when alreadyDone:
                Fail(Defect.Result, "success", "an AlreadyDone warning", null);
                break;
            case LifecyclePredictionKind.Refused when !refused && !(alreadyDone && prediction.AlreadyDone):
                Fail(Defect.Result, prediction.Describe(), alreadyDone ? "an AlreadyDone warning" : "success", null);
                break;
            case LifecyclePredictionKind.Refused or LifecyclePredictionKind.Either when refused && !faults.Any(prediction.Accepts):
                Fail(Defect.WrongFault, prediction.Describe(), $"a refusal with {(faults.Count == 0 ? "no fault" : fault)}", null);
                break;
        }

        if (refused)
        {
            if (prediction.Expected is { } expected && !faults.Any(f => f.IsA(expected)))
            {
                tally.Route($"{c.Short} at the wrong site refused with {fault}, not {expected} (accepted, as SITE-1 does)");
            }

            return (LifecycleOutcome.Refused, null);
        }

        if (alreadyDone)
        {
            return (LifecycleOutcome.AlreadyDone, null);
        }

        if (c.Operation.NewGroupId is not null && outcome.NewGroupId is null)
        {
            Fail(Defect.Result, "success naming the new group (newGroupId)", "a success without newGroupId", null);
        }

        return (LifecycleOutcome.Succeeded, outcome.NewGroupId);
    }

    /// <summary>Reads the groups of <paramref name="only"/> (null: of every pair) at each site, one QueryReplicationGroup per site, both at once.</summary>
    private static Task<Dictionary<(int Pair, LifecycleSite Site), LifecycleReading>> ReadAsync(IReadOnlyDictionary<LifecycleSite, CheckScope> sites, LifecycleModel model, int? only, string step)
    {
        var s = sites[LifecycleSite.Tested];
        var pairs = only is { } one ? [one] : Enumerable.Range(0, model.Pairs.Length).ToList();
        return s.StepAsync(step, async () =>
        {
            var asked = sites.Keys.Select(site => (Site: site, Groups: pairs.Where(i => model.Pairs[i].At(site) is not null).Select(i => (Pair: i, Id: model.Pairs[i].At(site)!.Id)).ToList()))
                .Where(a => a.Groups.Count > 0)
                .ToList();
            var answers = await Task.WhenAll(asked.Select(a => QueryAsync(sites[a.Site], a.Groups.Select(g => g.Id).ToList()))).ConfigureAwait(false);
            var readings = new Dictionary<(int, LifecycleSite), LifecycleReading>();
            for (var k = 0; k < asked.Count; k++)
            {
                foreach (var (pair, id) in asked[k].Groups)
                {
                    readings[(pair, asked[k].Site)] = answers[k].GetValueOrDefault(id.Key) ?? LifecycleReading.Absent;
                }
            }

            return readings;
        });
    }

    private static async Task<Dictionary<string, LifecycleReading>> QueryAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> ids)
    {
        var r = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, ids), underTest: false).ConfigureAwait(false);
        s.Require(r.IsValue && r.Value is not null, $"could not read the groups with QueryReplicationGroup: {r.Describe()}");
        var byKey = new Dictionary<string, LifecycleReading>(StringComparer.Ordinal);
        foreach (var result in r.Value!)
        {
            if (result is QueryReplicationGroupSuccessResult { GroupId: { } id, RgInfo: { } info })
            {
                byKey.TryAdd(id.Key, LifecycleDiscovery.ReadingOf(info));
            }
        }

        return byKey;
    }

    /// <summary>The model for the next case on a real provider: the ids it ended with, nothing pinned or remembered but the repeats the provider may answer AlreadyDone.</summary>
    private static LifecycleModel Restart(LifecycleModel last) => LifecycleModel.Start(last.Pairs.Select(p => new LifecyclePair(
        p.Tested is { } t ? t with { States = null, Pending = null } : null,
        p.Peer is { } a ? a with { States = null, Pending = null } : null)));

    private static void Notes(CheckScope s, LifecycleTally tally)
    {
        s.Note(tally.OperationsLine());
        s.Note(tally.SuccessesLine());
        foreach (var (key, state, cases) in tally.Readings())
        {
            if (LifecycleCatalogue.PointOf(key, state) is var (point, reading))
            {
                point.Note(s, reading, $"{key} read {state} in {cases} case(s)");
            }
            else
            {
                s.Note($"uncharted transition: {key} read {state} in {cases} case(s)");
            }
        }

        foreach (var (what, count) in tally.UnchartedCalls())
        {
            s.Note($"{count} call(s) the reference does not chart, success or refusal accepted: {what}");
        }

        foreach (var (route, count) in tally.Routes())
        {
            s.Note($"reading seen in {count} refusal(s): {route}");
        }
    }
}
