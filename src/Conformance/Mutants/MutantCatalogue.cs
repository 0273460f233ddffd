using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Targets;
using Harness.Simulator;
using Harness.Wire.Groups;

namespace Conformance.Mutants;

/// <summary>
/// The mutant catalogue: one mutant per simulator deviation, plus settings that break a clause, each with the checks
/// meant to catch it. This table is the intended-catch data both the self-test and <c>./run.sh mutants</c> read.
/// </summary>
internal static class MutantCatalogue
{
    private const string EmptyGroupId = "Empty_groupId_is_rejected_with_InvalidArgument";
    private const string FaultEnvelope = "Every_fault_is_HTTP_500_with_a_JSON_MethodFault_body";
    private const string DeclaredFaults = "Only_declared_faults_are_raised";
    private const string WellFormed = "Fault_fields_are_well_formed";
    private const string StateModel = "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts";
    private const string InvalidChangesNothing = "Invalid_input_never_changes_any_group_state";
    private const string WireRequired = "Every_required_property_in_an_answer_is_present";
    private const string WireTypeNames = "Every_object_in_an_answer_carries_its_typeName";
    private const string SyncEnds = "VasaProviderSync_ends_in_success_or_ProviderSyncFailed";
    private const string Repeat = "Asking_again_gives_AlreadyDone_or_a_refusal_and_no_second_transition";
    private const string Failover = "FailoverReplicationGroup_Task.";
    private const string TestFailoverStart = "TestFailoverReplicationGroupStart_Task.";
    private const string TestFailoverStop = "TestFailoverReplicationGroupStop_Task.";

