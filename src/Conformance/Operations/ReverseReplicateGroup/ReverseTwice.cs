using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Targets;
using Harness.Wire;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// The shared idempotency scenario: reverse one FAILEDOVER group, then ask again to reverse it, once by its old id
/// and once by its new id. Spends one FAILEDOVER group.
/// </summary>
internal sealed class ReverseTwice : RepeatScenario
{
    /// <summary>The group reversed.</summary>
    public ReplicationGroupId? Group { get; private set; }

    /// <summary>The new source group's device group id from the first reversal.</summary>
    public string? FirstNewId { get; private set; }

    /// <inheritdoc />
    protected override string Title => $"reverse {this.Group} then ask again by its old and its new id";

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<ReverseTwice> GetAsync(ConformanceTarget target) => GetOrRunAsync<ReverseTwice>(target, (r, s) => r.RecordAsync(s));

    private async Task RecordAsync(CheckScope s)
    {
        var reverse = ReverseCatalogue.Subject;
        this.Group = await OperationSteps.PickInStateAsync(s, reverse).ConfigureAwait(false);
        var first = await s.StepAsync($"Reverse {this.Group}", () => OperationSteps.CallAsync(s, reverse, [this.Group])).ConfigureAwait(false);
        s.Require(first.IsValue && OperationSteps.IsTaskMoRef(first.Value), $"the first reversal did not start a task ({first.Describe()})");
        var wait = await OperationSteps.WaitAsync(s, reverse, first.Value!).ConfigureAwait(false);
        s.Require(wait.Final?.State == SmsTaskState.Success, $"the first reversal did not succeed ({wait.Describe()})");
        var (firstResults, problem, _) = OperationSteps.TryReadResults(s, reverse, wait.Final!);
        s.Require(firstResults is not null, $"the first reversal's result could not be read ({problem})");
        var success = firstResults!.OfType<ReverseReplicationSuccessResult>().FirstOrDefault(r => r.GroupId?.Key == this.Group.Key);
        s.Require(success?.NewGroupId?.Id is { Length: > 0 }, "the first reversal returned no newGroupId for the group");
        this.FirstNewId = success!.NewGroupId!.Id;

        var newId = ReplicationGroupId.Of(this.Group.FaultDomainId!.Id!, this.FirstNewId!);
        var repeats = new[] { this.Group, newId }.DistinctBy(g => g.Key).ToList();
        var states = await OperationSteps.ReadStatesAsync(s, repeats, "Read the states of the old and the new id").ConfigureAwait(false);
        foreach (var sent in repeats)
        {
            var call = await s.StepAsync($"Ask again to reverse {sent}", () => OperationSteps.CallAsync(s, reverse, [sent])).ConfigureAwait(false);
            this.Repeats.Add(await OperationAnswer.ReadAsync(s, reverse, [sent], states, call, observe: true).ConfigureAwait(false));
        }
    }
}
