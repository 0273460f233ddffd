using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>The bodies of the ReverseReplicateGroup_Task checks. Each judges one clause; <see cref="ReverseCatalogue"/> names them.</summary>
internal static class ReverseChecks
{
    /// <summary>A body such as <c>{"groupId":[]}</c> is refused with InvalidArgument, and no group changes state.</summary>
    public static async Task InvalidGroupIdIsRejected(CheckScope s, string body)
    {
        var before = await ReverseSteps.ReadStatesAsync(s, s.Target.Allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
        var result = await s.StepAsync($"Call ReverseReplicateGroup_Task with body {body}", () => ReverseSteps.ReverseAsync(s, null, body)).ConfigureAwait(false);
        if (result.IsValue && ReverseSteps.IsTaskMoRef(result.Value))
        {
            // Accepted although it must not be: let the task finish so the state comparison below is true.
            await ReverseSteps.WaitIfTasksFinishAsync(s, result.Value!).ConfigureAwait(false);
        }

        s.Step("Expect InvalidArgument as HTTP 500 with a MethodFault body", () => ReverseSteps.ExpectFault(s, result, "InvalidArgument"));
        await ReverseSteps.ExpectUnchangedAsync(s, before, "after a rejected call").ConfigureAwait(false);
    }

    /// <summary>A call without a session is refused: NotAuthenticated is expected; any NoPermission fault or HTTP 401/403 is accepted (unconfirmed, reference §1.5).</summary>
    public static async Task CallWithoutSessionIsRefused(CheckScope s)
    {
        var group = s.Target.NonexistentGroup("nosession");
        var anonymous = s.Watch(s.Target.CreateUnauthenticatedClient());
        var result = await s.StepAsync($"Call ReverseReplicateGroup_Task without vmware-api-session-id, for made-up group {group}", async () =>
        {
            var r = await anonymous.ReverseReplicateGroupAsync(s.Target.Provider, [group]).ConfigureAwait(false);
            s.Attach("exchange without a session", "application/json", r.Call.ToJson());
            s.Target.Journal.Add("ReverseReplicateGroup_Task (no session)", [group], r.Describe(), s.Name);
            return r;
        }).ConfigureAwait(false);

        s.Step("Expect the call to be refused", () =>
        {
            if (result.Kind == OutcomeKind.Fault && result.Fault!.IsA("NoPermission"))
            {
                ReverseReadings.NoSession.Note(s, "noPermissionFault", $"unauthenticated call answered with HTTP 500 {result.FaultName} (NotAuthenticated is the expected one)");
                return;
            }

            if (result.Call.Status is 401 or 403)
            {
                ReverseReadings.NoSession.Note(s, "httpStatus", $"unauthenticated call answered with HTTP {result.Call.Status} (the JSON API documents a NotAuthenticated fault)");
                return;
            }

            s.Expect(result.Kind != OutcomeKind.TransportError, Defect.WrongFault, "NotAuthenticated for a call without a session", $"no usable answer ({result.Problem})", result.Call);
            s.Fail(Defect.WrongFault, "a call without a session refused with NotAuthenticated (HTTP 500)", $"the call served: {result.Describe()}", result.Call);
        });
    }

    /// <summary>A successful call answers HTTP 200 with a MoRef to a task whose value is not empty.</summary>
    public static async Task CallAnswersWithTaskMoRef(CheckScope s)
    {
        var scenario = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var call = scenario.Call!;
        s.Step("Expect HTTP 200 with a task MoRef", () =>
        {
            s.Expect(call.IsValue, Defect.Task, "HTTP 200 with a task MoRef", call.Describe(), call.Call);
            var moRef = call.Value!;
            s.Expect(moRef.Type is not null && ReverseSteps.TaskTypes.Contains(moRef.Type), Defect.Task, $"the returned MoRef to be of a task type ({string.Join(" or ", ReverseSteps.TaskTypes)})", $"type '{moRef.Type}'", call.Call);
            s.Expect(!string.IsNullOrEmpty(moRef.Value), Defect.Task, $"the returned {moRef.Type} MoRef to carry a value", "an empty value", call.Call);
            ReverseReadings.TaskType.Note(s, moRef.Type!, $"the task MoRef is {moRef.Type}:{moRef.Value}");
        });
    }

    /// <summary>The task reaches <c>success</c> within the profile's timeout.</summary>
    public static async Task TaskReachesSuccess(CheckScope s)
    {
        var scenario = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        if (scenario.StuckBefore is { } earlier)
        {
            // Another check already met a task that did not end: this check fails on it rather than wait once more.
            s.Include("Shared scenario: " + scenario.Describe(), scenario.Steps, scenario.Notes);
            s.Fail(Defect.StuckTask, $"the task to end within taskTimeoutSeconds {s.Target.TaskTimeout.TotalSeconds:0.#}", $"{earlier.Describe()}; the success scenario started no task of its own", earlier.LastPoll);
        }

        scenario.IncludeIn(s);
        scenario.RequireTask(s);
        var wait = scenario.Wait!;
        s.Require(!wait.Interrupted, "interrupted: the run was stopped while the task was still running");
        s.Step("Expect the task to end in success", () =>
        {
            if (wait.Stuck)
            {
                s.Fail(ReverseSteps.Stuck(s.Target.TaskTimeout, wait));
            }

            if (wait.FailedPoll is { } poll)
            {
                ProviderCalls.ThrowIfOwnReadBroken(s, poll);
                s.Fail(Defect.Task, "QuerySmsTaskInfo to answer while the task was running", $"QuerySmsTaskInfo failed: {poll.Describe()}", poll.Call);
            }

            var final = wait.Final!;
            s.Expect(final.State == SmsTaskState.Success, Defect.Task, "the task to end in success, every group being FAILEDOVER", $"it ended in '{final.State}' with error {final.Error?.TypeName ?? "(none)"}", wait.LastPoll);
        });
    }

    /// <summary>There is exactly one result per requested group, matched by groupId in any order.</summary>
    public static async Task OneResultPerGroup(CheckScope s)
    {
        var scenario = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var info = scenario.RequireSuccess(s);
        s.Step("Expect exactly one result per requested group", () =>
        {
            var results = ReverseSteps.ReadResults(s, info, scenario.Wait!.LastPoll);
            ReverseSteps.ExpectOnePerGroup(s, scenario.Requested, results, scenario.Wait.LastPoll);
        });
    }

    /// <summary>Each FAILEDOVER group gets a ReverseReplicationSuccessResult whose newGroupId names a group in the same fault domain.</summary>
    public static async Task NewGroupIdInSameFaultDomain(CheckScope s)
    {
        var (scenario, successes) = await SuccessesAsync(s).ConfigureAwait(false);
        s.Step("Expect each new source group to exist in the reversed group's fault domain", () =>
        {
            foreach (var (requested, newId) in successes)
            {
                var found = scenario.NewGroups.TryGetValue(requested.Key, out var seen) && seen.Info is not null;
                var fd = requested.FaultDomainId!.Id;
                s.Expect(found, Defect.Result, $"the new source group {fd}/{newId} of reversed group {requested} in fault domain {fd} (the fault domain must stay the same)", $"{fd}/{newId} not found in fault domain {fd}", seen.Query);
            }
        });
        s.Note($"{successes.Count} group(s) reversed; new ids: {string.Join(", ", successes.Select(x => x.NewId))}");
    }

    /// <summary>A reversed group reads as SOURCE afterwards.</summary>
    public static async Task ReversedGroupReadsAsSource(CheckScope s)
    {
        var (scenario, successes) = await SuccessesAsync(s).ConfigureAwait(false);
        s.Step("Expect each new source group to read as SOURCE", () =>
        {
            foreach (var (requested, newId) in successes)
            {
                var (_, info, query) = scenario.NewGroups.GetValueOrDefault(requested.Key);
                s.Require(info is not null, $"the new source group {requested.FaultDomainId!.Id}/{newId} could not be found; see A_reversed_group_gets_a_newGroupId_in_its_fault_domain");
                s.Expect(info!.CurrentState == ReplicationState.Source, Defect.Result, $"reversed group {requested} (now {requested.FaultDomainId!.Id}/{newId}) to read as SOURCE", $"'{info.CurrentState}'", query);
            }
        });
    }

    /// <summary>A group that is not FAILEDOVER is not reversed (refused by any reading of <see cref="ReverseReadings.GroupError"/>), and its state is unchanged.</summary>
    public static async Task NonFailedOverGroupIsNotReversed(CheckScope s)
    {
        var states = await ReverseSteps.ReadStatesAsync(s, s.Target.Allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
        var group = s.Target.Allowlist
            .Where(g => states[g.Key] is { } st && st != ReplicationState.FailedOver)
            .OrderBy(g => states[g.Key] == ReplicationState.Source ? 0 : 1)
            .FirstOrDefault();
        s.Require(group is not null, $"no allowlisted group is in a state other than FAILEDOVER ({s.Target.Allowlist.Count} allowlisted); add a SOURCE or TARGET group to the profile's groups");
        var before = new Dictionary<string, string?> { [group!.Key] = states[group.Key] };

        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {group} ({states[group.Key]})", () => ReverseSteps.ReverseAsync(s, [group])).ConfigureAwait(false);
        var answer = await ReverseAnswer.ReadAsync(s, [group], before, call).ConfigureAwait(false);
        s.Step("Expect the group not to be reversed", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Refused, Defect.Result, $"{group}, {states[group.Key]} and not FAILEDOVER, to be refused", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
            answer.NoteReading(s, $"a {states[group.Key]} group");
            if (outcome.Reading == ReverseReadings.GroupErrorResult && !outcome.Faults.Any(e => e is InvalidReplicationState))
            {
                s.Note("the per-group error is not InvalidReplicationState, the fault the reference names for a wrong state");
            }
        });
        await ReverseSteps.ExpectUnchangedAsync(s, before, "after the refused reversal").ConfigureAwait(false);
    }

    /// <summary>A batch larger than the provider's limit is refused with TooMany, and nothing changes.</summary>
    public static async Task OversizedBatchGetsTooMany(CheckScope s)
    {
        var scenario = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        s.Step($"Expect TooMany for {scenario.Batch.Count} groups", () =>
        {
            if (scenario.Call!.IsValue)
            {
                s.Fail(Defect.WrongFault, $"TooMany for {scenario.Batch.Count} groups (maxBatchSize {scenario.Limit})", $"the call accepted: {scenario.AcceptedOutcome ?? $"HTTP {scenario.Call.Call.Status} with a {ReverseSteps.Describe(scenario.Call.Value)}"}", scenario.Call.Call);
            }

            ReverseSteps.ExpectFault(s, scenario.Call, "TooMany");
            if (scenario.Call.Fault is not TooMany tooMany)
            {
                s.Fail(Defect.MalformedFault, "a TooMany whose maxBatchSize is absent or a long", $"a TooMany body the client cannot read as one ({scenario.Call.Call.ResponseBody}); see WIRE-4", scenario.Call.Call);
                return;
            }

            var max = tooMany.MaxBatchSize;
            s.Note($"TooMany.maxBatchSize: {(max is > 0 ? max.ToString() : max is null ? "absent (the client must send one group per call)" : $"{max} (documented: 0 or negative means one group per call)")}");
        });
        await ReverseSteps.ExpectUnchangedAsync(s, scenario.Before, "after the oversized batch").ConfigureAwait(false);
    }

    /// <summary>After TooMany, the batch split by maxBatchSize (or one at a time) is processed: every group exactly once, each chunk answered by a reading of <see cref="ReverseReadings.GroupError"/>.</summary>
    public static async Task SplitBatchProcessesEachGroupOnce(CheckScope s)
    {
        var scenario = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        s.Require(scenario.Call!.Fault is TooMany, $"the oversized batch did not get TooMany ({scenario.Call.Describe()}), so there is nothing to split; see An_oversized_batch_is_rejected_with_TooMany");
        s.Require(scenario.ChunksCut is null, scenario.ChunksCut ?? string.Empty);
        s.Step("Expect every group to be processed exactly once across the chunks", () =>
        {
            var tally = scenario.Batch.ToDictionary(g => g.Key, _ => 0, StringComparer.Ordinal);
            var sizedBy = (scenario.Call.Fault as TooMany)?.MaxBatchSize?.ToString() ?? "absent (one group per call)";
            foreach (var chunk in scenario.Chunks)
            {
                var call = chunk.Call;
                s.Expect(call.Fault is not TooMany, Defect.Result, $"a chunk of {chunk.Requested.Count} groups, sized by TooMany.maxBatchSize {sizedBy}, to be accepted", $"TooMany (maxBatchSize {(call.Fault as TooMany)?.MaxBatchSize?.ToString() ?? "absent"})", call.Call);
                foreach (var (_, outcome) in chunk.Outcomes())
                {
                    outcome.Judged(s);
                }

                chunk.NoteReading(s, $"a chunk of {chunk.Requested.Count}");
                if (chunk.RefusedAsWhole)
                {
                    // Refused as a whole: each of its groups was processed once, by the refusal.
                    foreach (var g in chunk.Requested)
                    {
                        tally[g.Key]++;
                    }

                    continue;
                }

                foreach (var r in chunk.Results!)
                {
                    var key = r.GroupId?.Key ?? "(no groupId)";
                    s.Expect(tally.ContainsKey(key), Defect.Result, "results only for the groups of the batch", $"a result for {key}, which was not in the batch", chunk.FinalPoll);
                    tally[key]++;
                }
            }

            var wrong = tally.Where(kv => kv.Value != 1).ToList();

            // The evidence: the last chunk that answered for the first group processed other than once (else the last chunk).
            var shows = wrong.Count == 0 ? null : scenario.Chunks.LastOrDefault(c => c.Requested.Any(g => g.Key == wrong[0].Key)) ?? scenario.Chunks.LastOrDefault();
            s.Expect(wrong.Count == 0, Defect.Result, "every group of the batch processed exactly once across the chunks", $"after the split, {string.Join(", ", wrong.Select(kv => $"{kv.Key} ×{kv.Value}"))}", shows?.FinalPoll ?? shows?.Call.Call);
        });
        await ReverseSteps.ExpectUnchangedAsync(s, scenario.Before, "after the split batch").ConfigureAwait(false);
    }

    private static async Task<(ReverseHappyPath Scenario, List<(ReplicationGroupId Requested, string NewId)> Successes)> SuccessesAsync(CheckScope s)
    {
        var scenario = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var info = scenario.RequireSuccess(s);
        var successes = new List<(ReplicationGroupId, string)>();
        s.Step("Expect a ReverseReplicationSuccessResult with a newGroupId for each FAILEDOVER group", () =>
        {
            var poll = scenario.Wait!.LastPoll;
            var byGroup = ReverseSteps.ReadResults(s, info, poll).GroupBy(r => r.GroupId?.Key ?? string.Empty).ToDictionary(g => g.Key, g => g.First());
            foreach (var requested in scenario.Requested)
            {
                s.Require(byGroup.TryGetValue(requested.Key, out var result), $"no result for {requested}; see Each_requested_group_gets_exactly_one_result");
                s.Expect(result is ReverseReplicationSuccessResult, Defect.Result, $"a ReverseReplicationSuccessResult for FAILEDOVER group {requested}", $"a {result!.TypeName}{(result is GroupErrorResult e ? " (" + string.Join(", ", e.Error?.Select(x => x.TypeName) ?? []) + ")" : string.Empty)}", poll);
                var newId = ((ReverseReplicationSuccessResult)result).NewGroupId?.Id;
                s.Expect(!string.IsNullOrWhiteSpace(newId), Defect.Result, $"the ReverseReplicationSuccessResult for {requested} to carry a newGroupId id (newGroupId is required)", "none", poll);
                successes.Add((requested, newId!));
            }
        });
        return (scenario, successes);
    }
}
