using Conformance.Checks;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Reverse;

/// <summary>
/// The shared idempotency scenario: reverse one FAILEDOVER group, then ask again to reverse it, once by its old id
/// and once by its new id. Spends one FAILEDOVER group.
/// </summary>
internal sealed class ReverseTwice : SharedScenario
{
    /// <summary>The group reversed.</summary>
    public ReplicationGroupId? Group { get; private set; }

    /// <summary>The new source group's device group id from the first reversal.</summary>
    public string? FirstNewId { get; private set; }

    /// <summary>The repeated requests: which id was sent, the answer, and the results when a task ran.</summary>
    public List<(ReplicationGroupId Sent, ProviderResult<ManagedObjectReference> Call, IReadOnlyList<GroupOperationResult> Results)> Repeats { get; } = [];

    /// <inheritdoc />
    protected override string Title => $"reverse {this.Group} then ask again by its old and its new id";

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<ReverseTwice> GetAsync(ConformanceTarget target) => GetOrRunAsync<ReverseTwice>(target, (r, s) => r.RecordAsync(s));

    private async Task RecordAsync(CheckScope s)
    {
        this.Group = await ReverseSteps.PickFailedOverAsync(s).ConfigureAwait(false);
        var first = await s.StepAsync($"Reverse {this.Group}", () => ReverseSteps.ReverseAsync(s, [this.Group])).ConfigureAwait(false);
        s.Require(first.IsValue && ReverseSteps.IsTaskMoRef(first.Value), $"the first reversal did not start a task ({first.Describe()})");
        var wait = await ReverseSteps.WaitAsync(s, first.Value!).ConfigureAwait(false);
        s.Require(wait.Final?.State == SmsTaskState.Success, $"the first reversal did not succeed ({wait.Describe()})");
        var (firstResults, problem, _) = ReverseSteps.TryReadResults(s, wait.Final!);
        s.Require(firstResults is not null, $"the first reversal's result could not be read ({problem})");
        var success = firstResults!.OfType<ReverseReplicationSuccessResult>().FirstOrDefault(r => r.GroupId?.Key == this.Group.Key);
        s.Require(success?.NewGroupId?.Id is { Length: > 0 }, "the first reversal returned no newGroupId for the group");
        this.FirstNewId = success!.NewGroupId!.Id;

        var newId = ReplicationGroupId.Of(this.Group.FaultDomainId!.Id!, this.FirstNewId!);
        foreach (var sent in new[] { this.Group, newId }.DistinctBy(g => g.Key))
        {
            var call = await s.StepAsync($"Ask again to reverse {sent}", () => ReverseSteps.ReverseAsync(s, [sent])).ConfigureAwait(false);
            IReadOnlyList<GroupOperationResult> results = [];
            if (call.IsValue && ReverseSteps.IsTaskMoRef(call.Value))
            {
                var again = await ReverseSteps.ObserveTaskAsync(s, call.Value!).ConfigureAwait(false);
                ReverseSteps.RequireEnded(s, call.Value!, again.Wait);
                if (again.Wait.Final is { State: SmsTaskState.Success } final)
                {
                    results = ReverseSteps.TryReadResults(s, final).Results ?? [];
                }
            }

            this.Repeats.Add((sent, call, results));
        }
    }
}
