using Conformance.Targets;
using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>Runs a check body and turns how it ended into a <see cref="CheckResult"/>. Never throws.</summary>
internal static class CheckRunner
{
    /// <summary>Runs the body in a fresh scope; with <paramref name="restore"/> (and both sites) it brings back what the body changed.</summary>
    public static async Task<CheckResult> RunAsync(Func<CheckScope, Task> body, ConformanceTarget target, string? name = null, bool restore = true)
    {
        var scope = new CheckScope(target, name);
        scope.Touches.Off = !restore;

        // Shared scenarios and property cases run inside this check hold their leases under it (and may use its groups).
        LeaseHolder.Current = scope.Holder;
        var start = DateTimeOffset.UtcNow;
        var worldBefore = target.Simulator is { } simulator && Restore.CheckRestore.Enabled(scope) ? Restore.CheckRestore.World(simulator) : null;
        CheckOutcome outcome;
        string? reason = null;
        Failure? failure = null;
        string? trace = null;
        try
        {
            await body(scope).ConfigureAwait(false);
            outcome = CheckOutcome.Passed;
        }
        catch (CheckStopped stop)
        {
            outcome = stop.Outcome;

            // A failure met outside any step names the check's most recent exchange, as a step that made none does.
            failure = stop.Failure is { Evidence: null } bare && scope.LastCall is { } last ? bare with { Evidence = last } : stop.Failure;
            reason = failure?.Reason ?? stop.Message;
        }
        catch (Exception ex)
        {
            outcome = CheckOutcome.Broken;
            reason = $"harness error: {ex.GetType().Name}: {ex.Message}";
            trace = ex.ToString();
        }

        // The round trip: every pair the check changed goes back to how the check found it, whatever the check's outcome.
        string? notRestored = null;
        try
        {
            notRestored = await Restore.CheckRestore.AfterCheckAsync(scope, worldBefore).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            notRestored = $"harness error while restoring: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            scope.ReleaseAllSlots();
            scope.ReleaseLeases();
        }

        if (scope.Touches.Inherited is { } inherited)
        {
            notRestored = notRestored is null ? inherited : $"{notRestored}; {inherited}";
        }

        if (notRestored is not null)
        {
            // A MUST failure stays the verdict (its message keeps its shape; the restore's failure is a note); anything else is "restore failed".
            if (outcome == CheckOutcome.Failed)
            {
                scope.Note("WARNING: the restore after this check failed: " + notRestored);
            }
            else
            {
                reason = $"restore failed: {notRestored} (the check itself: {outcome}{(reason is null ? string.Empty : ": " + reason)})";
                outcome = CheckOutcome.RestoreFailed;
                failure = null;
            }
        }

        if (target.Stopping.IsCancellationRequested && outcome != CheckOutcome.Passed)
        {
            // Not a verdict on the provider: the user stopped the run while this check was running.
            outcome = CheckOutcome.Inconclusive;
            reason = "interrupted: the run was stopped while this check was running" + (reason is null ? string.Empty : $" ({reason})");
            failure = null;
            trace = null;
        }

        return new CheckResult
        {
            Outcome = outcome,
            Reason = reason,
            Failure = failure,
            Trace = trace,
            Notes = scope.Notes.Distinct().ToList(),
            Steps = scope.Steps.ToList(),
            Start = start,
            Stop = DateTimeOffset.UtcNow,
        };
    }
}
