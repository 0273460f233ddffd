using System.Collections.Concurrent;
using Conformance.Checks;
using Conformance.Mutants;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Mutants;

/// <summary>
/// Proves the checks: the faithful simulator passes every check (no false failure), each mutant is caught by the
/// checks meant to catch it (the intended catches are data in MutantCatalogue), every failure it provokes reads
/// "expected …; observed …" with its exchange, and every check catches a mutant.
/// </summary>
[TestFixture]
public sealed class MutantMatrixTests
{
    /// <summary>Each mutant's run, made once for the tests that judge it (its steps dropped: only the verdicts are judged).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<MatrixReport.MutantRun>>> Runs = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Mutants => MutantCatalogue.All.Select(m => new TestCaseData(m.Name).SetName($"Mutant_{m.Name}_is_caught_by_its_intended_checks_and_gated_by_their_level"));

    public static IEnumerable<TestCaseData> MutantFailures => MutantCatalogue.All.Select(m => new TestCaseData(m.Name).SetName($"Mutant_{m.Name}_fails_checks_with_expected_then_observed_and_the_exchange"));

    [Test]
    public async Task The_faithful_simulator_passes_every_check_it_can_exercise()
    {
        var results = await MutantMatrix.RunOneAsync(MutantCatalogue.Faithful(), MutantCatalogue.DeclaredImplemented);
        var notPassed = results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{r.Key}: {r.Value.Describe()}\n{r.Value.Trace}").ToList();
        var transient = results.Where(r => MutantCatalogue.TransientFaultChecks.Values.Contains(MutantMatrix.ByKey[r.Key].Name)).Select(r => (r.Key, r.Value.Outcome)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(notPassed, Is.Empty, "false failures on the faithful simulator");
            Assert.That(transient, Has.All.Matches<(string, CheckOutcome Outcome)>(t => t.Outcome == CheckOutcome.NotExercised), "a transient fault the faithful simulator never raised is not exercised, not passed");
        });
    }

    [Test]
    public async Task A_faithful_simulator_that_raises_each_transient_fault_passes_their_checks()
    {
        var results = new SuiteResults(await MutantMatrix.RunOneAsync(MutantCatalogue.FaithfulRaisingTransientFaults(), MutantCatalogue.DeclaredImplemented, Operations.ReverseReplicateGroup.ReverseCatalogueTests.ReverseOnly));
        Assert.Multiple(() =>
        {
            foreach (var check in MutantCatalogue.TransientFaultChecks.Values)
            {
                Assert.That(results[check].Outcome, Is.EqualTo(CheckOutcome.Passed), $"{check}: {results[check].Describe()}");
            }

            Assert.That(results.Where(r => r.Value.Outcome is CheckOutcome.Failed or CheckOutcome.Warning or CheckOutcome.Broken).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Mutants))]
    public async Task Each_mutant_is_caught_by_its_intended_checks(string name)
    {
        var mutant = MutantCatalogue.All.Single(m => m.Name == name);
        Assert.That(mutant.IntendedCatches, Is.Not.Empty, $"{name} has no intended catch: add it to MutantCatalogue");
        var run = await RunOf(name);
        Assert.Multiple(() =>
        {
            Assert.That(run.MissedIntended.Select(c => $"{c} was {run.Results[c].Describe()}"), Is.Empty, $"{name} was not caught");
            Assert.That(run.Results.Where(r => r.Value.Outcome == CheckOutcome.Broken).Select(r => $"{r.Key}: {r.Value.Reason}"), Is.Empty, "a check broke (a harness error) against the mutant");

            // A defect of a MUST clause fails the gate; one caught only by SHOULD checks is a warning the gate lets through (unless strict).
            Assert.That(run.GateExitCode, Is.EqualTo(run.IntendsMust ? 1 : 0), $"the gate's exit code; failed: {string.Join(", ", run.FailedChecks)}; warned: {string.Join(", ", run.WarningChecks)}");
        });
    }

    /// <summary>Every failure and warning a mutant provokes reads "&lt;prefix&gt; expected …; observed … (exchange &lt;id&gt;)", filed under its prefix's category, naming the exchange that shows it (issue #12).</summary>
    [TestCaseSource(nameof(MutantFailures))]
    public async Task Each_mutant_fails_checks_with_expected_then_observed_and_the_exchange(string name)
    {
        var run = await RunOf(name);
        Assert.Multiple(() =>
        {
            Assert.That(run.FailedChecks.Concat(run.WarningChecks), Is.Not.Empty, $"{name} provoked no failure to judge");
            Assert.That(FailureShape.Violations(run.Results), Is.Empty);
        });
    }

    [Test]
    public void Every_check_is_meant_to_catch_at_least_one_mutant()
    {
        var catching = MutantCatalogue.All.SelectMany(m => m.IntendedKeys).ToHashSet();
        var reverse = Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature;

        // A lifecycle operation's copy of a shared contract check whose breaking deviation the simulator commits in Reverse
        // only: the same code is meant to catch Reverse's mutant, and ./run.sh mutants shows this copy killed (0 idle checks).
        var reverseCaught = MutantMatrix.Checks.Where(c => c.Feature == reverse && catching.Contains(c.Key)).Select(c => Slot(c.Clause.Id)).ToHashSet(StringComparer.Ordinal);
        static string Slot(string clauseId) => clauseId[(clauseId.IndexOf('-', StringComparison.Ordinal) + 1)..];
        bool SharedCopyOfACaughtReverseCheck(Check c) =>
            Catalogue.Lifecycle.Any(l => l.Feature == c.Feature) && reverseCaught.Contains(Slot(c.Clause.Id));
        Assert.That(MutantMatrix.Checks.Where(c => !catching.Contains(c.Key) && !SharedCopyOfACaughtReverseCheck(c)).Select(c => c.Key), Is.Empty, "checks that no mutant is meant to exercise");
    }

    [Test]
    public void Every_intended_catch_names_a_check_and_every_deviation_is_a_mutant()
    {
        var keys = MutantMatrix.Checks.Select(c => c.Key).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(MutantCatalogue.All.SelectMany(m => m.IntendedKeys).Where(n => !keys.Contains(n)), Is.Empty);
            Assert.That(MutantCatalogue.All.Where(m => m.Features is not null).SelectMany(m => m.IntendedKeys.Where(k => !m.Features!.Contains(MutantMatrix.ByKey[k].Feature))), Is.Empty, "a mutant run against some operations only is meant to be caught by their checks");
            Assert.That(Enum.GetValues<Deviation>().Where(d => !LifecycleMutants.NotDefects.ContainsKey(d)).Select(d => d.ToString()).Where(d => MutantCatalogue.All.All(m => m.Name != d)), Is.Empty);
            Assert.That(LifecycleMutants.NotDefects.Keys.Where(d => MutantCatalogue.All.Any(m => m.Name == d.ToString())), Is.Empty, "a deviation that breaks no confirmed clause is not in the matrix");
            Assert.That(MutantCatalogue.All.Count, Is.GreaterThanOrEqualTo(25));
        });
    }

    [Test]
    public async Task The_matrix_report_counts_a_missed_mutant_an_idle_check_and_a_false_failure()
    {
        // A mutant that breaks nothing, expected to be caught by one check: it must show up as missed.
        var harmless = new Mutant("Harmless", MutantCatalogue.Faithful(), null, ["The_task_reaches_success"]);
        var report = await MutantMatrix.RunAsync([harmless]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Caught, Is.EqualTo(0));
            Assert.That(report.CatchRate, Is.EqualTo(0));
            Assert.That(report.IdleChecks, Has.Count.EqualTo(MutantMatrix.Checks.Count), "nothing failed, so every check is idle");
            Assert.That(report.Proves, Is.False);
            Assert.That(report.ToJson(), Does.Contain("\"catchRate\": 0").And.Contain("\"missedIntended\""));
        });
    }

    private static Task<MatrixReport.MutantRun> RunOf(string name) => Runs.GetOrAdd(name, _ => new(async () =>
    {
        var mutant = MutantCatalogue.All.Single(m => m.Name == name);
        var results = await MutantMatrix.RunOneAsync(mutant.Options, mutant.Capabilities, mutant.Features);
        return new MatrixReport.MutantRun(mutant, results.ToDictionary(r => r.Key, r => r.Value with { Steps = [] }, StringComparer.Ordinal));
    })).Value;
}
