using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Run;
using Harness.Client;
using Harness.Reporting;
using Harness.Security;
using Harness.Simulator;

namespace Conformance.Tests.Checks;

/// <summary>
/// A failure reads "&lt;prefix&gt; expected …; observed … (exchange &lt;id&gt;)" (issue #12): it can be written no other way,
/// it names the exchange that shows it, and the report and junit.xml carry that line and that id.
/// </summary>
[TestFixture]
public sealed class FailureTests
{
    private const string Expected = "a chunk of 3 groups, sized by TooMany.maxBatchSize 4, to be accepted";
    private const string Observed = "TooMany (maxBatchSize 4)";

    [Test]
    public void A_failure_cannot_be_stopped_as_free_text() =>
        Assert.Throws<ArgumentException>(() => _ = new CheckStopped(CheckOutcome.Failed, "a chunk of 3 groups was itself refused with TooMany"));

    /// <summary>The shape the mutant matrix holds every failure to (<see cref="FailureShape"/>) refuses the old free text, a reason without its exchange, and one without a prefix.</summary>
    [TestCase("[result] a chunk of 3 groups, sized by TooMany.maxBatchSize, was itself refused with TooMany (maxBatchSize 4) (exchange 1f2e3d-0000a)")]
    [TestCase("[result] expected " + Expected + "; observed " + Observed)]
    [TestCase("expected InvalidArgument; observed NotFound (exchange 1f2e3d-0000a)")]
    public void The_shape_refuses_a_reason_that_breaks_it(string reason) =>
        Assert.That(FailureShape.Violation("check", reason), Is.Not.Null);

    /// <summary>Each prefix is filed under its own category, whatever words follow it ("expected fault" once filed any message as a wrong fault).</summary>
    [TestCase("[task] expected fault InvalidArgument; observed NotFound (exchange 1f2e3d-0000a)")]
    [TestCase("malformed fault: expected maxBatchSize a long; observed \"x\" (exchange 1f2e3d-0000a)")]
    [TestCase("[wire] expected a known type; observed Foo (exchange 1f2e3d-0000a)")]
    public void Each_prefix_is_filed_under_its_own_category(string reason) =>
        Assert.That(FailureShape.Violation("check", reason), Is.Null);

    [Test]
    public async Task A_failure_in_a_step_names_the_step_s_exchange_and_the_step_carries_it()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        ProviderCall? made = null;

        var result = await CheckRunner.RunAsync(
            s => s.StepAsync("Read the groups, then judge", async () =>
            {
                made = (await s.Client.QueryReplicationGroupAsync(s.Target.Provider, s.Target.Allowlist)).Call;
                s.Fail(Defect.Result, Expected, Observed);
            }),
            sim.Target);

        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo($"[result] expected {Expected}; observed {Observed} (exchange {made!.CorrelationId})"));
            Assert.That(result.Failure?.Evidence, Is.SameAs(made));
            Assert.That(result.Steps.Single().Evidence, Is.SameAs(made), "the failed step attaches the exchange first");
            Assert.That(FailureShape.Violation("check", result.Reason), Is.Null);
        });
    }

    [Test]
    public async Task A_failure_outside_any_step_names_the_check_s_last_exchange()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        ProviderCall? made = null;

        var result = await CheckRunner.RunAsync(
            async s =>
            {
                made = (await s.Client.QueryReplicationGroupAsync(s.Target.Provider, s.Target.Allowlist)).Call;
                s.Expect(false, Defect.Task, "progress never to decrease", "it went down from 60 to 30");
            },
            sim.Target);

        Assert.That(result.Reason, Is.EqualTo($"[task] expected progress never to decrease; observed it went down from 60 to 30 (exchange {made!.CorrelationId})"));
    }

    [Test]
    public async Task A_failure_that_names_its_evidence_names_it_rather_than_the_step_s_own_exchange()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        ProviderCall? shows = null;

        var result = await CheckRunner.RunAsync(
            async s =>
            {
                shows = (await s.StepAsync("Read the groups", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, s.Target.Allowlist))).Call;
                await s.StepAsync("Read them again, then judge the first read", async () =>
                {
                    await s.Client.QueryReplicationGroupAsync(s.Target.Provider, s.Target.Allowlist);
                    s.Fail(Defect.Result, Expected, Observed, shows);
                });
            },
            sim.Target);

        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Does.EndWith($"(exchange {shows!.CorrelationId})"));
            Assert.That(result.Steps[1].Evidence, Is.SameAs(shows));
            Assert.That(result.Steps[0].Evidence, Is.Null, "only the failed step carries the evidence");
        });
    }

    [Test]
    public async Task Junit_and_the_allure_result_carry_the_expected_observed_line_and_the_exchange()
    {
        var mutant = MutantCatalogue.All.Single(m => m.Name == nameof(Deviation.WrongFaultForEmptyGroupId));
        using var sim = await MutantTarget.StartAsync(mutant.Options, mutant.Capabilities);
        var check = MutantMatrix.Resolve("Empty_groupId_is_rejected_with_InvalidArgument");

        var result = await check.ExecuteAsync(sim.Target);
        var summary = new RunSummary("mutant");
        summary.Add(ReportBridge.ToSummary(check, result));
        var failure = JUnitWriter.Build(summary, new Redactor()).Descendants("failure").Single();
        var report = ReportBridge.ToReport(check, result, "mutant", null, null);
        var evidence = Flatten(report.Steps).SelectMany(s => s.Attachments).Where(a => a.Name.StartsWith("Evidence: ", StringComparison.Ordinal)).ToList();

        var id = result.Failure?.Evidence?.CorrelationId;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(id, Is.Not.Null, "the failure names the exchange that shows it");
            Assert.That(result.Reason, Does.StartWith("wrong fault: expected InvalidArgument; observed ").And.EndWith($"(exchange {id})"));
            Assert.That(failure.Attribute("message")?.Value, Is.EqualTo(result.Reason), "junit's failure message");
            Assert.That(failure.Value, Is.EqualTo(result.Reason), "junit's failure body");
            Assert.That(report.Message, Is.EqualTo(result.Reason), "the report's error box");
            Assert.That(evidence.Select(a => a.Name), Has.One.EndWith($"[{id}]"), "the failed step attaches that exchange");
        });
    }

    private static IEnumerable<ReportStep> Flatten(IEnumerable<ReportStep> steps) => steps.SelectMany(s => Flatten(s.Steps).Prepend(s));
}
