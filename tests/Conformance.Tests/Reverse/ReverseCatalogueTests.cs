using Conformance.Checks;
using Conformance.Reverse;
using Harness.Reporting;
using Harness.Simulator;
using Conformance.Targets;

namespace Conformance.Tests.Reverse;

/// <summary>
/// Proves the checks: the faithful simulator passes every check, and each deviation (a deliberate break of one
/// clause) makes the checks meant to catch it fail. The intended catches are data, below.
/// </summary>
[TestFixture]
public sealed class ReverseCatalogueTests
{
    /// <summary>Deviation → the checks that must fail against it.</summary>
    private static readonly Dictionary<Deviation, string[]> IntendedCatches = new()
    {
        [Deviation.WrongFaultForEmptyGroupId] = [EmptyGroupId, "Absent_groupId_is_rejected_with_InvalidArgument", "Null_groupId_is_rejected_with_InvalidArgument", "Only_declared_faults_are_raised"],
        [Deviation.AcceptEmptyGroupId] = [EmptyGroupId, "Absent_groupId_is_rejected_with_InvalidArgument", "Null_groupId_is_rejected_with_InvalidArgument"],
        [Deviation.FaultWithHttp200] = [EmptyGroupId, "An_oversized_batch_is_rejected_with_TooMany", "A_call_without_a_session_is_refused", FaultEnvelope],
        [Deviation.FaultAsHtml] = [EmptyGroupId, "An_oversized_batch_is_rejected_with_TooMany", FaultEnvelope],
        [Deviation.FaultWithoutTypeName] = ["Null_groupId_is_rejected_with_InvalidArgument", "An_oversized_batch_is_rejected_with_TooMany", FaultEnvelope],
        [Deviation.ReverseNonFailedOverGroups] = ["A_group_not_in_FAILEDOVER_is_not_reversed", StateModel],
        [Deviation.NewGroupInOtherFaultDomain] = ["A_reversed_group_gets_a_newGroupId_in_its_fault_domain"],
        [Deviation.SuccessWithoutNewGroupId] = ["A_reversed_group_gets_a_newGroupId_in_its_fault_domain"],
        [Deviation.NoStateChange] = ["A_reversed_group_reads_as_SOURCE_afterwards", StateModel],
        [Deviation.MissingResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.DuplicateResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.ExtraResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.TaskNeverCompletes] = ["The_task_reaches_success"],
        [Deviation.TaskEndsInError] = ["The_task_reaches_success"],
        [Deviation.TaskMoRefNotATask] = ["A_successful_call_answers_200_with_a_task_MoRef"],
        [Deviation.EmptyTaskMoRefValue] = ["A_successful_call_answers_200_with_a_task_MoRef"],
        [Deviation.NoSessionCheck] = ["A_call_without_a_session_is_refused"],
        [Deviation.IgnoreBatchLimit] = ["An_oversized_batch_is_rejected_with_TooMany", InvalidChangesNothing],
        [Deviation.TruncateOversizedBatch] = ["An_oversized_batch_is_rejected_with_TooMany", InvalidChangesNothing],
        [Deviation.TooManyMaxBatchSizeAboveLimit] = ["After_TooMany_a_split_batch_processes_every_group_exactly_once"],
        [Deviation.TaskGoesBackToRunning] = ["Task_states_move_only_from_queued_to_running_to_a_terminal_state"],
        [Deviation.ProgressDecreases] = ["Task_progress_stays_within_0_to_100_and_never_decreases"],
        [Deviation.ProgressOutOfRange] = ["Task_progress_stays_within_0_to_100_and_never_decreases"],
        [Deviation.CompletionBeforeStart] = ["Task_completionTime_is_not_before_startTime"],
        [Deviation.TaskErrorWithoutFault] = ["Task_error_is_set_exactly_when_the_state_is_error", "The_task_reaches_success"],
        [Deviation.ErrorSetOnSuccess] = ["Task_error_is_set_exactly_when_the_state_is_error"],
        [Deviation.TaskResultWrongType] = ["Task_result_is_an_ArrayOfGroupOperationResult_of_allowed_types"],
        [Deviation.TaskResultDisallowedSubtype] = ["Task_result_is_an_ArrayOfGroupOperationResult_of_allowed_types"],
        [Deviation.QuerySmsTaskResultDisagrees] = ["QuerySmsTaskResult_agrees_with_the_task_info"],
        [Deviation.EmptyErrorList] = ["GroupErrorResult_error_lists_are_never_empty"],
        [Deviation.AlreadyDoneAsError] = ["AlreadyDone_appears_only_as_a_warning"],
        [Deviation.DuplicateEntryReversedTwice] = ["A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once"],
        [Deviation.ReverseAgainOnRepeat] = ["Reversing_an_already_reversed_group_never_creates_a_second_new_group"],
        [Deviation.ConcurrentDoubleReverse] = ["Two_concurrent_reversals_of_one_group_reverse_it_once"],
        [Deviation.UndeclaredWholeCallFault] = [DeclaredFaults],
        [Deviation.InvalidPropertyWrong] = [WellFormed],
        [Deviation.MalformedFaultMessage] = [WellFormed],
        [Deviation.FaultCauseNotAFault] = [WellFormed],
        [Deviation.TooManyNonPositiveMaxBatchSize] = [WellFormed, "An_oversized_batch_is_rejected_with_TooMany"],
        [Deviation.InactiveProviderBadMapping] = [WellFormed],
        [Deviation.MalformedBodyAccepted] = ["Malformed_groupId_is_rejected_with_InvalidArgument"],
        [Deviation.MalformedBodyHtmlError] = ["Malformed_groupId_is_rejected_with_InvalidArgument", FaultEnvelope, "Every_answer_is_a_task_MoRef_or_a_documented_fault"],
        [Deviation.NoReplicationProfile] = ["The_provider_reports_the_Replication_profile"],
    };

