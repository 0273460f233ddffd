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
                s.Note($"unauthenticated call answered with HTTP 500 {result.FaultName} (the expected reading is NotAuthenticated; unconfirmed on a live vCenter)");
                return;
            }

            if (result.Call.Status is 401 or 403)
            {
                s.Note($"unauthenticated call answered with HTTP {result.Call.Status} (a plausible reading; the JSON API documents a NotAuthenticated fault)");
                return;
            }

            s.Expect(result.Kind != OutcomeKind.TransportError, $"wrong fault: expected NotAuthenticated for a call without a session, got no usable answer ({result.Problem})");
            s.Fail($"wrong fault: a call without a session was served: expected NotAuthenticated (HTTP 500), got {result.Describe()}");
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
            s.Expect(call.IsValue, $"[task] expected HTTP 200 with a task MoRef, got {call.Describe()}");
            var moRef = call.Value!;
            s.Expect(moRef.Type is not null && ReverseSteps.TaskTypes.Contains(moRef.Type), $"[task] the returned MoRef's type is '{moRef.Type}', not a task type ({string.Join(" or ", ReverseSteps.TaskTypes)})");
            s.Expect(!string.IsNullOrEmpty(moRef.Value), $"[task] the returned {moRef.Type} MoRef has an empty value");
            s.Note($"task MoRef type seen: '{moRef.Type}' (SmsTask per the SMS reference; the JSON pages show MoRefTask; unconfirmed)");
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
            s.Fail($"stuck task: {earlier.Describe()} (taskTimeoutSeconds {s.Target.TaskTimeout.TotalSeconds:0.#}); the success scenario started no task of its own");
        }

        scenario.IncludeIn(s);
        scenario.RequireTask(s);
        var wait = scenario.Wait!;
        s.Require(!wait.Interrupted, "interrupted: the run was stopped while the task was still running");
        s.Step("Expect the task to end in success", () =>
        {
            s.Expect(!wait.Stuck, $"{wait.Describe()} (taskTimeoutSeconds {s.Target.TaskTimeout.TotalSeconds:0.#})");
            if (wait.FailedPoll is { } poll)
            {
                ProviderCalls.ThrowIfOwnReadBroken(s, poll);
            }

            s.Expect(wait.FailedPoll is null, $"[task] QuerySmsTaskInfo failed while the task was running: {wait.FailedPoll?.Describe()}");
            var final = wait.Final!;
            s.Expect(final.State == SmsTaskState.Success, $"[task] the task ended in '{final.State}' with error {final.Error?.TypeName ?? "(none)"} although every group was FAILEDOVER");
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
            var results = ReverseSteps.ReadResults(s, info);
            ReverseSteps.ExpectOnePerGroup(s, scenario.Requested, results);
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
                s.Expect(found, $"[result] the new source group {requested.FaultDomainId!.Id}/{newId} of reversed group {requested} is not found in fault domain {requested.FaultDomainId.Id} (the fault domain must stay the same)");
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
                var info = scenario.NewGroups.GetValueOrDefault(requested.Key).Info;
                s.Require(info is not null, $"the new source group {requested.FaultDomainId!.Id}/{newId} could not be found; see A_reversed_group_gets_a_newGroupId_in_its_fault_domain");
                s.Expect(info!.CurrentState == ReplicationState.Source, $"[result] reversed group {requested} (now {requested.FaultDomainId!.Id}/{newId}) reads as '{info.CurrentState}', not SOURCE");
            }
        });
    }

    /// <summary>A group that is not FAILEDOVER is not reversed: a per-group error, a whole-call SmsReplicationFault, or a task error, and its state is unchanged.</summary>
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
        await s.StepAsync("Expect the group not to be reversed", async () =>
        {
            if (call.Kind == OutcomeKind.Fault)
            {
                s.Expect(call.Fault!.IsA("SmsReplicationFault"), $"wrong fault: expected a per-group InvalidReplicationState or a whole-call SmsReplicationFault, got {call.FaultName ?? "a fault without _typeName"}");
                s.Note($"a {states[group.Key]} group was refused with a whole-call HTTP 500 {call.FaultName} (one of the accepted routes; unconfirmed which vCenter takes)");
                return;
            }

            s.Expect(call.IsValue && ReverseSteps.IsTaskMoRef(call.Value), $"wrong fault: expected a task with a per-group error or an SmsReplicationFault, got {call.Describe()}");
            var wait = await ReverseSteps.WaitAsync(s, call.Value!).ConfigureAwait(false);
            s.Expect(wait.Final is not null, $"[task] {wait.Describe()}");
            if (wait.Final!.State == SmsTaskState.Error)
            {
                s.Expect(wait.Final.Error?.IsA("SmsReplicationFault") == true, $"wrong fault: the task failed with {wait.Final.Error?.TypeName ?? "no error"}, not an SmsReplicationFault");
                s.Note($"a {states[group.Key]} group was refused through the task error {wait.Final.Error!.TypeName} (one of the accepted routes)");
                return;
            }

            var results = ReverseSteps.ReadResults(s, wait.Final);
            var result = ReverseSteps.ExpectOnePerGroup(s, [group], results)[group.Key];
            s.Expect(result is GroupErrorResult, $"[result] {group} was {states[group.Key]}, not FAILEDOVER, yet its result is a {result.TypeName}, not a GroupErrorResult");
            var errors = ((GroupErrorResult)result).Error ?? [];
            s.Expect(errors.Count > 0, $"[result] the GroupErrorResult for {group} has an empty error list");
            s.Note($"a {states[group.Key]} group got a GroupErrorResult with {string.Join(", ", errors.Select(e => e.TypeName))}");
            if (!errors.Any(e => e is InvalidReplicationState))
            {
                s.Note("the per-group error is not InvalidReplicationState, the fault the reference names for a wrong state");
            }
        }).ConfigureAwait(false);
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
                s.Fail($"wrong fault: expected TooMany for {scenario.Batch.Count} groups (maxBatchSize {scenario.Limit}), but the call was accepted: {scenario.AcceptedOutcome}");
            }

            ReverseSteps.ExpectFault(s, scenario.Call, "TooMany");
            if (scenario.Call.Fault is not TooMany tooMany)
            {
                s.Fail($"malformed fault: expected a TooMany whose maxBatchSize is absent or a positive integer; observed a TooMany body the client cannot read as one ({scenario.Call.Call.ResponseBody}); see WIRE-4");
                return;
            }

            var max = tooMany.MaxBatchSize;
            s.Expect(max is null or > 0, $"malformed fault: TooMany.maxBatchSize is {max}; it must be absent or a positive integer");
            s.Note($"TooMany.maxBatchSize: {(max?.ToString() ?? "absent (the client must send one group per call)")}");
        });
        await ReverseSteps.ExpectUnchangedAsync(s, scenario.Before, "after the oversized batch").ConfigureAwait(false);
    }

    /// <summary>After TooMany, the batch split by maxBatchSize (or one at a time) is processed: every group exactly once.</summary>
    public static async Task SplitBatchProcessesEachGroupOnce(CheckScope s)
    {
        var scenario = await ReverseOversizedBatch.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        s.Require(scenario.Call!.Fault is TooMany, $"the oversized batch did not get TooMany ({scenario.Call.Describe()}), so there is nothing to split; see An_oversized_batch_is_rejected_with_TooMany");
        s.Require(scenario.ChunksCut is null, scenario.ChunksCut ?? string.Empty);
        s.Step("Expect every group to be processed exactly once across the chunks", () =>
        {
            var tally = scenario.Batch.ToDictionary(g => g.Key, _ => 0, StringComparer.Ordinal);
            foreach (var (chunk, call, results, problem) in scenario.Chunks)
            {
                s.Expect(call.Fault is not TooMany, $"[result] a chunk of {chunk.Count} groups, sized by TooMany.maxBatchSize, was itself refused with TooMany (maxBatchSize {(call.Fault as TooMany)?.MaxBatchSize?.ToString() ?? "absent"})");
                if (results is null)
                {
                    s.Expect(call.Kind == OutcomeKind.Fault, $"[result] chunk of {chunk.Count} groups: {problem}");
                    s.Expect(call.Fault is InvalidArgument or NotFound || call.Fault!.IsA("SmsReplicationFault"), $"wrong fault: a chunk of only allowlisted non-FAILEDOVER groups and made-up ids got {call.FaultName}");
                    s.Note($"a chunk was refused as a whole with {call.FaultName}; its groups count as processed once");
                    foreach (var g in chunk)
                    {
                        tally[g.Key]++;
                    }

                    continue;
                }

                foreach (var r in results)
                {
                    var key = r.GroupId?.Key ?? "(no groupId)";
                    s.Expect(tally.ContainsKey(key), $"[result] a result for {key}, which was not in the batch");
                    tally[key]++;
                }
            }

            var wrong = tally.Where(kv => kv.Value != 1).Select(kv => $"{kv.Key} ×{kv.Value}").ToList();
            s.Expect(wrong.Count == 0, $"[result] after the split, these groups were not processed exactly once: {string.Join(", ", wrong)}");
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
            var byGroup = ReverseSteps.ReadResults(s, info).GroupBy(r => r.GroupId?.Key ?? string.Empty).ToDictionary(g => g.Key, g => g.First());
            foreach (var requested in scenario.Requested)
            {
                s.Require(byGroup.TryGetValue(requested.Key, out var result), $"no result for {requested}; see Each_requested_group_gets_exactly_one_result");
                s.Expect(result is ReverseReplicationSuccessResult, $"[result] FAILEDOVER group {requested} got a {result!.TypeName}{(result is GroupErrorResult e ? " (" + string.Join(", ", e.Error?.Select(x => x.TypeName) ?? []) + ")" : string.Empty)}, not a ReverseReplicationSuccessResult");
                var newId = ((ReverseReplicationSuccessResult)result).NewGroupId?.Id;
                s.Expect(!string.IsNullOrWhiteSpace(newId), $"[result] the ReverseReplicationSuccessResult for {requested} has no newGroupId id (newGroupId is required)");
                successes.Add((requested, newId!));
            }
        });
        return (scenario, successes);
    }
}