    /// <summary>Deviation → the checks that must fail against it.</summary>
    private static readonly Dictionary<Deviation, string[]> Catches = new()
    {
        [Deviation.WrongFaultForEmptyGroupId] = [EmptyGroupId, "Absent_groupId_is_rejected_with_InvalidArgument", "Null_groupId_is_rejected_with_InvalidArgument", "Only_declared_faults_are_raised"],
        [Deviation.AcceptEmptyGroupId] = [EmptyGroupId, "Absent_groupId_is_rejected_with_InvalidArgument", "Null_groupId_is_rejected_with_InvalidArgument"],
        [Deviation.FaultWithHttp200] = [EmptyGroupId, "An_oversized_batch_is_rejected_with_TooMany", "A_call_without_a_session_is_refused", FaultEnvelope],
        [Deviation.FaultAsHtml] = [EmptyGroupId, "An_oversized_batch_is_rejected_with_TooMany", FaultEnvelope],
        [Deviation.FaultWithoutTypeName] = ["Null_groupId_is_rejected_with_InvalidArgument", "An_oversized_batch_is_rejected_with_TooMany", FaultEnvelope, WireTypeNames],
        [Deviation.ReverseNonFailedOverGroups] = ["A_group_not_in_FAILEDOVER_is_not_reversed", StateModel],
        [Deviation.NewGroupInOtherFaultDomain] = ["A_reversed_group_gets_a_newGroupId_in_its_fault_domain"],
        [Deviation.SuccessWithoutNewGroupId] = ["A_reversed_group_gets_a_newGroupId_in_its_fault_domain", WireRequired],
        [Deviation.NoStateChange] = ["A_reversed_group_reads_as_SOURCE_afterwards", StateModel],
        [Deviation.MissingResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.DuplicateResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.ExtraResult] = ["Each_requested_group_gets_exactly_one_result"],
        [Deviation.TaskNeverCompletes] = ["The_task_reaches_success"],
        [Deviation.TaskEndsInError] = ["The_task_reaches_success", SyncEnds],
        [Deviation.TaskMoRefNotATask] = ["A_successful_call_answers_200_with_a_task_MoRef"],
        [Deviation.EmptyTaskMoRefValue] = ["A_successful_call_answers_200_with_a_task_MoRef"],
        [Deviation.NoSessionCheck] = ["A_call_without_a_session_is_refused"],
        [Deviation.IgnoreBatchLimit] = ["An_oversized_batch_is_rejected_with_TooMany", InvalidChangesNothing],
        [Deviation.TruncateOversizedBatch] = ["An_oversized_batch_is_rejected_with_TooMany", InvalidChangesNothing],
        [Deviation.TooManyMaxBatchSizeAboveLimit] = ["After_TooMany_a_split_batch_processes_every_group_exactly_once"],
        [Deviation.TaskGoesBackToRunning] = ["Task_states_move_only_from_queued_to_running_to_a_terminal_state"],
        [Deviation.ProgressDecreases] = ["Task_progress_never_decreases"],
        [Deviation.ProgressOutOfRange] = ["Task_progress_stays_within_0_to_100"],
        [Deviation.CompletionBeforeStart] = ["Task_completionTime_is_not_before_startTime"],
        [Deviation.TaskErrorWithoutFault] = ["Task_error_is_set_exactly_when_the_state_is_error", "The_task_reaches_success"],
        [Deviation.ErrorSetOnSuccess] = ["Task_error_is_set_exactly_when_the_state_is_error"],
        [Deviation.TaskResultWrongType] = ["Task_result_is_an_ArrayOfGroupOperationResult_of_allowed_types", TestFailoverStart + "A_successful_task_carries_no_result", TestFailoverStop + "A_successful_task_carries_no_result"],
        [Deviation.TaskResultDisallowedSubtype] = ["Task_result_is_an_ArrayOfGroupOperationResult_of_allowed_types"],
        [Deviation.QuerySmsTaskResultDisagrees] = ["QuerySmsTaskResult_agrees_with_the_task_info", TestFailoverStart + "QuerySmsTaskResult_agrees_with_the_task_info", TestFailoverStop + "QuerySmsTaskResult_agrees_with_the_task_info"],
        [Deviation.EmptyErrorList] = ["GroupErrorResult_error_lists_are_never_empty"],
        [Deviation.AlreadyDoneAsError] = ["AlreadyDone_appears_only_as_a_warning", Failover + "AlreadyDone_appears_only_as_a_warning", TestFailoverStart + Repeat, TestFailoverStop + Repeat],
        [Deviation.DuplicateEntryReversedTwice] = ["A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once"],
        [Deviation.ReverseAgainOnRepeat] = ["Reversing_an_already_reversed_group_never_creates_a_second_new_group"],
        [Deviation.ConcurrentDoubleReverse] = ["Two_concurrent_reversals_of_one_group_reverse_it_once"],
        [Deviation.UndeclaredWholeCallFault] = [DeclaredFaults],
        [Deviation.InvalidPropertyWrong] = [WellFormed],
        [Deviation.MalformedFaultMessage] = [WellFormed, WireRequired],
        [Deviation.FaultCauseNotAFault] = [WellFormed, WireTypeNames],
        [Deviation.InactiveProviderBadMapping] = [WellFormed, "InactiveProvider_when_raised_is_a_well_formed_declared_fault"],
        [Deviation.MalformedBodyAccepted] = ["Malformed_groupId_is_rejected_with_InvalidArgument"],
        [Deviation.MalformedBodyHtmlError] = ["Malformed_groupId_is_rejected_with_InvalidArgument", FaultEnvelope, "Every_answer_is_a_task_MoRef_or_a_documented_fault"],
        [Deviation.NoReplicationProfile] = ["The_provider_reports_the_Replication_profile"],
        [Deviation.TaskInfoWithoutKey] = [WireRequired],
        [Deviation.ReplicationStateOutsideEnum] = ["Every_enum_value_in_an_answer_is_legal", "QueryReplicationGroup_describes_each_group_as_Source_or_TargetGroupInfo_in_a_legal_state"],
        [Deviation.ResultWithoutGroupId] = [WireRequired],
        [Deviation.MaxBatchSizeAsString] = ["Every_value_in_an_answer_has_its_declared_JSON_type", "An_oversized_batch_is_rejected_with_TooMany"],
        [Deviation.UnknownFaultTypeName] = ["Every_typeName_in_an_answer_is_a_known_type_that_fits_its_slot"],
        [Deviation.GroupIdCarriesKey] = ["Answers_carry_no_property_or_type_unknown_to_the_release"],

        // The read-only tier.
        [Deviation.ProviderInfoNotVasaProviderInfo] = ["QueryProviderInfo_returns_a_VasaProviderInfo"],
        [Deviation.NegativeMaxBatchSize] = ["QueryProviderInfo_maxBatchSize_is_unset_or_not_negative"],
        [Deviation.QueryAllReturnsHalf] = ["QueryReplicationGroup_without_ids_returns_every_group_and_no_hybrid_list"],
        [Deviation.QueryDropsLastResult] = ["QueryReplicationGroup_answers_one_result_per_requested_id"],
        [Deviation.QueryUnknownGroupNotNotFound] = ["QueryReplicationGroup_answers_an_unknown_id_with_a_per_entry_NotFound"],
        [Deviation.QueryDuplicateNotFlagged] = ["QueryReplicationGroup_flags_a_repeated_id_with_DuplicateEntry"],
        [Deviation.PeerInfoNotPointingBack] = [Operations.QueryReplicationGroup.QueryReplicationGroupChecks.TopologyName, "The_old_source_at_the_other_site_becomes_TARGET_of_the_new_source"],
        [Deviation.PeerQueryReturnsHalf] = ["QueryReplicationPeer_without_ids_returns_every_source_fault_domain"],
        [Deviation.PeerQueryDropsLastResult] = ["QueryReplicationPeer_answers_one_result_per_requested_fault_domain"],
        [Deviation.PeerUnknownDomainWithoutError] = ["QueryReplicationPeer_answers_an_unknown_fault_domain_with_NotFound", "A_peer_result_without_targetDomain_has_an_error"],
        [Deviation.PeerDuplicateNotFlagged] = ["QueryReplicationPeer_flags_a_repeated_fault_domain_with_DuplicateEntry"],
        [Deviation.PeerErrorAndTargetBothSet] = ["A_peer_result_with_targetDomain_has_no_error"],
        [Deviation.PeerTargetDomainWrong] = [Operations.QueryReplicationPeer.QueryReplicationPeerChecks.TopologyName],
        [Deviation.PitEmptyGroupIdAccepted] = ["QueryPointInTimeReplica_refuses_an_empty_groupId_with_InvalidArgument"],
        [Deviation.PitAllThreeAccepted] = ["QueryPointInTimeReplica_refuses_fromDate_toDate_and_number_together"],
        [Deviation.PitDropsLastResult] = ["QueryPointInTimeReplica_answers_one_Success_Summary_or_Error_entry_per_group"],
        [Deviation.PitPreferDetailsIgnored] = ["QueryPointInTimeReplica_with_preferDetails_answers_details"],
        [Deviation.PitNumberIgnored] = ["QueryPointInTimeReplica_returns_at_most_number_replicas"],
        [Deviation.PitRangeIgnored] = ["QueryPointInTimeReplica_returns_only_replicas_within_the_time_range"],
        [Deviation.GreenAlarm] = ["QueryActiveAlarm_never_returns_a_Green_alarm"],
        [Deviation.PageMarkerNeverEnds] = ["QueryActiveAlarm_paging_ends_without_repeating_a_pageMarker"],
        [Deviation.AlarmStatusFilterIgnored] = ["QueryActiveAlarm_filtered_on_Red_returns_only_Red_alarms"],
        [Deviation.ConcurrentSyncAsReplicationFault] = ["A_concurrent_VasaProviderSync_gets_SyncInProgress_or_runs"],
        [Deviation.FaultDomainMissing] = ["QueryFaultDomain_lists_the_fault_domain_of_every_group_of_the_provider"],
        [Deviation.GroupInfoNotFound] = ["QueryReplicationGroupInfo_agrees_with_QueryReplicationGroup"],
    };