    /// <summary>Settings, not deviations, that break a clause: a fault raised where the profile declares the operation implemented, a declared limit that does not match.</summary>
    private static readonly Dictionary<string, (SimulatedProviderOptions Options, Dictionary<string, DeclaredCapability>? Capabilities, string[] Catches)> KnobCatches = new()
    {
        ["NotImplemented although declared implemented"] = (SimulatedTargets.Options() with { Faults = [new SimulatedFault { Fault = "NotImplemented" }] }, null, ["NotImplemented_only_where_the_profile_declares_the_operation_unimplemented"]),
        ["declared batch limit 4, maxBatchSize 8"] = (SimulatedTargets.Options(), new() { [ReverseCatalogue.Feature] = new(true, 4, true) }, ["The_declared_batch_limit_matches_maxBatchSize"]),
    };

    public static IEnumerable<string> Knobs => KnobCatches.Keys;

    /// <summary>Deviations that only show when a fault is injected: the injection that makes them visible.</summary>
    private static readonly Dictionary<Deviation, SimulatedFault> Exposers = new()
    {
        [Deviation.InactiveProviderBadMapping] = new SimulatedFault { Fault = "InactiveProvider" },
    };

    private const string EmptyGroupId = "Empty_groupId_is_rejected_with_InvalidArgument";
    private const string FaultEnvelope = "Every_fault_is_HTTP_500_with_a_JSON_MethodFault_body";
    private const string DeclaredFaults = "Only_declared_faults_are_raised";
    private const string WellFormed = "Fault_fields_are_well_formed";
    private const string StateModel = "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts";
    private const string InvalidChangesNothing = "Invalid_input_never_changes_any_group_state";

    public static IEnumerable<Deviation> Deviations => Enum.GetValues<Deviation>();

    [Test]
    public async Task The_faithful_simulator_passes_every_check()
    {
        var results = await RunAllAsync(SimulatedTargets.Options());
        var notPassed = results.Where(r => r.Value.Outcome != CheckOutcome.Passed).Select(r => $"{r.Key}: {r.Value.Describe()}").ToList();
        Assert.That(notPassed, Is.Empty, "false failures on the faithful simulator");
    }

    [TestCaseSource(nameof(Deviations))]
    public async Task Each_deviation_is_caught_by_the_checks_meant_to_catch_it(Deviation deviation)
    {
        Assert.That(IntendedCatches.ContainsKey(deviation), Is.True, $"{deviation} has no intended catch: add it to the table");
        var options = SimulatedTargets.Options(deviation);
        if (Exposers.TryGetValue(deviation, out var exposer))
        {
            options = options with { Faults = [exposer] };
        }

        var results = await RunAllAsync(options);
        var missed = IntendedCatches[deviation].Where(name => results[name].Outcome != CheckOutcome.Failed)
            .Select(name => $"{name} was {results[name].Describe()}").ToList();
        Assert.That(missed, Is.Empty, $"{deviation} was not caught");
    }

    [TestCaseSource(nameof(Knobs))]
    public async Task Each_breaking_setting_is_caught_by_the_checks_meant_to_catch_it(string knob)
    {
        var (options, capabilities, catches) = KnobCatches[knob];
        var results = await RunAllAsync(options, capabilities);
        var missed = catches.Where(name => results[name].Outcome != CheckOutcome.Failed).Select(name => $"{name} was {results[name].Describe()}").ToList();
        Assert.That(missed, Is.Empty, $"{knob} was not caught");
    }

