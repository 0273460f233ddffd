using Conformance.Checks;
using TooManyFault = Harness.Wire.Faults.TooMany;

namespace Conformance.Contracts;

/// <summary>
/// The input contract of an operation: a group list that is null, empty or absent is refused with InvalidArgument, a
/// malformed one is refused, a batch above the provider's limit gets TooMany, and the batch re-split by
/// TooMany.maxBatchSize processes every group once. No refused call may change a group.
/// </summary>
internal sealed class InputContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public InputContract(OperationUnderTest op)
    {
        this.op = op;
        var clauses = op.Clauses;
        var field = op.Operation.Argument.GroupsField;
        this.MissingGroups = op.Operation.Argument.Missing
            .Select(m => new Check($"{m.Adjective}_{field}_is_rejected_with_InvalidArgument", clauses.InvalidArgument, op.Name, s => this.MissingGroupsAreRejectedAsync(s, m.Body)))
            .ToList();
        this.Malformed = new($"Malformed_{field}_is_rejected_with_InvalidArgument", clauses.MalformedArgument, op.Name, this.MalformedIsRejectedAsync);
        this.TooMany = new("An_oversized_batch_is_rejected_with_TooMany", clauses.TooMany, op.Name, this.OversizedBatchGetsTooManyAsync);
        this.Split = new("After_TooMany_a_split_batch_processes_every_group_exactly_once", clauses.SplitAfterTooMany, op.Name, this.SplitBatchProcessesEachGroupOnceAsync);
    }

    /// <summary>An empty, an absent and a null group list, each refused with InvalidArgument.</summary>
    public IReadOnlyList<Check> MissingGroups { get; }

    /// <summary>A malformed argument is refused.</summary>
    public Check Malformed { get; }

    /// <summary>A batch larger than the provider's limit is refused with TooMany, and nothing changes.</summary>
    public Check TooMany { get; }

    /// <summary>After TooMany, the batch split by maxBatchSize (or one at a time) is processed: every group exactly once.</summary>
    public Check Split { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [.. this.MissingGroups, this.Malformed, this.TooMany, this.Split];

    private string Name => this.op.Name;

    /// <summary>A body such as <c>{"groupId":[]}</c> is refused with InvalidArgument, and no group changes state.</summary>
    private async Task MissingGroupsAreRejectedAsync(CheckScope s, string body)
    {
        var before = await ReadUnusedStatesAsync(s).ConfigureAwait(false);
        var result = await s.StepAsync($"Call {this.Name} with body {body}", () => OperationSteps.CallAsync(s, this.op, null, body)).ConfigureAwait(false);
        if (result.IsValue && OperationSteps.IsTaskMoRef(result.Value))
        {
            // Accepted although it must not be: let the task finish so the state comparison below is true.
            await OperationSteps.WaitIfTasksFinishAsync(s, this.op, result.Value!).ConfigureAwait(false);
        }

        var required = this.op.Operation.Declaration?.Parameters.FirstOrDefault(p => p.Name == this.op.Operation.Argument.GroupsField) is { Optional: false };
        if (required && result.Kind == Harness.Client.OutcomeKind.Fault && result.Fault!.IsA("InvalidRequest"))
        {
            // A required parameter missing: vCenter's deserializer may refuse the body before the provider sees it (U-MALFORMED-FAULT).
            this.op.Readings.MalformedFault.Note(s, "InvalidRequest", $"the required {this.op.Operation.Argument.GroupsField} missing ({body}): {result.FaultName}");
        }
        else
        {
            s.Step("Expect InvalidArgument as HTTP 500 with a MethodFault body", () => OperationSteps.ExpectFault(s, result, "InvalidArgument"));
        }

        await OperationSteps.ExpectUnchangedAsync(s, before, "after a rejected call").ConfigureAwait(false);
    }

    /// <summary>A malformed argument is refused (InvalidArgument, or InvalidRequest as the vim layer may answer; unconfirmed which) and starts no task.</summary>
    private async Task MalformedIsRejectedAsync(CheckScope s)
    {
        var before = await ReadUnusedStatesAsync(s).ConfigureAwait(false);
        foreach (var (what, body) in this.op.Operation.Argument.Malformed(s.Target.NonexistentGroup("malformed")))
        {
            var result = await s.StepAsync($"Call {this.Name} where {what}: {body}", () => OperationSteps.CallAsync(s, this.op, null, body)).ConfigureAwait(false);
            s.Step($"Expect a refusal where {what}", () =>
            {
                s.Expect(!result.IsValue, Defect.WrongFault, $"InvalidArgument for a body where {what}", $"the body accepted ({result.Describe()})", result.Call);
                s.Expect(result.Kind == Harness.Client.OutcomeKind.Fault, Defect.WrongFault, $"InvalidArgument as HTTP 500 with a MethodFault body for a body where {what}", result.Describe(), result.Call);
                s.Expect(result.Fault!.IsA("InvalidArgument") || result.Fault.IsA("InvalidRequest"), Defect.WrongFault, $"InvalidArgument (or InvalidRequest) for a body where {what}", result.FaultName ?? "a fault without _typeName", result.Call);
                this.op.Readings.MalformedFault.Note(s, result.Fault.IsA("InvalidArgument") ? "InvalidArgument" : "InvalidRequest", $"{what}: {result.FaultName}");
            });
        }

        await OperationSteps.ExpectUnchangedAsync(s, before, "after the malformed calls").ConfigureAwait(false);
    }

    private async Task OversizedBatchGetsTooManyAsync(CheckScope s)
    {
        var scenario = await this.op.Scenarios.Oversized(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        s.Step($"Expect TooMany for {scenario.Batch.Count} groups", () =>
        {
            if (scenario.Call!.IsValue)
            {
                s.Fail(Defect.WrongFault, $"TooMany for {scenario.Batch.Count} groups (maxBatchSize {scenario.Limit})", $"the call accepted: {scenario.AcceptedOutcome ?? $"HTTP {scenario.Call.Call.Status} with a {OperationSteps.Describe(scenario.Call.Value)}"}", scenario.Call.Call);
            }

            OperationSteps.ExpectFault(s, scenario.Call, "TooMany");
            if (scenario.Call.Fault is not TooManyFault tooMany)
            {
                s.Fail(Defect.MalformedFault, "a TooMany whose maxBatchSize is absent or a long", $"a TooMany body the client cannot read as one ({scenario.Call.Call.ResponseBody}); see WIRE-4", scenario.Call.Call);
                return;
            }

            var max = tooMany.MaxBatchSize;
            s.Note($"TooMany.maxBatchSize: {(max is > 0 ? max.ToString() : max is null ? "absent (the client must send one group per call)" : $"{max} (documented: 0 or negative means one group per call)")}");
        });
        ExpectNoChange(s, scenario.Before, scenario.AfterCall, "after the oversized batch", scenario.Call!.Call);
    }

    private async Task SplitBatchProcessesEachGroupOnceAsync(CheckScope s)
    {
        var scenario = await this.op.Scenarios.Oversized(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        s.Require(scenario.Call!.Fault is TooManyFault, $"the oversized batch did not get TooMany ({scenario.Call.Describe()}), so there is nothing to split; see {this.TooMany.Name}");
        s.Require(scenario.ChunksCut is null, scenario.ChunksCut ?? string.Empty);
        s.Step("Expect every group to be processed exactly once across the chunks", () =>
        {
            var tally = scenario.Batch.ToDictionary(g => g.Key, _ => 0, StringComparer.Ordinal);
            var sizedBy = (scenario.Call.Fault as TooManyFault)?.MaxBatchSize?.ToString() ?? "absent (one group per call)";
            foreach (var chunk in scenario.Chunks)
            {
                var call = chunk.Call;
                s.Expect(call.Fault is not TooManyFault, Defect.Result, $"a chunk of {chunk.Requested.Count} groups, sized by TooMany.maxBatchSize {sizedBy}, to be accepted", $"TooMany (maxBatchSize {(call.Fault as TooManyFault)?.MaxBatchSize?.ToString() ?? "absent"})", call.Call);
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

                if (chunk.Results is null && this.op.Operation.ResultTypes.Count == 0)
                {
                    // A void task that succeeded: each group of the chunk was processed once, by it.
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
        ExpectNoChange(s, scenario.Before, scenario.AfterSplit, "after the split batch", scenario.Chunks.LastOrDefault()?.FinalPoll);
    }

    /// <summary>
    /// Leases every allowlisted group that no other check is using and reads their states: a refused call that names no
    /// allowlisted group must change none of them. Groups other checks are changing meanwhile are left out (noted), so
    /// the comparison judges only this check's call and the check need not run alone.
    /// </summary>
    private static Task<Dictionary<string, string?>> ReadUnusedStatesAsync(CheckScope s)
    {
        var mine = s.Target.Allowlist.Where(g => s.TryLease(g)).ToList();
        if (mine.Count < s.Target.Allowlist.Count)
        {
            s.Note($"compared {mine.Count} of {s.Target.Allowlist.Count} allowlisted groups: the others were in use by checks running at the same time");
        }

        return OperationSteps.ReadStatesAsync(s, mine, "Read the replication state of every allowlisted group");
    }

    /// <summary>Fails unless every group the scenario read before reads the same in what it read <paramref name="when"/> (read in the scenario, not now: the check may run after a reset of the embedded simulator).</summary>
    private static void ExpectNoChange(CheckScope s, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, string when, Harness.Client.ProviderCall? evidence) =>
        s.Step($"Expect no group state to change {when}", () =>
        {
            var changed = before.Where(kv => after.TryGetValue(kv.Key, out var now) && now != kv.Value).Select(kv => $"{kv.Key} {kv.Value ?? "(absent)"} → {after[kv.Key] ?? "(absent)"}").ToList();
            s.Expect(changed.Count == 0, Defect.Result, $"no group state to change {when}", $"group state changed: {string.Join(", ", changed)}", evidence);
        });
}
