using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Operations;
using Conformance.Operations.ReverseReplicateGroup;

namespace Conformance.Tests.Contracts;

/// <summary>
/// The shared contracts build their checks from a description and a clause set, for any operation: Reverse's
/// catalogue takes them unchanged, and a second operation (FailoverReplicationGroup_Task, whose checks are not run
/// yet) gets checks with its own clause ids, names and feature.
/// </summary>
[TestFixture]
public sealed class OperationContractsTests
{
    private const string Failover = "FailoverReplicationGroup_Task";

    [Test]
    public void Every_contract_builds_checks_for_a_second_operation_with_its_own_clause_ids_names_and_feature()
    {
        var op = FailoverUnderTest();
        var checks = AllContracts(op);
        Assert.Multiple(() =>
        {
            Assert.That(checks.Select(c => c.Feature), Is.All.EqualTo(Failover), "every check is the operation's");
            Assert.That(checks.SelectMany(c => c.Clauses).Select(c => c.Id), Is.All.StartWith("FO-"), "clause ids stay per operation");
            Assert.That(checks.SelectMany(c => c.Clauses).Where(c => !op.Clauses.All.Contains(c)).Select(c => c.Id), Is.Empty, "checks only of the operation's clauses");
            Assert.That(op.Clauses.All.Where(c => !checks.Any(k => k.Clauses.Contains(c))).Select(c => c.Id), Is.Empty, "every contract clause gets a check");
            Assert.That(checks.Select(c => c.Name), Is.Unique);
            Assert.That(checks.Select(c => c.Name), Is.SupersetOf(new[]
            {
                "Empty_failoverParam_is_rejected_with_InvalidArgument",
                "Absent_failoverParam_is_rejected_with_InvalidArgument",
                "Null_failoverParam_is_rejected_with_InvalidArgument",
                "Malformed_failoverParam_is_rejected_with_InvalidArgument",
                "A_group_listed_twice_gets_DuplicateEntry_and_is_failed_over_once",
                "The_task_reaches_success",
                "Only_declared_faults_are_raised",
                "ProviderBusy_when_raised_is_a_well_formed_declared_fault",
            }));
            Assert.That(new TaskContract(op).ReachesSuccess.Clause.Id, Is.EqualTo("FO-TASK-2"));
            Assert.That(new TaskContract(op).AnswersWithTaskMoRef.Clause.Id, Is.EqualTo("FO-TASK-1"));
            Assert.That(new FaultContract(op).Declared.Clause.Text, Does.Contain("NoValidReplica").Or.Contain("SmsReplicationFault"), "the declared faults come from the type catalogue");
            Assert.That(new TaskContract(op).ResultHasTheDeclaredType.Clause.Text, Does.Contain("FailoverSuccessResult, GroupOperationResult, GroupErrorResult"));
            Assert.That(new FaultContract(op).Checks.Where(c => c.Stage == RunStage.FaultLedger).Count(), Is.EqualTo(7), "the ledger checks run after every ordinary check");
        });
    }

    [Test]
    public void A_void_operation_gets_a_no_result_check()
    {
        var op = FailoverUnderTest() with { Operation = VasaProviderOperations.TestFailoverStart, Clauses = ContractClauses.For(VasaProviderOperations.TestFailoverStart, "TFS") };
        var check = new TaskContract(op).ResultHasTheDeclaredType;
        Assert.Multiple(() =>
        {
            Assert.That(check.Name, Is.EqualTo("A_successful_task_carries_no_result"));
            Assert.That(check.Clause.Text, Does.Contain("void"));
            Assert.That(check.Feature, Is.EqualTo("TestFailoverReplicationGroupStart_Task"));
        });
    }