    [Test]
    public void Every_check_is_meant_to_catch_at_least_one_deviation()
    {
        var catching = IntendedCatches.Values.SelectMany(v => v).Concat(KnobCatches.Values.SelectMany(k => k.Catches)).ToHashSet();
        var idle = ReverseCatalogue.Checks.Select(c => c.Name).Where(n => !catching.Contains(n)).ToList();
        Assert.That(idle, Is.Empty, "checks that no deviation exercises");
    }

    [Test]
    public void The_committed_clause_list_is_generated_from_the_catalogue()
    {
        var committed = File.ReadAllText(Path.Combine(Conformance.Run.RunPaths.RepoRoot, "docs", "clauses.md"));
        Assert.That(committed, Is.EqualTo(Conformance.Run.Traceability.CatalogueMarkdown(Catalogue.All)), "docs/clauses.md is stale: regenerate it with `Conformance catalogue > docs/clauses.md`");
    }

    [Test]
    public void Every_intended_catch_names_a_check_of_the_catalogue()
    {
        var names = ReverseCatalogue.Checks.Select(c => c.Name).ToHashSet();
        Assert.That(IntendedCatches.Values.SelectMany(v => v).Where(n => !names.Contains(n)), Is.Empty);
    }

    [Test]
    public void Every_clause_has_at_least_one_check_and_ids_are_unique()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReverseCatalogue.Clauses.Select(c => c.Id), Is.Unique);
            Assert.That(ReverseCatalogue.Checks.Select(c => c.Name), Is.Unique);
            Assert.That(Catalogue.All.Single().Gaps.Select(c => c.Id), Is.EquivalentTo(new[] { "RRG-PEER-1", "RRG-PRIV-1" }), "clauses without a check are exactly the known gaps");
            Assert.That(ReverseCatalogue.Checks.SelectMany(k => k.Clauses).Where(c => !ReverseCatalogue.Clauses.Contains(c)).Select(c => c.Id), Is.Empty, "checks of an unlisted clause");
        });
    }

    [Test]
    public async Task No_allowlisted_FAILEDOVER_group_makes_the_success_checks_inconclusive_not_passed()
    {
        var options = SimulatedTargets.Options() with { Groups = SimulatedTargets.Options().Groups.Where(g => g.State != "FAILEDOVER").ToList() };
        var results = await RunAllAsync(options);
        Assert.Multiple(() =>
        {
            Assert.That(results["A_successful_call_answers_200_with_a_task_MoRef"].Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(results["A_successful_call_answers_200_with_a_task_MoRef"].Reason, Does.Contain("no allowlisted group is FAILEDOVER"));
            Assert.That(results["A_reversed_group_reads_as_SOURCE_afterwards"].Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
        });
    }

    [Test]
    public async Task A_provider_without_maxBatchSize_makes_the_TooMany_checks_not_applicable()
    {
        var results = await RunAllAsync(SimulatedTargets.Options() with { MaxBatchSize = null, BatchLimit = null });
        Assert.Multiple(() =>
        {
            Assert.That(results["An_oversized_batch_is_rejected_with_TooMany"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
            Assert.That(results["After_TooMany_a_split_batch_processes_every_group_exactly_once"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
        });
    }

    [Test]
    public async Task TooMany_without_maxBatchSize_is_split_one_group_at_a_time()
    {
        var results = await RunAllAsync(SimulatedTargets.Options() with { TooManyReportsMaxBatchSize = false });
        var split = results["After_TooMany_a_split_batch_processes_every_group_exactly_once"];
        Assert.Multiple(() =>
        {
            Assert.That(split.Outcome, Is.EqualTo(CheckOutcome.Passed), split.Describe());
            Assert.That(split.Notes, Has.Some.Contains("at most 1"));
        });
    }

    [Test]
    public async Task A_failed_property_reports_its_seed_and_a_minimal_batch()
    {
        var results = await RunAllAsync(SimulatedTargets.Options(Deviation.ReverseNonFailedOverGroups));
        var property = results["Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts"];
        Assert.Multiple(() =>
        {
            Assert.That(property.Reason, Does.Contain("VASA_SEED=12345"));
            Assert.That(property.Reason, Does.Match(@"minimal case \[[^,\]]+\]"), "shrunk to a single group");
        });
    }

    internal static async Task<Dictionary<string, CheckResult>> RunAllAsync(SimulatedProviderOptions options, IReadOnlyDictionary<string, DeclaredCapability>? capabilities = null)
    {
        using var sim = await SimulatedTargets.StartAsync(options, capabilities);
        var results = new Dictionary<string, CheckResult>();
        foreach (var check in ReverseCatalogue.Checks)
        {
            sim.Server.Provider.Reset();
            results[check.Name] = await check.ExecuteAsync(sim.Target);
            Assert.That(results[check.Name].Outcome, Is.Not.EqualTo(CheckOutcome.Broken), $"{check.Name} broke: {results[check.Name].Describe()}\n{results[check.Name].Trace}");
        }

        return results;
    }
}
