using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Targets;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Operations.ReverseReplicateGroup;

/// <summary>How the harness reacts to each fault, as the contract asks a client to: retry, inconclusive, not applicable, or failed.</summary>
[TestFixture]
public sealed class FaultReactionTests
{
    private static readonly Dictionary<string, DeclaredCapability> DeclaredUnimplemented = new() { [ReverseCatalogue.Feature] = new(false, null, true) };

    [TestCase("ProviderBusy")]
    [TestCase("ProviderUnavailable")]
    public async Task A_transient_fault_for_the_first_calls_is_retried_and_every_check_still_passes(string fault)
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Fault = fault, Times = 2 }] }, features: ReverseCatalogueTests.ReverseOnly);
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
            Assert.That(results.Values.SelectMany(r => r.Notes), Has.Some.Contains($"answered {fault}; retried"));
        });
    }

    [TestCase("ProviderBusy", "retry budget")]
    [TestCase("ProviderUnavailable", "retry budget")]
    [TestCase("InactiveProvider", "vasa-provider-2")]
    [TestCase("ProviderOutOfResource", "lacks the resources")]
    public async Task A_provider_that_keeps_raising_a_fault_makes_the_checks_inconclusive_not_failed(string fault, string reason)
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Fault = fault }] }, features: ReverseCatalogueTests.ReverseOnly);
        var empty = results["Empty_groupId_is_rejected_with_InvalidArgument"];
        Assert.Multiple(() =>
        {
            Assert.That(empty.Outcome, Is.EqualTo(CheckOutcome.Inconclusive), empty.Describe());
            Assert.That(empty.Reason, Does.Contain(reason));
            Assert.That(results["A_successful_call_answers_200_with_a_task_MoRef"].Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(results["Fault_fields_are_well_formed"].Outcome, Is.EqualTo(CheckOutcome.Passed), "a well-formed fault is still judged well-formed");
        });
    }

    [Test]
    public async Task An_operation_declared_unimplemented_that_answers_NotImplemented_is_not_applicable_throughout()
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Fault = "NotImplemented" }] }, DeclaredUnimplemented, features: ReverseCatalogueTests.ReverseOnly);
        Assert.Multiple(() =>
        {
            Assert.That(results["NotImplemented_only_where_the_profile_declares_the_operation_unimplemented"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
            Assert.That(results["The_task_reaches_success"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
            Assert.That(results["The_task_reaches_success"].Reason, Does.Contain("declares ReverseReplicateGroup_Task not implemented"));
            Assert.That(results["The_provider_reports_the_Replication_profile"].Outcome, Is.EqualTo(CheckOutcome.Passed), "capability checks still run");
        });
    }

    [Test]
    public async Task An_operation_that_works_although_declared_unimplemented_gets_a_warning()
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful(), DeclaredUnimplemented, features: ReverseCatalogueTests.ReverseOnly);
        var probe = results["NotImplemented_only_where_the_profile_declares_the_operation_unimplemented"];
        Assert.Multiple(() =>
        {
            Assert.That(probe.Outcome, Is.EqualTo(CheckOutcome.Passed));
            Assert.That(probe.Notes, Has.Some.StartsWith("WARNING").And.Contains("implements it"));
        });
    }

    [Test]
    public async Task An_undeclared_operation_that_answers_NotImplemented_fails()
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Fault = "NotImplemented" }] }, new Dictionary<string, DeclaredCapability>(), features: ReverseCatalogueTests.ReverseOnly);
        Assert.That(results["Empty_groupId_is_rejected_with_InvalidArgument"].Reason, Does.Contain("[capability]").And.Contain("does not declare it unimplemented"));
    }

    [Test]
    public async Task A_stuck_task_is_its_own_verdict_and_the_run_goes_on()
    {
        var results = await ReverseCatalogueTests.RunAllAsync(MutantCatalogue.Faithful(Deviation.TaskNeverCompletes), features: ReverseCatalogueTests.ReverseOnly);
        Assert.Multiple(() =>
        {
            Assert.That(results["The_task_reaches_success"].Reason, Does.StartWith("stuck task"));
            Assert.That(results["Empty_groupId_is_rejected_with_InvalidArgument"].Outcome, Is.EqualTo(CheckOutcome.Passed));
        });
    }
}
