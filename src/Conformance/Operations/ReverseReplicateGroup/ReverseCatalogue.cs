using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire.Groups;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// The clauses of ReverseReplicateGroup_Task and the checks that enforce them: the one source of truth from which
/// the NUnit cases, the report and the traceability matrix are derived. Sources: the seed (the operation's JSON API
/// page) and the protocol reference (shared/reference/sms-json-api.md). A clause without a check is a listed gap.
/// The shared contracts (Conformance.Contracts) build most checks from the operation's description and these clauses;
/// the checks of what only Reverse does (a new group id, SOURCE afterwards, only FAILEDOVER reversed, its state model,
/// its repeats) are <see cref="ReverseChecks"/> and <see cref="ReverseModelProperty"/>.
/// </summary>
internal static class ReverseCatalogue
{
    /// <summary>The operation.</summary>
    public static OperationDescription Operation => VasaProviderOperations.Reverse;

    /// <summary>The operation's name: every check's feature.</summary>
    public static string Feature => Operation.Name;

    private const string Seed = "seed: ReverseReplicateGroup_Task page";

    // Arguments.
    public static readonly Clause InvalidArgument = new("RRG-ARG-1", ClauseLevel.Must, "InvalidArgument: if groupId is null or empty. The fault is HTTP 500 with a MethodFault body whose _typeName is InvalidArgument, and no group changes state.", Seed + ", 500 responses; reference §1.5, §3.2") { Basis = LevelBasis.Seed, Why = "the seed lists \"InvalidArgument: if groupId is null or empty\" under the 500 responses" };
    public static readonly Clause MalformedArgument = new("RRG-ARG-2", ClauseLevel.Should, "A malformed groupId (wrong JSON type, an entry without faultDomainId or deviceGroupId, a wrong _typeName) is refused with InvalidArgument (or InvalidRequest: which one vCenter sends is unconfirmed) and starts no task.", "reference §1.2, §1.3; InvalidArgument") { Basis = LevelBasis.Robustness, Why = "the seed asks only that a null or empty groupId be refused; refusing other malformed ids is robustness, so a provider that reads them leniently gets a warning" };

    // The faults the seed names.
    public static readonly Clause NotImplementedFault = new("RRG-F-NOTIMPL", ClauseLevel.Must, "NotImplemented: if the provider does not implement this function. A provider the profile declares as implementing it must not answer NotImplemented (or NotSupportedByProvider).", Seed + ", 500 responses") { Basis = LevelBasis.Seed, Why = "the seed lists \"NotImplemented: if the provider does not implement this function\" under the 500 responses" };
    public static readonly Clause UnavailableFault = new("RRG-F-UNAVAIL", ClauseLevel.Must, "ProviderUnavailable: if the provider is temporarily unavailable. When raised it is a well-formed, declared fault; the client waits and retries.", Seed + ", 500 responses; reference §6.2, §8") { Basis = LevelBasis.Seed, Why = "the seed lists ProviderUnavailable under the 500 responses" };
    public static readonly Clause OutOfResourceFault = new("RRG-F-OOR", ClauseLevel.Must, "ProviderOutOfResource: if it is not possible to perform the operation due to lack of resources. When raised it is a well-formed, declared fault.", Seed + ", 500 responses") { Basis = LevelBasis.Seed, Why = "the seed lists ProviderOutOfResource under the 500 responses" };
    public static readonly Clause InactiveFault = new("RRG-F-INACTIVE", ClauseLevel.Must, "InactiveProvider: if the provider is inactive for the specified entity. When raised, mapping holds well-formed MoRefs of the active provider.", Seed + ", 500 responses; reference §6.2") { Basis = LevelBasis.Seed, Why = "the seed lists InactiveProvider under the 500 responses; VMware's type definitions declare its mapping field" };
    public static readonly Clause BusyFault = new("RRG-F-BUSY", ClauseLevel.Must, "ProviderBusy: if the provider is busy and cannot process the request. When raised it is a well-formed, declared fault; the client retries with back-off.", Seed + ", 500 responses") { Basis = LevelBasis.Seed, Why = "the seed lists ProviderBusy under the 500 responses" };
    public static readonly Clause ReplicationFault = new("RRG-F-SMSREPL", ClauseLevel.Must, "SmsReplicationFault: if an error is encountered while processing the request (its subtypes, e.g. InvalidReplicationState, included).", Seed + ", 500 responses; reference §6.3, §6.4") { Basis = LevelBasis.Seed, Why = "the seed lists SmsReplicationFault under the 500 responses" };
    public static readonly Clause TooMany = new("RRG-BATCH-1", ClauseLevel.Must, "TooMany: thrown if the provider is unable to handle the given set of replication groups in one call (a batch above its maxBatchSize). maxBatchSize, when present, is a long; 0, negative or unset means one group per call.", Seed + ", 500 responses; reference §6.2, §8") { Basis = LevelBasis.Seed, Why = "the seed lists TooMany under the 500 responses; VMware's definitions declare maxBatchSize a long, where 0, negative or unset means 1" };
    public static readonly Clause SplitAfterTooMany = new("RRG-BATCH-2", ClauseLevel.Must, "The client calls again based on the maxBatchSize in the TooMany fault, or once per group when it is not specified; every group is then processed exactly once.", Seed + ", TooMany; reference §3.2") { Basis = LevelBasis.Seed, Why = "the seed: \"The client needs to call this method based on the maxBatchSize specified in the TooMany fault … (i.e. maxBatchSize = 1)\"" };

