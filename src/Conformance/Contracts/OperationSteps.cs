using System.Text.Json;
using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>The steps and expectations the checks of every operation share: calling it safely, waiting for its task, reading its results and the groups' states.</summary>
internal static class OperationSteps
{
    /// <summary>What a successful task's result must be: the expectation <see cref="TryReadResults"/> reports what it observed against.</summary>
    public const string ResultShape = "a successful task's result to be GroupOperationResult[] (ArrayOfGroupOperationResult), one per requested group";

    /// <summary>Reads the replication state of each group; a group the provider does not know maps to null.</summary>
    public static Task<Dictionary<string, string?>> ReadStatesAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> groups, string stepName) =>
        s.StepAsync(stepName, async () =>
        {
            var states = groups.ToDictionary(g => g.Key, _ => (string?)null, StringComparer.Ordinal);
            if (groups.Count == 0)
            {
                return states;
            }

            var query = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, groups), underTest: false).ConfigureAwait(false);
            s.Require(query.IsValue && query.Value is not null, $"could not read group states with QueryReplicationGroup: {query.Describe()}");
            foreach (var result in query.Value!)
            {
                if (result is QueryReplicationGroupSuccessResult { GroupId: { } id, RgInfo: { } info } && states.ContainsKey(id.Key))
                {
                    states[id.Key] = info.CurrentState;
                }
            }

            return states;
        });

    /// <summary>
    /// Calls the operation with the harness's fault reactions (<see cref="ProviderCalls"/>), for <paramref name="groups"/>
    /// or with <paramref name="rawBody"/> exactly as given, refusing any group the profile does not allowlist, holding a
    /// task slot while its task runs, and journals the call.
    /// </summary>
    /// <param name="variant">Sends another form of the call for <paramref name="groups"/> (e.g. a checkOnly failover) instead of the description's.</param>
    public static async Task<ProviderResult<ManagedObjectReference>> CallAsync(CheckScope s, OperationUnderTest op, IReadOnlyList<ReplicationGroupId>? groups, string? rawBody = null, bool react = true, Func<SmsClient, ManagedObjectReference, Task<ProviderResult<ManagedObjectReference>>>? variant = null)
    {
        var name = op.Name;
        if (groups?.FirstOrDefault(g => !s.Target.MayChange(g)) is { } refused)
        {
            throw new InvalidOperationException($"safety: refusing to send {refused} to {name}: it is not in the profile's groups allowlist");
        }

        if (rawBody is not null && groups is null)
        {
            // A raw body names only made-up groups by construction; refuse anything else that looks like an allowlist miss.
            foreach (var id in ExtractIds(rawBody).Where(id => !s.Target.MayChange(id)))
            {
                throw new InvalidOperationException($"safety: refusing to send {id} to {name}: it is not in the profile's groups allowlist");
            }
        }

        // Safety: a failed restore stops the run's own state-changing calls (the round trip's own calls go on).
        if (s.Target.Restores.Halted is { } halted && !s.Touches.Restoring)
        {
            s.Require(false, halted);
        }

        // Round trips: the pair of each real group is read as it is now, before this check first changes it.
        await Restore.CheckRestore.BeforeChangeAsync(s, groups ?? ExtractIds(rawBody ?? "{}").ToList()).ConfigureAwait(false);

        // Politeness: at most maxConcurrentTasks tasks in flight against the provider.
        var slot = await s.Target.TaskSlots.WaitAsync(s.Target.TaskTimeout, s.Target.Stopping).ConfigureAwait(false);
        s.Require(slot, $"no task slot came free within {s.Target.TaskTimeout.TotalSeconds:0} s (maxConcurrentTasks {s.Target.MaxConcurrentTasks})");
        ProviderResult<ManagedObjectReference> result;
        try
        {
            var send = op.Operation.RequireSend();
            var sendRaw = rawBody is null ? null : op.Operation.RequireSendRaw();
            result = await ProviderCalls.CallAsync(
                s,
                name,
                () => variant is not null ? variant(s.Client, s.Target.Provider) : rawBody is null ? send(s.Client, s.Target.Provider, groups) : sendRaw!(s.Client, s.Target.Provider, rawBody),
                react: react).ConfigureAwait(false);
        }
        catch
        {
            s.Target.TaskSlots.Release();
            throw;
        }

        if (result.IsValue && IsTaskMoRef(result.Value))
        {
            s.HoldSlot(result.Value!.Value!);
        }
        else
        {
            s.Target.TaskSlots.Release();
        }

        s.Target.Journal.Add(name, groups ?? ExtractIds(rawBody ?? "{}").ToList(), result.IsValue ? $"task {result.Value}" : result.Describe(), s.Touches.Restoring ? $"{s.Name} (restore)" : s.Name);
        if (result.IsValue && IsTaskMoRef(result.Value))
        {
            s.Target.OpenTasks[result.Value!.Value!] = groups is null ? "(raw body)" : string.Join(", ", groups.Select(g => g.Key));
        }

        return result;
    }

    /// <summary>Every well-formed group id a raw body names, wherever it stands (an object with string faultDomainId.id and deviceGroupId.id).</summary>
    public static IEnumerable<ReplicationGroupId> ExtractIds(string body)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return [];
        }

        var ids = new List<ReplicationGroupId>();
        Collect(root, ids);
        return ids;
    }

    /// <summary>Fails unless the answer is exactly the named fault: HTTP 500, JSON MethodFault body, exact <c>_typeName</c>, well-formed fields.</summary>
    public static void ExpectFault<T>(CheckScope s, ProviderResult<T> r, string expected)
    {
        switch (r.Kind)
        {
            case OutcomeKind.Value:
                s.Fail(Defect.WrongFault, $"{expected} (HTTP 500 with a MethodFault body)", $"HTTP {r.Call.Status} with a {Describe(r.Value)}", r.Call);
                break;
            case OutcomeKind.TransportError:
                s.Fail(Defect.WrongFault, expected, $"no usable answer ({r.Problem})", r.Call);
                break;
            case OutcomeKind.ProtocolViolation:
                s.Fail(Defect.WrongFault, $"{expected} as HTTP 500 with a JSON MethodFault body", r.Problem ?? "a protocol violation", r.Call);
                break;
        }

        var fault = r.Fault!;
        s.Expect(fault.TypeName == expected, Defect.WrongFault, expected, fault.TypeName is null ? "a MethodFault body without _typeName" : fault.TypeName, r.Call);
    }

    /// <summary>
    /// Where the operation is called for groups in <paramref name="state"/>: the tested site when it holds an allowlisted
    /// group in that state, else the peer site when it does (PrepareFailover at the source of a pair tested at its
    /// target, or a failback); else the tested site. Returns that site's scope, up to <paramref name="lease"/> of its
    /// allowlisted groups in the state, leased to the check with their twins (<see cref="LeaseAsync"/>: when other
    /// checks hold every such group, it waits for one to come free), and the states read there. With
    /// <paramref name="twinState"/> (the transition's twin before), a group whose twin reads another state is passed over.
    /// </summary>
    public static async Task<(CheckScope Site, List<ReplicationGroupId> Groups, Dictionary<string, string?> States)> SiteHoldingAsync(CheckScope s, string? state, string purpose, int lease = 1, string? twinState = null)
    {
        var states = new Dictionary<string, string?>(StringComparer.Ordinal);
        var (site, groups) = await LeaseAsync(
            s,
            $"{state} group",
            async () =>
            {
                // One reading of each allowlist: another check's round trip may move an entry to its new id meanwhile.
                var allowlist = s.Target.Allowlist;
                var (hereStates, hereTwins) = await ReadWithTwinsAsync(s, allowlist, $"Read the replication state of every allowlisted group ({purpose})").ConfigureAwait(false);
                states = hereStates;
                var peer = s.Target.PeerSide is { Allowlist.Count: > 0 } p ? p : null;
                var there = peer is null ? null : s.At(peer);
                var peerAllowlist = peer?.Allowlist ?? [];
                var (peerStates, peerTwins) = there is not null && (twinState is not null || !allowlist.Any(g => hereStates[g.Key] == state))
                    ? await ReadWithTwinsAsync(there, peerAllowlist, $"Read the replication state of every allowlisted group of the peer site ({purpose})").ConfigureAwait(false)
                    : (null, null);

                // The operation's transition starts from a twin in twinState: a group whose twin reads otherwise is not one to call it on.
                bool Charted(ReplicationGroupId g, IReadOnlyDictionary<string, ReplicationGroupId?> twins, Dictionary<string, string?>? otherStates) =>
                    twinState is null || otherStates is null || twins.GetValueOrDefault(g.Key) is not { } twin || !otherStates.TryGetValue(twin.Key, out var read) || read == twinState;
                var here = allowlist.Where(g => hereStates[g.Key] == state && Charted(g, hereTwins, peerStates)).ToList();
                if (here.Count > 0 || there is null || peerStates is null)
                {
                    return (s, here, hereTwins);
                }

                var found = peerAllowlist.Where(g => peerStates[g.Key] == state && Charted(g, peerTwins!, hereStates)).ToList();
                if (found.Count == 0)
                {
                    return (s, here, hereTwins);
                }

                states = peerStates;
                return (there, found, peerTwins!);
            },
            lease).ConfigureAwait(false);
        return (site, groups, states);
    }

    /// <summary>
    /// Leases up to <paramref name="count"/> of the candidates <paramref name="find"/> reads (in its order), each with
    /// its twin at the other site, to the check until it ends, skipping groups other checks hold. When other checks hold
    /// every candidate it waits for one to release a group (cancelled when the run stops; at most the task timeout) and
    /// reads again; it returns no group only when <paramref name="find"/> finds no candidate at all (and, where checks
    /// restore what they change, no other check holds a group that may come back in the state).
    /// </summary>
    /// <param name="s">The check.</param>
    /// <param name="what">What is looked for (for the message when waiting gives up).</param>
    /// <param name="find">The site to call, its candidates, and each candidate's twin at the other site (null: none known).</param>
    /// <param name="count">How many to lease at most.</param>
    public static async Task<(CheckScope Site, List<ReplicationGroupId> Groups)> LeaseAsync(CheckScope s, string what, Func<Task<(CheckScope Site, List<ReplicationGroupId> Candidates, IReadOnlyDictionary<string, ReplicationGroupId?> Twins)>> find, int count = 1)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var released = s.Target.Leases.NextRelease;
            var (site, candidates, twins) = await find().ConfigureAwait(false);
            var leased = new List<ReplicationGroupId>();
            foreach (var group in candidates)
            {
                if (leased.Count >= count)
                {
                    break;
                }

                if (site.TryLease(group, site.Target.PeerSide, twins.GetValueOrDefault(group.Key)))
                {
                    leased.Add(group);
                }
            }

            // With round trips, a group another check holds comes back to the state it had: none in the state now is
            // final only when no other check holds a group.
            if (leased.Count > 0 || (candidates.Count == 0 && !(Restore.CheckRestore.Enabled(s) && s.Target.Leases.HeldByOthers(s.Holder))))
            {
                return (site, leased);
            }

            var left = s.Target.TaskTimeout - waited.Elapsed;
            s.Require(left > TimeSpan.Zero, $"every allowlisted {what} ({candidates.Count}) stayed in use by other checks for {s.Target.TaskTimeout.TotalSeconds:0.#} s (taskTimeoutSeconds); allowlist more groups for checks to run at once");
            try
            {
                await released.WaitAsync(left, s.Target.Stopping).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Given up at the next turn (the message names the wait).
            }
        }
    }

    /// <summary>Picks one allowlisted group in <paramref name="state"/> (the operation's precondition by default) at the site that holds one (<see cref="SiteHoldingAsync"/>), leased to the check.</summary>
    /// <param name="consumes">Whether the check consumes the group (default: when the operation is irreversible and the state its precondition); a pick it consumes spends the profile's budget (<see cref="GroupSpending"/>).</param>
    public static async Task<(CheckScope Site, ReplicationGroupId Group)> PickAtSiteAsync(CheckScope s, OperationUnderTest op, string? state = null, bool? consumes = null)
    {
        state ??= op.Operation.Precondition;
        RequireTasksFinish(s);
        var (site, groups, _) = await SiteHoldingAsync(s, state, $"find a {state} group", twinState: state == op.Operation.Precondition ? op.Operation.Transition?.PeerBefore : null).ConfigureAwait(false);
        s.Require(groups.Count > 0, $"no allowlisted group is {state} at either site ({s.Target.Allowlist.Count} allowlisted here, {s.Target.PeerSide?.Allowlist.Count ?? 0} at the peer); allowlist a {state} group");
        return (site, GroupSpending.Take(s, op, state, [groups[0]], consumes)[0]);
    }

    /// <summary>Picks one allowlisted group in the operation's precondition state, leased to the check (inconclusive when there is none left, or when this provider's tasks do not finish).</summary>
    public static async Task<ReplicationGroupId> PickInStateAsync(CheckScope s, OperationUnderTest op)
    {
        var state = op.Operation.Precondition;
        RequireTasksFinish(s);
        var (_, groups) = await LeaseAsync(
            s,
            $"{state} group",
            async () =>
            {
                var allowlist = s.Target.Allowlist;
                var (states, twins) = await ReadWithTwinsAsync(s, allowlist, $"Find an allowlisted {state} group").ConfigureAwait(false);
                return (s, allowlist.Where(g => states[g.Key] == state).ToList(), twins);
            }).ConfigureAwait(false);
        s.Require(groups.Count > 0, $"no allowlisted group is {state} any more ({s.Target.Allowlist.Count} allowlisted); allowlist more {state} groups (each run spends several)");
        return GroupSpending.Take(s, op, state, [groups[0]])[0];
    }

    /// <summary>Reads the replication state of each group, as <see cref="ReadStatesAsync"/>, and the twin each one names at the other site (see <see cref="LifecycleSteps.TwinOf"/>).</summary>
    public static async Task<(Dictionary<string, string?> States, IReadOnlyDictionary<string, ReplicationGroupId?> Twins)> ReadWithTwinsAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> groups, string stepName)
    {
        var (infos, _) = await LifecycleSteps.ReadGroupsAsync(s, groups, stepName).ConfigureAwait(false);
        var states = groups.ToDictionary(g => g.Key, g => infos.GetValueOrDefault(g.Key)?.CurrentState, StringComparer.Ordinal);
        var twins = groups.ToDictionary(g => g.Key, g => LifecycleSteps.TwinOf(infos.GetValueOrDefault(g.Key)), StringComparer.Ordinal);
        return (states, twins);
    }

    /// <summary>
    /// Stops the check as Inconclusive at once when a task of this provider was stuck earlier in the run (unless the
    /// profile sets keepWaitingAfterStuckTask): a check that needs a task to end would only wait the full timeout again.
    /// </summary>
    public static void RequireTasksFinish(CheckScope s)
    {
        if (s.Target.FailFast.StopWaiting is { } reason)
        {
            s.Require(false, reason);
        }
    }

    /// <summary>
    /// Waits for a task whose end the check needs, with the profile's timeout, recording each poll. A task stuck now,
    /// or earlier in the run, stops the check as Inconclusive naming the operation's task-success clause (the check
    /// that judges it); a poll the provider refuses as malformed or answers outside the protocol breaks it.
    /// </summary>
    public static async Task<TaskWaitResult> WaitAsync(CheckScope s, OperationUnderTest op, ManagedObjectReference task)
    {
        RequireTasksFinish(s);
        var wait = await PollAsync(s, op, task, mayGiveUp: true).ConfigureAwait(false);
        RequireEnded(s, op, task, wait);
        if (wait.FailedPoll is { } poll)
        {
            ProviderCalls.ThrowIfOwnReadBroken(s, poll);
        }

        return wait;
    }

    /// <summary>
    /// Waits for a task whose end the check does not judge (it judges the call's answer; the wait only keeps tasks from
    /// piling up): not at all once a task of this provider was stuck (null, with a note), else as <see cref="WaitAsync"/>
    /// without stopping the check.
    /// </summary>
    public static async Task<TaskWaitResult?> WaitIfTasksFinishAsync(CheckScope s, OperationUnderTest op, ManagedObjectReference task)
    {
        if (s.Target.FailFast.StopWaiting is { } reason)
        {
            s.Note($"not waiting for {task}: {reason}");
            return null;
        }

        return await PollAsync(s, op, task, mayGiveUp: true).ConfigureAwait(false);
    }

    /// <summary>The failure a task that did not end within the profile's task timeout shows, naming its last poll.</summary>
    public static Failure Stuck(TimeSpan taskTimeout, TaskWaitResult wait) => new(
        Defect.StuckTask,
        $"the task to end within taskTimeoutSeconds {taskTimeout.TotalSeconds:0.#}",
        $"still '{wait.Observed.LastOrDefault()?.State ?? "unknown"}' after {wait.Elapsed.TotalSeconds:0.#} s")
    {
        Evidence = wait.LastPoll,
    };

    /// <summary>Stops the check as Inconclusive when the wait ended before the task did (stuck, or given up for another stuck task).</summary>
    public static void RequireEnded(CheckScope s, OperationUnderTest op, ManagedObjectReference task, TaskWaitResult wait)
    {
        if (wait.Stuck || wait.GaveUp)
        {
            var own = Targets.StuckTask.Of(task, wait, s.Name ?? "this check", op.Clauses.TaskSuccess.Id);
            s.Require(false, s.Target.FailFast.StopWaiting ?? $"{Targets.FailFast.TasksDoNotFinish(own.Clause)}: {own.Describe()}");
        }
    }

    /// <summary>
    /// Waits for the task, then reads its info once more and its QuerySmsTaskResult, for the task-contract checks;
    /// records and judges nothing (a stuck task is remembered for the run). <paramref name="mayGiveUp"/> false waits the
    /// full timeout even when another task is found stuck meanwhile (the success scenario, whose task the task-success clause judges).
    /// </summary>
    public static async Task<TaskObservation> ObserveTaskAsync(CheckScope s, OperationUnderTest op, ManagedObjectReference task, bool mayGiveUp = true)
    {
        var wait = await PollAsync(s, op, task, mayGiveUp).ConfigureAwait(false);
        if (wait.Final is null)
        {
            return new TaskObservation { Task = task, Wait = wait };
        }

        var again = await s.StepAsync($"Read {task} once more after it ended", () => s.Client.QuerySmsTaskInfoAsync(task)).ConfigureAwait(false);
        var result = await s.StepAsync($"Read QuerySmsTaskResult of {task}", () => s.Client.QuerySmsTaskResultAsync(task)).ConfigureAwait(false);
        return new TaskObservation { Task = task, Wait = wait, AfterEnd = again.Value, AfterEndCall = again.Call, QueriedResult = result };
    }

    /// <summary>Whether the MoRef names a task with a non-empty value.</summary>
    public static bool IsTaskMoRef(ManagedObjectReference? moRef) =>
        moRef is { Type: { } type, Value: { Length: > 0 } } && ContractReadings.TaskTypes.Contains(type);

    /// <summary>
    /// Reads a task's result as GroupOperationResult[], judging it: a bare array is accepted with a note, anything else
    /// fails the check, naming <paramref name="evidence"/> (the poll that returned <paramref name="info"/>).
    /// </summary>
    public static List<GroupOperationResult> ReadResults(CheckScope s, OperationUnderTest op, SmsTaskInfo info, ProviderCall? evidence)
    {
        var (results, problem, bare) = TryReadResults(s, op, info);
        if (bare)
        {
            NoteBare(s, op);
        }

        s.Expect(problem is null, Defect.Result, ResultShape, problem!, evidence);
        return results!;
    }

    /// <summary>Notes that a task result came as a bare array, a reading of the operation's result-boxing point.</summary>
    public static void NoteBare(CheckScope s, OperationUnderTest op) =>
        op.Readings.ResultBoxing.Note(s, "bare", "the task result is a bare JSON array, not boxed as ArrayOfGroupOperationResult (anyType values are normally boxed)");

    /// <summary>
    /// Reads a task's result as GroupOperationResult[] without judging it (for scenarios, which record): the results,
    /// or what came instead of them (what is observed against <see cref="ResultShape"/>); <c>Bare</c> when they came as
    /// a bare array. New groups the operation's successes name are tracked either way.
    /// </summary>
    public static (List<GroupOperationResult>? Results, string? Problem, bool Bare) TryReadResults(CheckScope s, OperationUnderTest op, SmsTaskInfo info)
    {
        switch (info.Result)
        {
            case BoxedArray { TypeName: "ArrayOfGroupOperationResult" } boxed:
                return boxed.TryReadItems<GroupOperationResult>(out var items, out var error)
                    ? (Track(s, op, items!), null, false)
                    : (null, $"an ArrayOfGroupOperationResult whose _value is not a list of GroupOperationResult: {error}", false);
            case BoxedArray other:
                return (null, $"a task result of type {other.TypeName}", false);
            case BareArray bare:
                var boxedBare = new BoxedArray { TypeName = "ArrayOfGroupOperationResult", Value = bare.Raw };
                return boxedBare.TryReadItems<GroupOperationResult>(out var bareItems, out var bareError)
                    ? (Track(s, op, bareItems!), null, true)
                    : (null, $"a task result array that is not a list of GroupOperationResult: {bareError}", true);
            case not null when op.Operation.ResultTypes.Count == 0 && op.Operation.UnconfirmedResultTypes.Count == 0:
                return (null, $"a result ({info.Result.TypeName ?? "a value without _typeName"}) from a task whose result is void", false);
            case null when op.Operation.ResultTypes.Count == 0:
                // A void task (VMware's types): no result is the answer.
                return (null, null, false);
            case null:
                return (null, "the task succeeded without a result", false);
            default:
                return (null, $"a task result that is a {info.Result.TypeName ?? "value without _typeName"}, not an array", false);
        }
    }

    /// <summary>Fails unless there is exactly one result per requested group (matched by groupId, in any order) and none for other groups, naming <paramref name="evidence"/> (the poll that returned the results).</summary>
    public static Dictionary<string, GroupOperationResult> ExpectOnePerGroup(CheckScope s, IReadOnlyList<ReplicationGroupId> requested, IReadOnlyList<GroupOperationResult> results, ProviderCall? evidence)
    {
        var byGroup = results.GroupBy(r => r.GroupId?.Key ?? "(no groupId)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var wanted = requested.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(k => !byGroup.ContainsKey(k)).ToList();
        var repeated = byGroup.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key} ×{kv.Value.Count}").ToList();
        var extra = byGroup.Keys.Where(k => !wanted.Contains(k)).ToList();
        s.Expect(missing.Count == 0, Defect.Result, $"a result for every requested group ({requested.Count} group(s))", $"no result for requested group(s) {string.Join(", ", missing)} ({results.Count} result(s) for {requested.Count} group(s))", evidence);
        s.Expect(repeated.Count == 0, Defect.Result, "one result per requested group", $"more than one result for {string.Join(", ", repeated)}", evidence);
        s.Expect(extra.Count == 0, Defect.Result, "results only for the requested groups", $"result(s) for group(s) that were not requested: {string.Join(", ", extra)}", evidence);
        return byGroup.ToDictionary(kv => kv.Key, kv => kv.Value[0], StringComparer.Ordinal);
    }

    /// <summary>A short description of a value for messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null body",
        ManagedObjectReference m => $"MoRef {m.Type}:{m.Value}",
        _ => value.GetType().Name,
    };

    /// <summary>Fails when any of the groups read before now reads differently.</summary>
    public static async Task ExpectUnchangedAsync(CheckScope s, IReadOnlyDictionary<string, string?> before, string when)
    {
        var groups = before.Keys.Select(ReplicationGroupId.FromKey).ToList();
        var after = await ReadStatesAsync(s, groups, $"Read the states again {when}").ConfigureAwait(false);
        var changed = before.Where(kv => after.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key} {kv.Value ?? "(absent)"} → {after.GetValueOrDefault(kv.Key) ?? "(absent)"}").ToList();

        // The evidence is the read just made (the check's most recent exchange).
        s.Expect(changed.Count == 0, Defect.Result, $"no group state to change {when}", $"group state changed: {string.Join(", ", changed)}", s.LastCall);
    }

    /// <summary>Polls the task until it is terminal, stuck, or (when <paramref name="mayGiveUp"/>) another task of the run was found stuck; remembers a stuck task for the run.</summary>
    private static Task<TaskWaitResult> PollAsync(CheckScope s, OperationUnderTest op, ManagedObjectReference task, bool mayGiveUp) =>
        s.StepAsync($"Poll QuerySmsTaskInfo until {task} is terminal", async () =>
        {
            var failFast = s.Target.FailFast;
            var wait = await s.Target.Waiter.WaitAsync(s.Client, task, giveUp: mayGiveUp ? failFast.StuckSeen : CancellationToken.None).ConfigureAwait(false);
            if (wait.Final is not null)
            {
                s.Target.TaskDurations.Add(wait.Elapsed);
                s.Target.OpenTasks.TryRemove(task.Value ?? string.Empty, out _);
                s.ReleaseSlot(task.Value ?? string.Empty);
            }
            else if (wait.Stuck)
            {
                failFast.RecordStuck(Targets.StuckTask.Of(task, wait, s.Name ?? "an unnamed check", op.Clauses.TaskSuccess.Id));
            }

            return wait;
        });

    /// <summary>Records the new groups the suite's calls created (the operation's successes name them), so later checks may touch them and the journal names them.</summary>
    private static List<GroupOperationResult> Track(CheckScope s, OperationUnderTest op, List<GroupOperationResult> results)
    {
        if (op.Operation.NewGroupId is not { } newGroupId)
        {
            return results;
        }

        foreach (var success in results.Where(op.Operation.IsSuccess))
        {
            if (success.GroupId is { } from && newGroupId(success) is { Length: > 0 } newId && s.Target.MayChange(from))
            {
                var created = ReplicationGroupId.Of(from.FaultDomainId?.Id ?? string.Empty, newId);
                // The new group belongs to the check whose reversal created it.
                s.TryLease(created);
                if (s.Target.CreatedGroups.TryAdd(created.Key, from.Key))
                {
                    s.Target.Journal.Add("(new source group)", [created], $"created when {from} was {op.Operation.Done}");
                }
            }
        }

        return results;
    }

    /// <summary>Collects every object with string faultDomainId.id and deviceGroupId.id, at any depth.</summary>
    private static void Collect(JsonElement element, List<ReplicationGroupId> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("faultDomainId", out var fd) && fd.ValueKind == JsonValueKind.Object && fd.TryGetProperty("id", out var fdId) && fdId.ValueKind == JsonValueKind.String
                    && element.TryGetProperty("deviceGroupId", out var dg) && dg.ValueKind == JsonValueKind.Object && dg.TryGetProperty("id", out var dgId) && dgId.ValueKind == JsonValueKind.String)
                {
                    ids.Add(ReplicationGroupId.Of(fdId.GetString()!, dgId.GetString()!));
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, ids);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }

                break;
        }
    }
}
