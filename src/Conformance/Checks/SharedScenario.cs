using Conformance.Targets;
using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>
/// A scenario several checks read: it runs once per target (so a real provider's groups and time are spent once),
/// records its steps and observations, and judges nothing. Each check includes the steps in its own report.
/// </summary>
internal abstract class SharedScenario
{
    /// <summary>The narrated steps.</summary>
    public IReadOnlyList<CheckStep> Steps { get; private set; } = [];

    /// <summary>Notes made on the way.</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>How the scenario stopped early (Inconclusive, NotApplicable or Broken), or null when it ran through.</summary>
    public CheckOutcome? StoppedAs { get; private set; }

    /// <summary>Why it stopped early.</summary>
    public string? StopReason { get; private set; }

    /// <summary>The title under which checks include the steps.</summary>
    protected abstract string Title { get; }

    /// <summary>The scenario's title.</summary>
    public string Describe() => this.Title;

    /// <summary>Includes the steps in a check; a check whose scenario stopped early stops the same way.</summary>
    public void IncludeIn(CheckScope s)
    {
        s.Include("Shared scenario: " + this.Title, this.Steps, this.Notes);
        switch (this.StoppedAs)
        {
            case CheckOutcome.NotApplicable:
                s.NotApplicable(this.StopReason!);
                break;
            case CheckOutcome.Inconclusive:
                s.Require(false, this.StopReason!);
                break;
            case CheckOutcome.Failed:
                // The scenario met a contract violation on the way; the check that judges it fails, this one cannot judge.
                s.Require(false, "the shared scenario stopped early: " + this.StopReason);
                break;
            case CheckOutcome.NotExercised:
                s.NotExercised(this.StopReason!);
                break;
            case CheckOutcome.Broken when this.StopReason?.StartsWith("broken: ", StringComparison.Ordinal) == true:
                // One of the suite's own reads broke (see ProviderCalls.OwnReadProblem): the check verified nothing either.
                s.Broken(this.StopReason);
                break;
            case CheckOutcome.Broken:
                s.Broken("the shared scenario broke: " + this.StopReason);
                break;
            case CheckOutcome.RestoreFailed when Interlocked.Exchange(ref this.restoreReported, 1) == 0:
                // The check still judges what the scenario saw; the first check to include it carries the failed restore.
                s.Touches.Inherited = $"the shared scenario '{this.Title}' could not restore its groups: {this.StopReason}";
                break;
            case CheckOutcome.RestoreFailed:
                s.Note($"the shared scenario '{this.Title}' could not restore its groups (reported by the first check that read it): {this.StopReason}");
                break;
        }
    }

    private int restoreReported;

    /// <summary>Runs the scenario once per target and returns its record.</summary>
    protected static Task<T> GetOrRunAsync<T>(ConformanceTarget target, Func<T, CheckScope, Task> record)
        where T : SharedScenario, new() =>
        target.Scenarios.GetOrRunAsync(typeof(T).FullName ?? typeof(T).Name, async () =>
        {
            var scenario = new T();
            var result = await CheckRunner.RunAsync(s => record(scenario, s), target, "shared scenario: " + typeof(T).Name).ConfigureAwait(false);
            scenario.Steps = result.Steps;
            scenario.Notes = result.Notes;
            if (result.Outcome != CheckOutcome.Passed)
            {
                scenario.StoppedAs = result.Outcome;
                scenario.StopReason = result.Reason;
            }

            return scenario;
        });
}