    // How faults are sent.
    public static readonly Clause FaultEnvelope = new("RRG-FAULT-1", ClauseLevel.Must, "Every fault is HTTP 500 with a JSON MethodFault body whose _typeName names the fault.", "reference §1.5, §8 (wire pitfalls 1 and 4)") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware's JSON API pages list every fault under HTTP 500 with a MethodFault body" };
    public static readonly Clause DeclaredFaults = new("RRG-FAULT-2", ClauseLevel.Must, "Only the declared faults (the eight above and their subtypes) and the generic runtime faults (RuntimeFault, SystemError, InvalidRequest, ManagedObjectNotFound, NotAuthenticated, NoPermission) are raised.", Seed + ", 500 responses; reference §3.2") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare the method's faults; the generic runtime faults are VMware's convention for every method" };
    public static readonly Clause WellFormedFaults = new("RRG-FAULT-3", ClauseLevel.Must, "Fault fields are well-formed: InvalidArgument.invalidProperty, when present, names groupId (or, refusing a malformed body, a property the body sent: U-MALFORMED-FAULT); InactiveProvider.mapping holds well-formed MoRefs; faultMessage entries are LocalizableMessages with a key; faultCause is itself a MethodFault.", "reference §1.5, §6.1, §6.2") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare each fault field's type (InactiveProvider.mapping, LocalizableMessage.key, faultCause a MethodFault)" };

    // The task.
    public static readonly Clause TaskMoRef = new("RRG-TASK-1", ClauseLevel.Must, "200 OK returns a MoRef to the task: {\"_typeName\":\"ManagedObjectReference\",\"type\":<SmsTask or Task>,\"value\":<non-empty>}.", Seed + ", 200 response; reference §3.1") { Basis = LevelBasis.Seed, Why = "the seed's 200 response: \"Returns MoRefTask\"" };
    public static readonly Clause TaskSuccess = new("RRG-TASK-2", ClauseLevel.Must, "The SmsTask of a call whose groups are all FAILEDOVER reaches the terminal state success within the profile's task timeout; a task still not terminal then is a stuck task.", "reference §4.2, §4.3") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents SmsTaskState as queued, running, success, error: a task ends in a terminal state" };
    public static readonly Clause TaskStates = new("RRG-TASK-3", ClauseLevel.Must, "SmsTaskInfo.state moves only through queued, then running, then success or error, and a terminal state stays.", "reference §4.2, §4.3") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents the SmsTaskState values and their order (queued, running, then success or error)" };
    public static readonly Clause TaskProgress = new("RRG-TASK-4", ClauseLevel.Must, "SmsTaskInfo.progress, when reported, stays within 0 to 100.", "reference §4.2") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents SmsTaskInfo.progress as 0 to 100 while running" };
    public static readonly Clause TaskProgressMonotonic = new("RRG-TASK-9", ClauseLevel.Should, "SmsTaskInfo.progress, when reported, never decreases between two polls of the task.", "reference §4.2 (inferred)") { Basis = LevelBasis.Inferred, Why = "VMware documents progress as a percentage from 0 to 100 but not that it only grows; that it never decreases is inferred" };
    public static readonly Clause TaskTimes = new("RRG-TASK-5", ClauseLevel.Should, "SmsTaskInfo.completionTime is not before startTime.", "reference §4.2") { Basis = LevelBasis.Inferred, Why = "VMware documents startTime and completionTime but not their order; that completion is not before start is inferred" };
    public static readonly Clause TaskError = new("RRG-TASK-6", ClauseLevel.Must, "SmsTaskInfo.error is set exactly when the state is error.", "reference §4.2") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents SmsTaskInfo.error as set when the state is error" };
    public static readonly Clause TaskResultType = new("RRG-TASK-7", ClauseLevel.Must, "The task result is GroupOperationResult[] boxed as ArrayOfGroupOperationResult, holding only ReverseReplicationSuccessResult and GroupErrorResult (a bare array is accepted with a note).", "reference §1.3, §4.3, §3.3") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare the task result GroupOperationResult[] (the boxing is inferred, so a bare array is accepted)" };
    public static readonly Clause TaskResultQuery = new("RRG-TASK-8", ClauseLevel.Must, "QuerySmsTaskResult returns the same value as SmsTaskInfo.result.", "reference §4.1, §4.3 (the shape is unconfirmed; the value must agree)") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents QuerySmsTaskResult as returning the task's result (its shape is unconfirmed, so only the value is compared)" };