    /// <summary>Deviations that only show when a fault is injected: the injection that exposes them.</summary>
    private static readonly Dictionary<Deviation, SimulatedFault> Exposers = new()
    {
        [Deviation.InactiveProviderBadMapping] = new SimulatedFault { Fault = "InactiveProvider" },
    };

    /// <summary>
    /// Deviations run with another declaration. A negative maxBatchSize reads as "no batch limit", which leaves
    /// Reverse's batch clauses unverifiable (an incomplete run): that provider is declared a query-only one
    /// (ReverseReplicateGroup_Task not implemented), so the read-only tier is judged on its own.
    /// </summary>
    private static readonly Dictionary<Deviation, IReadOnlyDictionary<string, DeclaredCapability>> Declarations = new()
    {
        [Deviation.NegativeMaxBatchSize] = Operations.VasaProviderOperations.All.Where(o => o.ChangesState && o.Transition is not null).Select(o => o.Name).Append(Conformance.Lifecycle.LifecycleCatalogue.Feature).ToDictionary(n => n, _ => new DeclaredCapability(false, null, true)),
    };

    /// <summary>The profile declaration the faithful simulator is run with: Reverse implemented, no expected limit.</summary>
    public static IReadOnlyDictionary<string, DeclaredCapability> DeclaredImplemented { get; } = new Dictionary<string, DeclaredCapability>
    {
        [ReverseCatalogue.Feature] = new(true, null, true),
    };