    [Test]
    public void The_standard_clauses_justify_their_levels_and_have_unique_ids()
    {
        var clauses = VasaProviderOperations.All.Where(o => o.Argument.NamesGroups && o.ChangesState).SelectMany(o => ContractClauses.For(o, o.Name).All).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(clauses.Select(c => c.Id), Is.Unique);
            Assert.That(clauses.Where(c => !c.LevelFitsBasis).Select(c => c.Id), Is.Empty);
            Assert.That(clauses.Where(c => c.Why.Length < 20).Select(c => c.Id), Is.Empty);
        });
    }

    [Test]
    public void Reverses_catalogue_is_built_from_the_contracts_and_its_own_checks()
    {
        var fromContracts = AllContracts(ReverseCatalogue.Subject);
        var own = ReverseCatalogue.Checks.Where(c => !fromContracts.Any(k => k.Name == c.Name)).Select(c => c.Name);
        Assert.Multiple(() =>
        {
            Assert.That(fromContracts.Select(c => (c.Name, c.Clause.Id, c.Stage, c.Ungated)), Is.SubsetOf(ReverseCatalogue.Checks.Select(c => (c.Name, c.Clause.Id, c.Stage, c.Ungated))));
            Assert.That(own, Is.EquivalentTo(new[]
            {
                "A_reversed_group_gets_a_newGroupId_in_its_fault_domain",
                "A_reversed_group_reads_as_SOURCE_afterwards",
                "The_old_source_at_the_other_site_becomes_TARGET_of_the_new_source",
                "A_group_not_in_FAILEDOVER_is_not_reversed",
                "Reversing_an_already_reversed_group_never_creates_a_second_new_group",
                "Two_concurrent_reversals_of_one_group_reverse_it_once",
                "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts",
            }), "only what Reverse alone does is checked outside the shared contracts");
            Assert.That(ReverseCatalogue.Feature, Is.EqualTo(VasaProviderOperations.Reverse.Name));
        });
    }

    /// <summary>
    /// The suite's NUnit cases, baselines, the mutant matrix and the run's record key a check by its name alone, so
    /// names must be unique across every catalogue. The shared contracts name a check the same for every operation
    /// (e.g. The_task_reaches_success): a second operation built from them needs checks keyed by (feature, name) first.
    /// </summary>
    [Test]
    public void Check_keys_are_unique_across_every_catalogue_and_each_operation_shares_the_contracts_sentences()
    {
        var repeated = Catalogue.InRunOrder.GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Multiple(() =>
        {
            Assert.That(repeated, Is.Empty, "a check is keyed by operation and name (ConformanceSuite, the summary, baselines, MutantMatrix.ByKey, ConformanceRun.recorded)");
            Assert.That(Catalogue.InRunOrder.Where(c => c.Name == "The_task_reaches_success").Select(c => c.Feature).ToList(), Has.Count.EqualTo(7), "Reverse and the six lifecycle operations share the task contract's sentence");
        });
    }

    /// <summary>Failover as the contracts would judge it: its description, the standard clauses with prefix FO, and scenarios that must not run here.</summary>
    private static OperationUnderTest FailoverUnderTest()
    {
        var failover = VasaProviderOperations.Failover;
        var clauses = ContractClauses.For(failover, "FO");
        var readings = new ContractReadings(
            ContractReadings.GroupErrorPoint(failover, [clauses.SplitAfterTooMany, clauses.Duplicates]),
            ContractReadings.TaskTypePoint([clauses.TaskMoRef]),
            ContractReadings.ResultBoxingPoint([clauses.TaskResultType]),
            ContractReadings.ResultQueryPoint([clauses.TaskResultQuery]),
            ContractReadings.MalformedFaultPoint(failover, [clauses.MalformedArgument]),
            ContractReadings.NoSessionPoint([clauses.Session]));
        var scenarios = new OperationScenarios(_ => throw new AssertionException("no scenario runs here"), _ => throw new AssertionException("no scenario runs here"));
        return new OperationUnderTest(failover, clauses, readings, scenarios);
    }

    private static List<Check> AllContracts(OperationUnderTest op) =>
    [
        .. new InputContract(op).Checks,
        .. new FaultContract(op).Checks,
        .. new TaskContract(op).Checks,
        .. new ResultContract(op).Checks,
        .. new PropertyContract(op).Checks,
        .. new SessionContract(op).Checks,
        .. new CapabilityContract(op).Checks,
    ];
}
