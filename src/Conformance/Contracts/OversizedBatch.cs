using Conformance.Checks;
using Conformance.Targets;
using Harness.Client;
using Harness.Replication;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Conformance.Contracts;

/// <summary>
/// The shared TooMany scenario of an operation: send one group more than the provider's batch limit, then, as the
/// contract asks a client to, re-split by TooMany.maxBatchSize (or one at a time) and send each chunk. The batch holds
/// only allowlisted groups outside the operation's precondition state plus made-up ids, so a provider that wrongly
/// accepts it changes nothing. An operation's subclass only names it.
/// </summary>
internal abstract class OversizedBatch : SharedScenario
{
    /// <summary>The limit the batch exceeds.</summary>
    public long Limit { get; private set; }

    /// <summary>The oversized batch.</summary>
    public IReadOnlyList<ReplicationGroupId> Batch { get; private set; } = [];

    /// <summary>States of the allowlisted members before the call.</summary>
    public IReadOnlyDictionary<string, string?> Before { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The answer to the oversized call.</summary>
    public ProviderResult<ManagedObjectReference>? Call { get; private set; }

    /// <summary>When the oversized call was wrongly accepted: its results (or why there are none).</summary>
    public string? AcceptedOutcome { get; private set; }

    /// <summary>The chunks sent after TooMany, each answer read to its end.</summary>
    public List<OperationAnswer> Chunks { get; } = [];

    /// <summary>Why the split was not sent to its end (a task of this provider did not end), or null when every chunk was sent and its task waited for.</summary>
    public string? ChunksCut { get; private set; }

    /// <summary>Every task started by the scenario (the chunks, or a wrongly accepted oversized call).</summary>
    public List<TaskObservation> Tasks { get; } = [];

    /// <summary>The states of the batch's allowlisted groups read after the last chunk of the split.</summary>
    public IReadOnlyDictionary<string, string?> AfterSplit { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The states of the batch's allowlisted groups read right after the oversized call (and its task, when it was accepted).</summary>
    public IReadOnlyDictionary<string, string?> AfterCall { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The operation.</summary>
    protected abstract OperationUnderTest Operation { get; }

    /// <inheritdoc />
    protected override string Title => $"an oversized batch of {this.Batch.Count} groups (limit {this.Limit}), then the split";

    /// <summary>Runs the scenario of type <typeparamref name="T"/> once per target and returns its record.</summary>
    protected static Task<T> RunOnceAsync<T>(ConformanceTarget target)
        where T : OversizedBatch, new() => GetOrRunAsync<T>(target, (r, s) => r.RecordAsync(s));

    private async Task RecordAsync(CheckScope s)
    {
        var name = this.Operation.Name;
        var state = this.Operation.Operation.Precondition;
        ProviderCalls.RequireProviderInfo(s);
        var reported = s.Target.Info?.MaxBatchSize;
        if (reported is not > 0)
        {
            s.NotApplicable($"the provider reports no maxBatchSize in QueryProviderInfo ({(reported is null ? "unset" : reported.ToString())}), so it declares no batch limit to exceed");
        }

        this.Limit = reported!.Value;
        var allowlist = s.Target.Allowlist;
        var states = await OperationSteps.ReadStatesAsync(s, allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
        // Only groups no other check is using, each leased to the scenario: its before/after comparison is then its own.
        var size = (int)Math.Min(this.Limit + 1, 10_000);
        var safe = allowlist.Where(g => states[g.Key] is { } st && st != state).Where(g => s.TryLease(g)).Take(size).ToList();
        this.Batch = safe.Take(size).Concat(Enumerable.Range(0, Math.Max(0, size - safe.Count)).Select(i => s.Target.NonexistentGroup("toomany", i))).ToList();
        this.Before = this.Batch.Where(g => states.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => states[g.Key], StringComparer.Ordinal);
        s.Note($"oversized batch: {this.Before.Count} allowlisted non-{state} group(s) + {this.Batch.Count - this.Before.Count} made-up id(s)");

        this.Call = await s.StepAsync($"Call {name} with {this.Batch.Count} groups (limit {this.Limit})", () => OperationSteps.CallAsync(s, this.Operation, this.Batch)).ConfigureAwait(false);
        if (this.Call.IsValue && OperationSteps.IsTaskMoRef(this.Call.Value))
        {
            var (results, problem) = await this.FinishAsync(s, this.Call.Value!).ConfigureAwait(false);
            this.AcceptedOutcome = problem ?? $"{results?.Count ?? 0} result(s) for {this.Batch.Count} group(s)";
            this.AfterCall = await OperationSteps.ReadStatesAsync(s, [.. this.Batch.Where(g => this.Before.ContainsKey(g.Key))], "Read the batch's states after the accepted call").ConfigureAwait(false);
            return;
        }

        // Read here, not in the check: the check may run in another lane, or after a reset of the embedded simulator.
        this.AfterCall = await OperationSteps.ReadStatesAsync(s, [.. this.Batch.Where(g => this.Before.ContainsKey(g.Key))], "Read the batch's states after the refused call").ConfigureAwait(false);

        if (this.Call.Fault is not TooMany tooMany)
        {
            return;
        }

        var chunks = BatchPlan.Split(this.Batch, tooMany.MaxBatchSize);
        s.Note($"TooMany.maxBatchSize = {(tooMany.MaxBatchSize?.ToString() ?? "absent")}: re-split into {chunks.Count} call(s) of at most {BatchPlan.SizeFor(tooMany.MaxBatchSize)}");
        foreach (var chunk in chunks)
        {
            if (s.Target.FailFast.StopWaiting is { } stuck)
            {
                // Each chunk starts a task; one that would not end tells nothing about the split.
                this.ChunksCut = stuck;
                s.Note($"the split was not sent to its end: {stuck}");
                return;
            }

            var call = await s.StepAsync($"Call {name} with a chunk of {chunk.Count}", () => OperationSteps.CallAsync(s, this.Operation, chunk)).ConfigureAwait(false);
            var answer = await OperationAnswer.ReadAsync(s, this.Operation, chunk, this.Before, call, observe: true).ConfigureAwait(false);
            if (answer.Task is { } task)
            {
                this.Tasks.Add(task);
            }

            this.Chunks.Add(answer);
        }

        this.AfterSplit = await OperationSteps.ReadStatesAsync(s, [.. this.Batch.Where(g => this.Before.ContainsKey(g.Key))], "Read the batch's states after the split").ConfigureAwait(false);
    }

    private async Task<(List<GroupOperationResult>? Results, string? Problem)> FinishAsync(CheckScope s, ManagedObjectReference task)
    {
        var observation = await OperationSteps.ObserveTaskAsync(s, this.Operation, task).ConfigureAwait(false);
        this.Tasks.Add(observation);
        var wait = observation.Wait;
        if (wait.Stuck || wait.GaveUp)
        {
            this.ChunksCut = s.Target.FailFast.StopWaiting ?? $"{FailFast.TasksDoNotFinish(this.Operation.Clauses.TaskSuccess.Id)}: {task} {wait.Describe()}";
        }

        if (wait.Final?.State != Harness.Wire.Tasks.SmsTaskState.Success)
        {
            return (null, wait.Describe());
        }

        var (results, problem, _) = OperationSteps.TryReadResults(s, this.Operation, wait.Final);
        return (results, problem);
    }
}
