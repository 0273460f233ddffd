using Conformance.Targets;
using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>One executable check of a clause. Its name is the test name a vendor reads.</summary>
/// <param name="Name">A sentence, e.g. <c>Empty_groupId_is_rejected_with_InvalidArgument</c>.</param>
/// <param name="Clause">The clause it checks.</param>
/// <param name="Feature">The operation, e.g. <c>ReverseReplicateGroup_Task</c>.</param>
/// <param name="Run">The body.</param>
internal sealed record Check(string Name, Clause Clause, string Feature, Func<CheckScope, Task> Run)
{
    /// <summary>
    /// The check's identity: <c>{Feature}.{Name}</c>. The shared contracts give every operation's check the same sentence
    /// (<c>The_task_reaches_success</c>), so the NUnit case, the summary, baselines and the mutant matrix key a check by
    /// its operation and its name.
    /// </summary>
    public string Key => $"{this.Feature}.{this.Name}";

    /// <summary>Whether the check compares the two sites of a pair (not applicable without the profile's peer; the mutant matrix runs it on a two-site world).</summary>
    public bool TwoSites { get; init; }

    /// <summary>Whether its trigger may not arise on a faithful provider (e.g. no group that is not promote-capable): not exercised is then a faithful outcome.</summary>
    public bool MayNotArise { get; init; }

    /// <summary>Further clauses this check also enforces (for the traceability matrix).</summary>
    public IReadOnlyList<Clause> Also { get; init; } = [];

    /// <summary>Whether the check runs even where the profile declares the operation unimplemented (the capability checks).</summary>
    public bool Ungated { get; init; }

    /// <summary>
    /// Whether the check needs the provider to itself: against a real provider it waits for the running checks to end and
    /// runs alone (it asserts that nothing changed across the whole allowlist, sends generated batches of any allowlisted
    /// groups, needs two task slots at once, syncs the whole provider, or compares reads that another check's change
    /// would set apart, such as the two sites' views of every pair). Against the embedded simulator, whose lanes are separate worlds, it
    /// changes nothing.
    /// </summary>
    public bool Exclusive { get; init; }

    /// <summary>When it runs: a check that judges a run ledger waits for every check of an earlier stage to end.</summary>
    public RunStage Stage { get; init; }

    /// <summary>
    /// The allowlisted groups it needs (site, state, how many, consumed or only read), declared for the run plan by the
    /// contract or scenario that builds it; empty for a check that uses made-up groups or none.
    /// </summary>
    public IReadOnlyList<GroupNeed> Needs { get; init; } = [];

    /// <summary>Every clause the check enforces.</summary>
    public IEnumerable<Clause> Clauses => this.Also.Prepend(this.Clause);

    /// <summary>The level the gate reads.</summary>
    public RequirementLevel Level => this.Clause.Level == ClauseLevel.Must ? RequirementLevel.Must : RequirementLevel.Should;

    /// <summary>
    /// Runs the check, or reports it not applicable when the profile declares its operation unimplemented. A failure
    /// of a SHOULD clause is a <see cref="CheckOutcome.Warning"/>.
    /// </summary>
    public async Task<CheckResult> ExecuteAsync(ConformanceTarget target)
    {
        var result = await this.ExecuteBodyAsync(target).ConfigureAwait(false);
        return result.Outcome == CheckOutcome.Failed && this.Clause.Level == ClauseLevel.Should
            ? result with { Outcome = CheckOutcome.Warning }
            : result;
    }

    private Task<CheckResult> ExecuteBodyAsync(ConformanceTarget target)
    {
        if (!this.Ungated && !target.CapabilityOf(this.Feature).Implemented)
        {
            var now = DateTimeOffset.UtcNow;
            return Task.FromResult(new CheckResult
            {
                Outcome = CheckOutcome.NotApplicable,
                Reason = $"the profile declares {this.Feature} not implemented (capabilities.{this.Feature}.implemented = false)",
                Start = now,
                Stop = now,
            });
        }

        // A generated check that may consume any allowlisted group in its states (GroupNeed.Rest) runs only when the
        // budget covers every such group; it takes them all at once (a pick-by-pick check spends at its pick instead).
        var rest = this.Needs.Where(n => n.Rest && n.Consumes && target.CapabilityOf(n.Operation ?? this.Feature).Implemented).Select(n => n.State).ToHashSet(StringComparer.Ordinal);
        var run = rest.Count == 0 ? this.Run : async s =>
        {
            await Contracts.GroupSpending.TakeEveryAsync(s, rest).ConfigureAwait(false);
            await this.Run(s).ConfigureAwait(false);
        };
        return CheckRunner.RunAsync(run, target, this.Name);
    }
}