    /// <summary>The faithful simulator: enough groups in each state for every scenario of every operation without a reset (eight FAILEDOVER, eight TARGET, six INTEST, three SOURCE, one REMOTE_FAILEDOVER).</summary>
    public static SimulatedProviderOptions Faithful(params Deviation[] deviations) => new()
    {
        Password = MutantTarget.Password,
        TaskPollsToComplete = 1,
        Deviations = deviations.ToHashSet(),
        Groups =
        [
            .. Enumerable.Range(1, 8).Select(i => new SimulatedGroup(i % 2 == 1 ? "fd-A" : "fd-B", $"rg-fo-{i}", ReplicationState.FailedOver)),
            .. Enumerable.Range(1, 3).Select(i => new SimulatedGroup(i % 2 == 1 ? "fd-A" : "fd-B", $"rg-src-{i}", ReplicationState.Source)),
            .. Enumerable.Range(1, 8).Select(i => new SimulatedGroup(i % 2 == 1 ? "fd-B" : "fd-A", $"rg-tgt-{i}", ReplicationState.Target)),
            .. Enumerable.Range(1, 6).Select(i => new SimulatedGroup(i % 2 == 1 ? "fd-A" : "fd-B", $"rg-int-{i}", ReplicationState.InTest)),
            new("fd-B", "rg-rfo-1", ReplicationState.RemoteFailedOver),
        ],
    };

    /// <summary>The same provider as a two-site world (the default pairs), for the checks that compare two sites: tested at site B, site A the peer.</summary>
    public static SimulatedProviderOptions TwoSites(SimulatedProviderOptions options) => options with { Sites = 2, Groups = SimulatedPairs.Layout(SimulatedPairs.Default) };

    /// <summary>The transient faults the provider raises on its own, each with the check that judges it when raised.</summary>
    public static IReadOnlyDictionary<string, string> TransientFaultChecks { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ProviderBusy"] = "ProviderBusy_when_raised_is_a_well_formed_declared_fault",
        ["ProviderUnavailable"] = "ProviderUnavailable_when_raised_is_a_well_formed_declared_fault",
        ["ProviderOutOfResource"] = "ProviderOutOfResource_when_raised_is_a_well_formed_declared_fault",
        ["InactiveProvider"] = "InactiveProvider_when_raised_is_a_well_formed_declared_fault",
    };

    /// <summary>The faithful simulator raising each transient fault once (well-formed): every "when raised" check is exercised and passes.</summary>
    public static SimulatedProviderOptions FaithfulRaisingTransientFaults() =>
        Faithful() with { Faults = [.. TransientFaultChecks.Keys.Select(f => new SimulatedFault { Fault = f, Times = 1 })] };

    /// <summary>A provider that raises a transient fault once, with faultMessage entries that have no key: caught by the fault's own check.</summary>
    private static IEnumerable<Mutant> TransientFaultsRaisedMalformed() =>
        TransientFaultChecks.Where(t => t.Key != "InactiveProvider").Select(t => new Mutant(
            $"{t.Key}RaisedMalformed",
            Faithful(Deviation.MalformedFaultMessage) with { Faults = [new SimulatedFault { Fault = t.Key, Times = 1 }] },
            null,
            [t.Value, WellFormed]));

