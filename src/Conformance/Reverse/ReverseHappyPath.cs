using Conformance.Checks;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>
/// The shared success scenario: reverse up to two allowlisted FAILEDOVER groups and wait for the task.
/// On a real array this spends the fewest FAILEDOVER groups for the most clauses.
/// </summary>
internal sealed class ReverseHappyPath : SharedScenario
{
    /// <summary>How many FAILEDOVER groups the scenario reverses at most.</summary>
    public const int GroupsToReverse = 2;

    /// <summary>The groups sent (all FAILEDOVER before the call).</summary>
    public IReadOnlyList<ReplicationGroupId> Requested { get; private set; } = [];

    /// <summary>The answer to the Reverse call.</summary>
    public ProviderResult<ManagedObjectReference>? Call { get; private set; }

    /// <summary>The task, when a task MoRef came back.</summary>
    public TaskObservation? Observation { get; private set; }

    /// <summary>The wait for the task, when a task MoRef came back.</summary>
    public TaskWaitResult? Wait => this.Observation?.Wait;

    /// <summary>The stuck task met earlier in the run, when the scenario started no task because of it.</summary>
    public Targets.StuckTask? StuckBefore { get; private set; }

    /// <summary>For each reversed group: the new group id named by its result, what QueryReplicationGroup says of that id in the same fault domain, and that exchange.</summary>
    public Dictionary<string, (string NewId, GroupInfo? Info, ProviderCall Query)> NewGroups { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override string Title => $"reverse {this.Requested.Count} FAILEDOVER group(s) {string.Join(", ", this.Requested)}";

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<ReverseHappyPath> GetAsync(ConformanceTarget target) => GetOrRunAsync<ReverseHappyPath>(target, (r, s) => r.RecordAsync(s));

    /// <summary>Stops the check as Inconclusive unless the call returned a task MoRef.</summary>
    public ManagedObjectReference RequireTask(CheckScope s)
    {
        s.Require(this.Call is { IsValue: true } && ReverseSteps.IsTaskMoRef(this.Call.Value), $"the Reverse call did not return a task MoRef ({this.Call?.Describe()}); see A_successful_call_answers_200_with_a_task_MoRef");
        return this.Call!.Value!;
    }

    /// <summary>Stops the check as Inconclusive unless the task ended in success.</summary>
    public SmsTaskInfo RequireSuccess(CheckScope s)
    {
        this.RequireTask(s);
        ReverseSteps.RequireEnded(s, this.Call!.Value!, this.Wait!);
        if (this.Wait!.FailedPoll is { } poll)
        {
            ProviderCalls.ThrowIfOwnReadBroken(s, poll);
        }

        s.Require(this.Wait.Final?.State == SmsTaskState.Success, $"the task did not end in success ({this.Wait.Describe()}); see The_task_reaches_success");
        return this.Wait.Final!;
    }

    private async Task RecordAsync(CheckScope s)
    {
        if (s.Target.FailFast.StopWaiting is { } stuck)
        {
            // A task of this provider was stuck earlier: spend no FAILEDOVER group on a task that would not end either.
            this.StuckBefore = s.Target.FailFast.Stuck;
            s.Require(false, stuck);
        }

        var states = await ReverseSteps.ReadStatesAsync(s, s.Target.Allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
        this.Requested = s.Target.Allowlist.Where(g => states[g.Key] == ReplicationState.FailedOver).Take(GroupsToReverse).ToList();
        s.Require(this.Requested.Count > 0, $"no allowlisted group is FAILEDOVER ({s.Target.Allowlist.Count} allowlisted); fail a group over first, or add a FAILEDOVER group to the profile's groups");

        this.Call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {string.Join(", ", this.Requested)}", () => ReverseSteps.ReverseAsync(s, this.Requested)).ConfigureAwait(false);
        if (this.Call.IsValue && ReverseSteps.IsTaskMoRef(this.Call.Value))
        {
            // The whole timeout, even when another lane meets a stuck task meanwhile: RRG-TASK-2 judges this task.
            this.Observation = await ReverseSteps.ObserveTaskAsync(s, this.Call.Value!, mayGiveUp: false).ConfigureAwait(false);
        }

        if (this.Wait?.Final is { State: SmsTaskState.Success } final && ReverseSteps.TryReadResults(s, final).Results is { } results)
        {
            // Read the new source groups now: the checks judge later, and the embedded simulator is reset between checks.
            foreach (var result in results.OfType<ReverseReplicationSuccessResult>())
            {
                if (result is { GroupId: { } id, NewGroupId.Id: { Length: > 0 } newId } && this.Requested.Any(r => r.Key == id.Key))
                {
                    var newGroup = ReplicationGroupId.Of(id.FaultDomainId?.Id ?? string.Empty, newId);
                    var (info, query) = await s.StepAsync($"Query the new source group {newGroup}", async () =>
                    {
                        var query = await s.Client.QueryReplicationGroupAsync(s.Target.Provider, [newGroup]).ConfigureAwait(false);
                        ProviderCalls.ThrowIfOwnReadBroken(s, query);
                        return (query.Value?.OfType<QueryReplicationGroupSuccessResult>().FirstOrDefault(r => r.GroupId?.Key == newGroup.Key)?.RgInfo, query.Call);
                    }).ConfigureAwait(false);
                    this.NewGroups[id.Key] = (newId, info, query);
                }
            }
        }
    }
}
