using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Hostile;

/// <summary>A whole-suite run against a hostile provider: the run (disposed), how long it took, and how often the session was renewed.</summary>
internal sealed record HostileRun(ConformanceRun Run, TimeSpan Elapsed, int? Relogins)
{
    /// <summary>The summary's checks.</summary>
    public IReadOnlyList<RunCheck> Checks => this.Run.Summary.Checks;

    /// <summary>The exit code.</summary>
    public int ExitCode => this.Run.Summary.Verdict.ExitCode;

    /// <summary>The check of this key (<c>{operation}.{name}</c>), or ReverseReplicateGroup_Task's check of this name.</summary>
    public RunCheck Check(string name) => this.Checks.Single(c => c.Name == name || c.Name == "ReverseReplicateGroup_Task." + name);

    /// <summary>Every check that did not pass, as "name: outcome: message" lines.</summary>
    public IReadOnlyList<string> NotPassed() =>
        this.Checks.Where(c => !FaithfulOutcome.Holds(c.Name, c.Outcome)).Select(c => $"{c.Name}: {c.Outcome}: {c.Message}").ToList();
}
