using Conformance.Checks;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>
/// The shared success scenario of an operation: call it on up to two allowlisted groups in its precondition state and
/// wait for the task. On a real array this spends the fewest groups for the most clauses. An operation's subclass
/// names it and may read more once the task succeeded (Reverse reads the new source groups).
/// </summary>
internal abstract class SuccessScenario : SharedScenario
{
    /// <summary>How many groups the scenario sends at most.</summary>
    public const int GroupsToSend = 2;

    /// <summary>The groups sent (all in the precondition state before the call).</summary>
    public IReadOnlyList<ReplicationGroupId> Requested { get; private set; } = [];

    /// <summary>The site the call went to: the tested one, or the peer when only the peer held groups in the precondition state.</summary>
    public Targets.ConformanceTarget? Site { get; private set; }

    /// <summary>The states read at that site before the call.</summary>
    public IReadOnlyDictionary<string, string?> Before { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The answer to the call.</summary>
    public ProviderResult<ManagedObjectReference>? Call { get; private set; }

    /// <summary>The task, when a task MoRef came back.</summary>
    public TaskObservation? Observation { get; private set; }

    /// <summary>The wait for the task, when a task MoRef came back.</summary>
    public TaskWaitResult? Wait => this.Observation?.Wait;

    /// <summary>The stuck task met earlier in the run, when the scenario started no task because of it.</summary>
    public StuckTask? StuckBefore { get; private set; }

    /// <summary>The operation.</summary>
    protected abstract OperationUnderTest Operation { get; }

    /// <summary>What to do when no allowlisted group is in the precondition state.</summary>
    protected virtual string NoGroupHint => $"add a {this.Operation.Operation.Precondition} group to the profile's groups";

    /// <inheritdoc />
    protected override string Title => $"{this.Operation.Operation.Verb} {this.Requested.Count} {this.Operation.Operation.Precondition} group(s) {string.Join(", ", this.Requested)}";

    /// <summary>Stops the check as Inconclusive unless the call returned a task MoRef.</summary>
    public ManagedObjectReference RequireTask(CheckScope s)
    {
        s.Require(this.Call is { IsValue: true } && OperationSteps.IsTaskMoRef(this.Call.Value), $"the {this.Operation.Name} call did not return a task MoRef ({this.Call?.Describe()}); see A_successful_call_answers_200_with_a_task_MoRef");
        return this.Call!.Value!;
    }

    /// <summary>Stops the check as Inconclusive unless the task ended in success.</summary>
    public SmsTaskInfo RequireSuccess(CheckScope s)
    {
        this.RequireTask(s);
        OperationSteps.RequireEnded(s, this.Operation, this.Call!.Value!, this.Wait!);
        if (this.Wait!.FailedPoll is { } poll)
        {
            ProviderCalls.ThrowIfOwnReadBroken(s, poll);
        }

        s.Require(this.Wait.Final?.State == SmsTaskState.Success, $"the task did not end in success ({this.Wait.Describe()}); see The_task_reaches_success");
        return this.Wait.Final!;
    }

    /// <summary>Runs the scenario of type <typeparamref name="T"/> once per target and returns its record.</summary>
    protected static Task<T> RunOnceAsync<T>(ConformanceTarget target)
        where T : SuccessScenario, new() => GetOrRunAsync<T>(target, (r, s) => r.RecordAsync(s));

    /// <summary>Reads more once the task succeeded, before the checks judge (the embedded simulator is reset between checks).</summary>
    protected virtual Task AfterSuccessAsync(CheckScope s, IReadOnlyList<GroupOperationResult> results) => Task.CompletedTask;

    private async Task RecordAsync(CheckScope s)
    {
        var state = this.Operation.Operation.Precondition;
        if (s.Target.FailFast.StopWaiting is { } stuck)
        {
            // A task of this provider was stuck earlier: spend no group on a task that would not end either.
            this.StuckBefore = s.Target.FailFast.Stuck;
            s.Require(false, stuck);
        }

        var (site, candidates, states) = await OperationSteps.SiteHoldingAsync(s, state, $"find {state} groups", lease: GroupsToSend, twinState: this.Operation.Operation.Transition?.PeerBefore).ConfigureAwait(false);
        this.Requested = candidates.Take(GroupsToSend).ToList();
        s.Require(this.Requested.Count > 0, $"no allowlisted group is {state} ({s.Target.Allowlist.Count} allowlisted); {this.NoGroupHint}");
        this.Requested = GroupSpending.Take(s, this.Operation, state, this.Requested);
        this.Site = site.Target;
        this.Before = states;
        s = site;

        this.Call = await s.StepAsync($"Call {this.Operation.Name} with {string.Join(", ", this.Requested)}", () => OperationSteps.CallAsync(s, this.Operation, this.Requested)).ConfigureAwait(false);
        if (this.Call.IsValue && OperationSteps.IsTaskMoRef(this.Call.Value))
        {
            // The whole timeout, even when another lane meets a stuck task meanwhile: the task-success clause judges this task.
            this.Observation = await OperationSteps.ObserveTaskAsync(s, this.Operation, this.Call.Value!, mayGiveUp: false).ConfigureAwait(false);
        }

        if (this.Wait?.Final is { State: SmsTaskState.Success } final && OperationSteps.TryReadResults(s, this.Operation, final) is { Problem: null } read)
        {
            await this.AfterSuccessAsync(s, read.Results ?? []).ConfigureAwait(false);
        }
    }
}
