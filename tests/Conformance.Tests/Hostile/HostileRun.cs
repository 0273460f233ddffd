using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Hostile;

/// <summary>A whole-suite run against a hostile provider: the run (disposed), how long it took, and how often the session was renewed.</summary>
internal sealed record HostileRun(ConformanceRun Run, TimeSpan Elapsed, int? Relogins)
{
    /// <summary>The summary's checks, each named by its bare name (the hostile tests run no two checks of one name: <see cref="HostileScope"/>).</summary>
    public IReadOnlyList<RunCheck> Checks => this.Run.Summary.Checks.Select(c => c with { Name = c.Name[(c.Name.IndexOf('.', StringComparison.Ordinal) + 1)..] }).ToList();

    /// <summary>The exit code.</summary>
    public int ExitCode => this.Run.Summary.Verdict.ExitCode;

    /// <summary>The check of this key (<c>{operation}.{name}</c>), or ReverseReplicateGroup_Task's check of this name.</summary>
    public RunCheck Check(string name) => this.Checks.Single(c => c.Name == name);

    /// <summary>Every check that did not pass, as "name: outcome: message" lines.</summary>
    public IReadOnlyList<string> NotPassed() =>
        this.Checks.Where(c => !FaithfulOutcome.Holds(c.Name, c.Outcome)).Select(c => $"{c.Name}: {c.Outcome}: {c.Message}").ToList();
}
