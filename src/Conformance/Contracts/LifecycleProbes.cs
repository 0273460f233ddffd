using Conformance.Checks;
using Harness.Client;
using Harness.Wire;

namespace Conformance.Contracts;

/// <summary>The probes more than one lifecycle operation has: a form of the call that must change nothing (checkOnly).</summary>
internal static class LifecycleProbes
{
    /// <summary>
    /// Sends <paramref name="variant"/> (e.g. checkOnly) for one group in the precondition state; expects the task to
    /// succeed for it (not a refusal) and no group state to change at either site.
    /// </summary>
    public static async Task ChangesNothingAsync(CheckScope s, OperationUnderTest op, string form, Func<ReplicationGroupId, Func<SmsClient, ManagedObjectReference, Task<ProviderResult<ManagedObjectReference>>>> variant)
    {
        OperationSteps.RequireTasksFinish(s);
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, op, consumes: false).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = op.Operation.Precondition };
        var twin = await LifecycleSteps.TwinBeforeAsync(site, group).ConfigureAwait(false);
        var call = await site.StepAsync($"Call {op.Name} ({form}) with {group}", () => OperationSteps.CallAsync(site, op, [group], variant: variant(group))).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site, op, [group], before, call).ConfigureAwait(false);
        s.Step($"Expect the {form} call to succeed for {group}", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Succeeded, Defect.Result, $"a {form} call on {op.Operation.Precondition} group {group} to succeed", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
        });
        await OperationSteps.ExpectUnchangedAsync(site, before, $"after the {form} call").ConfigureAwait(false);
        await LifecycleSteps.ExpectTwinUnchangedAsync(site, twin, $"after the {form} call").ConfigureAwait(false);
    }
}