    /// <summary>
    /// LIFE-MODEL-1's mutants: one lifecycle break of each kind its model meets (a twin moved wrongly, a wrong state
    /// afterwards, a reversal that leaves the old source SOURCE, a wrong state accepted), each run against the lifecycle
    /// model alone (its operations' own checks meet the same deviations in <see cref="LifecycleMutants"/>).
    /// </summary>
    private static IEnumerable<Mutant> LifecycleModelMutants() =>
        new[] { Deviation.TestFailoverStartWrongPeerState, Deviation.PromoteWrongPostState, Deviation.ReversePeerNotUpdated, Deviation.FailoverAcceptsWrongState }
            .Select(d => new Mutant($"{d}InALifecycleSequence", Faithful(d), null, [Conformance.Lifecycle.LifecycleCatalogue.Feature + "." + Conformance.Lifecycle.LifecycleCatalogue.ModelCheckName])
            {
                Features = new HashSet<string>(StringComparer.Ordinal) { Conformance.Lifecycle.LifecycleCatalogue.Feature },
            });

    /// <summary>
    /// Deviations the simulator commits in every operation's tasks, faults or sessions alike: their bare intended names
    /// mean the same-named check of every operation (the shared contracts), so each operation's copy is proven to fail.
    /// </summary>
    private static readonly HashSet<Deviation> Everywhere =
    [
        Deviation.FaultWithHttp200, Deviation.FaultAsHtml, Deviation.FaultWithoutTypeName, Deviation.NoSessionCheck,
        Deviation.TaskGoesBackToRunning, Deviation.ProgressDecreases, Deviation.ProgressOutOfRange, Deviation.CompletionBeforeStart,
        Deviation.TaskErrorWithoutFault, Deviation.ErrorSetOnSuccess, Deviation.TaskMoRefNotATask, Deviation.EmptyTaskMoRefValue,
        Deviation.TaskEndsInError, Deviation.TaskResultWrongType, Deviation.QuerySmsTaskResultDisagrees,
        Deviation.EmptyErrorList, Deviation.TooManyMaxBatchSizeAboveLimit,
    ];

    /// <summary>The lifecycle's deviations (Sync … Promote, and Reverse's peer): their mutants are <see cref="LifecycleMutants"/>.</summary>
    public static IReadOnlySet<Deviation> Lifecycle { get; } = Enum.GetValues<Deviation>()
        .Where(d => d >= Deviation.SyncAcceptsEmpty && d <= Deviation.ReversePeerNotUpdated)
        .ToHashSet();

    /// <summary>Every mutant: one per deviation (the lifecycle's from <see cref="LifecycleMutants"/>, less those that break no confirmed clause), then the breaking settings.</summary>
    public static IReadOnlyList<Mutant> All { get; } =
    [
        .. Enum.GetValues<Deviation>().Where(d => !Lifecycle.Contains(d)).Select(d => new Mutant(
            d.ToString(),
            Exposers.TryGetValue(d, out var exposer) ? Faithful(d) with { Faults = [exposer] } : Faithful(d),
            Declarations.GetValueOrDefault(d),
            Catches.GetValueOrDefault(d, []))
        {
            Everywhere = Everywhere.Contains(d),
        }),
        new("NotImplementedAlthoughDeclaredImplemented", Faithful() with { Faults = [new SimulatedFault { Fault = "NotImplemented" }] }, null, ["NotImplemented_only_where_the_profile_declares_the_operation_unimplemented"]),
        .. TransientFaultsRaisedMalformed(),

        // A provider that crashes on every Reverse call: the connection drops before any answer. No fault at all is no MethodFault.
        new("ReverseConnectionDropped", Faithful() with { TransportFaults = [new SimulatedTransportFault { Kind = TransportFaultKind.Reset }] }, null, [FaultEnvelope]),
        .. LifecycleMutants.All(),
        .. LifecycleModelMutants(),
        new("DeclaredBatchLimitDiffersFromMaxBatchSize", Faithful(), new Dictionary<string, DeclaredCapability> { [ReverseCatalogue.Feature] = new(true, 4, true) }, ["The_declared_batch_limit_matches_maxBatchSize"]),
    ];
}