    // The results.
    public static readonly Clause OneResultPerGroup = new("RRG-RES-1", ClauseLevel.Must, "The task result holds exactly one result per requested group, matched by groupId, in any order.", "reference §3.3, §4.3, §8 (cardinality inferred; order unconfirmed)") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents GroupOperationResult as the per-group result of the operation: each requested group gets its result" };
    public static readonly Clause ErrorListNotEmpty = new("RRG-RES-2", ClauseLevel.Must, "GroupErrorResult.error is required and holds at least one fault.", "reference §4.4, §6.4") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents GroupErrorResult.error as required, with at least one entry" };
    public static readonly Clause AlreadyDoneIsWarning = new("RRG-RES-3", ClauseLevel.Must, "AlreadyDone is always a warning: it appears only in warning[], never in error[] or as a fault.", "reference §6.3, §5.4") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents AlreadyDone as \"always a warning\"" };
    public static readonly Clause Duplicates = new("RRG-RES-4", ClauseLevel.Should, "A group listed twice gets DuplicateEntry for the repeat (or the call gets InvalidArgument), and is never reversed twice.", "reference §3.3 (DuplicateEntry per entry), §6.2") { Basis = LevelBasis.Inferred, Why = "DuplicateEntry per entry is documented for queries; for Reverse the reference infers it" };
    public static readonly Clause NewGroupId = new("RRG-REV-1", ClauseLevel.Must, "A FAILEDOVER group gets a ReverseReplicationSuccessResult whose required newGroupId names the new source group; its fault domain id stays the same.", "reference §3.3, §4.4") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare newGroupId required; VMware documents the new group in the same fault domain" };
    public static readonly Clause BecomesSource = new("RRG-REV-2", ClauseLevel.Must, "Initiate replication in the reverse way, making the currently FAILEDOVER devices as sources: afterwards QueryReplicationGroup shows the new group as SOURCE.", Seed + ", description; reference §5.4") { Basis = LevelBasis.Seed, Why = "the seed: \"Initiate replication in the reverse way, making the currently FAILEDOVER devices as sources\"" };
    public static readonly Clause OnlyFailedOver = new("RRG-STATE-1", ClauseLevel.Must, "groupId: replication groups (currently in FAILEDOVER state). A group in another state is not reversed (a per-group error, a whole-call SmsReplicationFault, or a task error) and its state does not change.", Seed + ", groupId; reference §5.4, §6.4") { Basis = LevelBasis.Seed, Why = "the seed: groupId holds groups \"currently in FAILEDOVER state\"" };
    public static readonly Clause Idempotent = new("RRG-IDEM-1", ClauseLevel.Must, "Reversing a group that has already been reversed gives an error or an AlreadyDone warning, and never a second new group.", "reference §8 (idempotency), §6.3") { Basis = LevelBasis.Seed, Why = "the seed reverses only groups currently in FAILEDOVER; a reversed group is no longer FAILEDOVER (and AlreadyDone is documented as a warning)" };
    public static readonly Clause Concurrent = new("RRG-CONC-1", ClauseLevel.Should, "Two concurrent Reverse calls on the same FAILEDOVER group reverse it exactly once.", "reference §5.4 (inferred: one group has one reversal)") { Basis = LevelBasis.Inferred, Why = "that two concurrent calls on one group reverse it once is inferred (one group has one reversal)" };

    // Properties.
    public static readonly Clause AnswersDocumented = new("RRG-PROP-1", ClauseLevel.Must, "For any request (any ids, any batch size, duplicates, unknown fields, malformed bodies) the answer is HTTP 200 with a task MoRef or HTTP 500 with a documented fault.", "reference §1.5, §3.2") { Basis = LevelBasis.Seed, Why = "the seed documents exactly two answers: 200 with a task MoRef, or 500 with a listed fault" };
    public static readonly Clause InvalidChangesNothing = new("RRG-PROP-2", ClauseLevel.Must, "Invalid input (null, empty or malformed groupId, a batch over the limit) never changes any group's state.", Seed + ", 500 responses") { Basis = LevelBasis.Seed, Why = "the seed lists InvalidArgument and TooMany as refusals of the call: a refused call changes nothing" };
    public static readonly Clause StateModel = new("RRG-MODEL-1", ClauseLevel.Must, "For any batch of allowlisted groups, the FAILEDOVER ones end as SOURCE (new ids in the same fault domain), the others are unchanged, and the results match the requests one to one; or, for a batch naming a group that may be refused, the whole call is refused (a reading of U-GROUP-ERROR) and nothing changes.", Seed + "; reference §5.4, §6.4") { Basis = LevelBasis.Seed, Why = "the seed's description (FAILEDOVER groups become sources) and VMware's documented state machine" };

    // Capabilities and session.
    public static readonly Clause ReplicationProfile = new("RRG-CAP-1", ClauseLevel.Should, "A replication-capable provider reports Replication in VasaProviderInfo.supportedProviderProfile.", "reference §2 (VasaProviderInfo)") { Basis = LevelBasis.Inferred, Why = "that a replication provider lists Replication in supportedProviderProfile is inferred from the field's documented values" };
    public static readonly Clause BatchLimitDeclared = new("RRG-CAP-2", ClauseLevel.Should, "The batch limit the profile declares for the operation matches VasaProviderInfo.maxBatchSize.", "reference §2, §8 (batch limits)") { Basis = LevelBasis.Inferred, Why = "the profile's declaration is the user's; that it should match maxBatchSize (a provider-wide hint) is inferred" };
    public static readonly Clause Session = new("SMS-SESSION-1", ClauseLevel.Must, "SMS calls carry the vmware-api-session-id of a logged-in session; a call without one is refused (NotAuthenticated as HTTP 500 is expected; the exact answer is unconfirmed).", "reference §1.5, §1.6, §9.1") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents the vmware-api-session-id header as the JSON API's only security scheme (the exact refusal is unconfirmed, so every plausible answer is accepted)" };

    // RRG-PEER-1 needs the peer site; RRG-PRIV-1 is a gap, listed so that the report shows it.
    public static readonly Clause PeerBecomesTarget = new("RRG-PEER-1", ClauseLevel.Must, "The peer group, the source before the failover, becomes the replication TARGET of the new source: at the other site it reads TARGET and its sourceInfo names the new group (T10).", "reference §3.3, §5.4, replication-lifecycle.md §2 T10 (needs the peer site in the profile)") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that the old source peer becomes TARGET" };
    public static readonly Clause Privilege = new("RRG-PRIV-1", ClauseLevel.Must, "The call requires StorageViews.ConfigureService; a caller without it gets NoPermission (unconfirmed over JSON).", Seed + ", required privileges; reference §7 (needs a second, unprivileged account)") { Basis = LevelBasis.Seed, Why = "the seed: \"Required privileges: StorageViews.ConfigureService\" (the refusal's fault is unconfirmed)" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses =
    [
        InvalidArgument, MalformedArgument, NotImplementedFault, UnavailableFault, OutOfResourceFault, InactiveFault, BusyFault, ReplicationFault, TooMany, SplitAfterTooMany,
        FaultEnvelope, DeclaredFaults, WellFormedFaults,
        TaskMoRef, TaskSuccess, TaskStates, TaskProgress, TaskProgressMonotonic, TaskTimes, TaskError, TaskResultType, TaskResultQuery,
        OneResultPerGroup, ErrorListNotEmpty, AlreadyDoneIsWarning, Duplicates, NewGroupId, BecomesSource, OnlyFailedOver, Idempotent, Concurrent,
        AnswersDocumented, InvalidChangesNothing, StateModel,
        ReplicationProfile, BatchLimitDeclared, Session,
        PeerBecomesTarget, Privilege,
    ];

    /// <summary>The clauses the shared contracts check, slot by slot.</summary>
    public static readonly ContractClauses Contract = new()
    {
        InvalidArgument = InvalidArgument,
        MalformedArgument = MalformedArgument,
        TooMany = TooMany,
        SplitAfterTooMany = SplitAfterTooMany,
        NotImplemented = NotImplementedFault,
        Unavailable = UnavailableFault,
        OutOfResource = OutOfResourceFault,
        Inactive = InactiveFault,
        Busy = BusyFault,
        FaultEnvelope = FaultEnvelope,
        DeclaredFaults = DeclaredFaults,
        WellFormedFaults = WellFormedFaults,
        TaskMoRef = TaskMoRef,
        TaskSuccess = TaskSuccess,
        TaskStates = TaskStates,
        TaskProgress = TaskProgress,
        TaskProgressMonotonic = TaskProgressMonotonic,
        TaskTimes = TaskTimes,
        TaskError = TaskError,
        TaskResultType = TaskResultType,
        TaskResultQuery = TaskResultQuery,
        OneResultPerGroup = OneResultPerGroup,
        ErrorListNotEmpty = ErrorListNotEmpty,
        AlreadyDoneIsWarning = AlreadyDoneIsWarning,
        Duplicates = Duplicates,
        AnswersDocumented = AnswersDocumented,
        InvalidChangesNothing = InvalidChangesNothing,
        ReplicationProfile = ReplicationProfile,
        BatchLimitDeclared = BatchLimitDeclared,
        Session = Session,
    };

    // Built on first use: the readings name this catalogue's clauses, so they must not be read while it initialises.
    private static readonly Lazy<OperationUnderTest> LazySubject = new(() => new(
        Operation,
        Contract,
        ReverseReadings.Contract,
        new(async t => await ReverseHappyPath.GetAsync(t).ConfigureAwait(false), async t => await ReverseOversizedBatch.GetAsync(t).ConfigureAwait(false))
        {
            Repeat = async t => await ReverseTwice.GetAsync(t).ConfigureAwait(false),
        }));

    private static readonly Lazy<IReadOnlyList<Check>> LazyChecks = new(BuildChecks);

    /// <summary>The operation as the shared contracts judge it: its description, clauses, readings and scenarios.</summary>
    public static OperationUnderTest Subject => LazySubject.Value;

    /// <summary>Every check, each naming its clause; the fault-contract checks also cover the transient faults, which they judge whenever raised.</summary>
    public static IReadOnlyList<Check> Checks => LazyChecks.Value;

    private static List<Check> BuildChecks()
    {
        var input = new InputContract(Subject);
        var faults = new FaultContract(Subject);
        var task = new TaskContract(Subject);
        var results = new ResultContract(Subject);
        var properties = new PropertyContract(Subject);
        return
        [
            .. input.MissingGroups,
            input.Malformed,
            faults.NotImplemented,
            .. task.Checks,
            results.OnePerGroup,
            new("A_reversed_group_gets_a_newGroupId_in_its_fault_domain", NewGroupId, Feature, ReverseChecks.NewGroupIdInSameFaultDomain) { Needs = GroupNeeds.Success(Subject) },
            new("A_reversed_group_reads_as_SOURCE_afterwards", BecomesSource, Feature, ReverseChecks.ReversedGroupReadsAsSource) { Needs = GroupNeeds.Success(Subject) },
            new("The_old_source_at_the_other_site_becomes_TARGET_of_the_new_source", PeerBecomesTarget, Feature, ReverseChecks.OldSourceBecomesTarget) { TwoSites = true, Needs = GroupNeeds.Success(Subject) },
            new("A_group_not_in_FAILEDOVER_is_not_reversed", OnlyFailedOver, Feature, ReverseChecks.NonFailedOverGroupIsNotReversed) { Also = [ReplicationFault], Needs = GroupNeeds.Refused([ReplicationState.Source, ReplicationState.Target, ReplicationState.InTest], GroupSite.Tested) },
            results.ErrorListsNotEmpty,
            results.AlreadyDoneAsWarning,
            results.Duplicates,
            new("Reversing_an_already_reversed_group_never_creates_a_second_new_group", Idempotent, Feature, ReverseChecks.RepeatedReverseCreatesNoSecondGroup) { Needs = GroupNeeds.Repeat(Subject) },
            new("Two_concurrent_reversals_of_one_group_reverse_it_once", Concurrent, Feature, ReverseChecks.ConcurrentCallsReverseOnce) { Exclusive = true, Needs = GroupNeeds.Pick(Subject, GroupSite.Tested) },
            input.TooMany,
            input.Split,
            new("Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts", StateModel, Feature, ReverseModelProperty.StateModelPredictsEveryResult) { Exclusive = true, Needs = [.. GroupNeeds.Success(Subject), .. GroupNeeds.Generated(Subject)] },
            .. properties.Checks,
            .. new SessionContract(Subject).Checks,
            .. new CapabilityContract(Subject).Checks,

            // The fault-contract checks run after every ordinary check: besides the faults they provoke, they judge every fault the operation raised in the run.
            faults.Envelope,
            faults.Declared,
            faults.WellFormed,
            .. faults.Transient,
        ];
    }
}
