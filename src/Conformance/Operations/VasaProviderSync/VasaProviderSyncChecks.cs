using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Tasks;

namespace Conformance.Operations.VasaProviderSync;

/// <summary>The bodies of the VasaProviderSync_Task checks. A sync refreshes vCenter's cache and changes nothing on the array.</summary>
internal static class VasaProviderSyncChecks
{
    private static readonly IReadOnlySet<string> TaskTypes = new HashSet<string>(StringComparer.Ordinal) { "SmsTask", "Task" };

    /// <summary>VPS-1.</summary>
    public static async Task SyncEndsWell(CheckScope s)
    {
        var call = await SyncAsync(s, "Call VasaProviderSync_Task").ConfigureAwait(false);
        s.Step("Expect HTTP 200 with a task MoRef", () => ExpectTask(s, call));
        await WaitWellAsync(s, call).ConfigureAwait(false);
    }

    /// <summary>VPS-2.</summary>
    public static async Task ConcurrentSyncIsRefusedOrRuns(CheckScope s)
    {
        var first = await SyncAsync(s, "Call VasaProviderSync_Task").ConfigureAwait(false);
        s.Require(first.IsValue && IsTask(first.Value), $"the first sync did not start a task ({first.Describe()})");
        var second = await SyncAsync(s, "Call VasaProviderSync_Task again before the first one ends").ConfigureAwait(false);
        s.Step("Expect SyncInProgress, or a task of its own", () =>
        {
            if (second.Kind != OutcomeKind.Value)
            {
                s.Expect(second.Fault?.IsA("SyncInProgress") == true, Defect.WrongFault, "SyncInProgress (HTTP 500 with a MethodFault body) for a sync requested while another runs, or a task of its own", second.Fault is { } fault ? fault.TypeName ?? "a fault without _typeName" : second.Describe(), second.Call);
                s.Note("the concurrent sync was refused with SyncInProgress");
                return;
            }

            ExpectTask(s, second);
            s.Note("the concurrent sync was accepted as a task of its own");
        });
        await WaitWellAsync(s, first).ConfigureAwait(false);
        if (second.IsValue && IsTask(second.Value))
        {
            await WaitWellAsync(s, second).ConfigureAwait(false);
        }
    }

    private static Task<ProviderResult<ManagedObjectReference>> SyncAsync(CheckScope s, string step) =>
        s.StepAsync(step, () => ProviderCalls.CallAsync(s, VasaProviderSyncCatalogue.Feature, () => s.Client.VasaProviderSyncAsync(s.Target.Provider)));

    private static bool IsTask(ManagedObjectReference? moRef) => moRef is { Type: { } type, Value.Length: > 0 } && TaskTypes.Contains(type);

    private static void ExpectTask(CheckScope s, ProviderResult<ManagedObjectReference> call)
    {
        ReadOnlyReads.ExpectValue(s, call, "a task MoRef");
        s.Expect(IsTask(call.Value), Defect.Task, "a MoRef of type SmsTask (or Task) with a value", $"{call.Value?.Type}:{call.Value?.Value}", call.Call);
    }

    /// <summary>Waits for the task and expects success, or error with ProviderSyncFailed.</summary>
    private static async Task WaitWellAsync(CheckScope s, ProviderResult<ManagedObjectReference> call)
    {
        var task = call.Value!;

        // A task of this provider stuck earlier in the run (judged by RRG-TASK-2): waiting the full timeout again would tell nothing new.
        if (s.Target.FailFast.StopWaiting is { } reason)
        {
            s.Require(false, reason);
        }

        var wait = await s.StepAsync($"Wait for {task.Type}:{task.Value}", () => s.Target.Waiter.WaitAsync(s.Client, task, s.Target.Stopping, s.Target.FailFast.StuckSeen)).ConfigureAwait(false);
        s.Step("Expect success, or error with ProviderSyncFailed", () =>
        {
            if (wait.FailedPoll is { } failed)
            {
                s.Broken($"the suite's own QuerySmsTaskInfo poll of the sync task failed: {failed.Describe()}");
            }

            s.Expect(!wait.Stuck, Defect.StuckTask, $"the sync task to end within the task timeout ({s.Target.TaskTimeout.TotalSeconds:0} s)", $"still {wait.Observed.LastOrDefault()?.State} after {wait.Elapsed.TotalSeconds:0.#} s", wait.LastPoll);
            s.Require(wait.Final is not null, wait.GaveUp && s.Target.FailFast.StopWaiting is { } stopped ? stopped : $"the wait for the sync task ended early ({wait.Describe()})");
            var final = wait.Final!;
            s.Expect(final.State == SmsTaskState.Success || final.Error?.IsA("ProviderSyncFailed") == true, Defect.Task, "the sync task to end in success, or in error with ProviderSyncFailed", $"state {final.State} with error {final.Error?.TypeName ?? "(none)"}", wait.LastPoll);
        });
    }
}
