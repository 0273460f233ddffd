using Conformance.Checks;

namespace Conformance.Reverse;

/// <summary>
/// The clauses of ReverseReplicateGroup_Task and the checks that enforce them: the one source of truth from which
/// the NUnit cases and the report are derived. Sources: the seed (the operation's JSON API page) and the protocol
/// reference (shared/reference/sms-json-api.md).
/// </summary>
internal static class ReverseCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "ReverseReplicateGroup_Task";

    /// <summary>groupId null or empty gives InvalidArgument.</summary>
    public static readonly Clause InvalidArgument = new("RRG-ARG-1", ClauseLevel.Must, "InvalidArgument: if groupId is null or empty. The fault is HTTP 500 with a MethodFault body whose _typeName is InvalidArgument, and no group changes state.", "seed: 500 responses; reference §1.5, §3.2");

    /// <summary>200 with a task MoRef.</summary>
    public static readonly Clause TaskMoRef = new("RRG-TASK-1", ClauseLevel.Must, "200 OK returns a MoRef to the task: {\"_typeName\":\"ManagedObjectReference\",\"type\":<SmsTask or Task>,\"value\":<non-empty>}.", "seed: 200 response; reference §3.1");

    /// <summary>The task reaches success.</summary>
    public static readonly Clause TaskSuccess = new("RRG-TASK-2", ClauseLevel.Must, "The SmsTask of a call whose groups are all FAILEDOVER reaches the terminal state success within the profile's task timeout.", "reference §4.2, §4.3");

    /// <summary>One result per group.</summary>
    public static readonly Clause OneResultPerGroup = new("RRG-RES-1", ClauseLevel.Must, "The task result (GroupOperationResult[]) holds exactly one result per requested group, matched by groupId, in any order.", "reference §3.3, §4.3, §8 (cardinality inferred; order unconfirmed)");

    /// <summary>newGroupId in the same fault domain.</summary>
    public static readonly Clause NewGroupId = new("RRG-REV-1", ClauseLevel.Must, "A FAILEDOVER group gets a ReverseReplicationSuccessResult whose required newGroupId names the new source group; its fault domain id stays the same.", "reference §3.3 (ReverseReplicateGroup_Task), §4.4");

    /// <summary>Reversed groups become sources.</summary>
    public static readonly Clause BecomesSource = new("RRG-REV-2", ClauseLevel.Must, "Initiate replication in the reverse way, making the currently FAILEDOVER devices as sources: afterwards QueryReplicationGroup shows the new group as SOURCE.", "seed: description; reference §5.4");

    /// <summary>Only FAILEDOVER groups are reversed.</summary>
    public static readonly Clause OnlyFailedOver = new("RRG-STATE-1", ClauseLevel.Must, "groupId: replication groups (currently in FAILEDOVER state). A group in another state is not reversed (a per-group error, a whole-call SmsReplicationFault, or a task error) and its state does not change.", "seed: groupId; reference §5.4, §6.4");

    /// <summary>TooMany for an oversized batch.</summary>
    public static readonly Clause TooMany = new("RRG-BATCH-1", ClauseLevel.Must, "TooMany: thrown if the provider is unable to handle the given set of replication groups in one call (a batch above its maxBatchSize). maxBatchSize, when present, is a positive integer.", "seed: 500 responses; reference §6.2, §8");

    /// <summary>The client re-splits after TooMany.</summary>
    public static readonly Clause SplitAfterTooMany = new("RRG-BATCH-2", ClauseLevel.Must, "The client calls again based on the maxBatchSize in the TooMany fault, or once per group when it is not specified; every group is then processed exactly once.", "seed: TooMany; reference §3.2");

    /// <summary>The state model holds for any batch.</summary>
    public static readonly Clause StateModel = new("RRG-MODEL-1", ClauseLevel.Must, "For any batch of groups, the FAILEDOVER ones end as SOURCE (new ids in the same fault domain), the others are unchanged, and the results match the requests one to one.", "seed; reference §5.4");

    /// <summary>Calls need a session.</summary>
    public static readonly Clause Session = new("SMS-SESSION-1", ClauseLevel.Must, "SMS calls carry the vmware-api-session-id of a logged-in session; a call without one is refused (NotAuthenticated as HTTP 500 is expected; the exact answer is unconfirmed).", "reference §1.5, §1.6, §9.1");

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [InvalidArgument, TaskMoRef, TaskSuccess, OneResultPerGroup, NewGroupId, BecomesSource, OnlyFailedOver, TooMany, SplitAfterTooMany, StateModel, Session];

    /// <summary>Every check, each naming its clause.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("Empty_groupId_is_rejected_with_InvalidArgument", InvalidArgument, Feature, s => ReverseChecks.InvalidGroupIdIsRejected(s, "{\"groupId\":[]}")),
        new("Absent_groupId_is_rejected_with_InvalidArgument", InvalidArgument, Feature, s => ReverseChecks.InvalidGroupIdIsRejected(s, "{}")),
        new("Null_groupId_is_rejected_with_InvalidArgument", InvalidArgument, Feature, s => ReverseChecks.InvalidGroupIdIsRejected(s, "{\"groupId\":null}")),
        new("A_successful_call_answers_200_with_a_task_MoRef", TaskMoRef, Feature, ReverseChecks.CallAnswersWithTaskMoRef),
        new("The_task_reaches_success", TaskSuccess, Feature, ReverseChecks.TaskReachesSuccess),
        new("Each_requested_group_gets_exactly_one_result", OneResultPerGroup, Feature, ReverseChecks.OneResultPerGroup),
        new("A_reversed_group_gets_a_newGroupId_in_its_fault_domain", NewGroupId, Feature, ReverseChecks.NewGroupIdInSameFaultDomain),
        new("A_reversed_group_reads_as_SOURCE_afterwards", BecomesSource, Feature, ReverseChecks.ReversedGroupReadsAsSource),
        new("A_group_not_in_FAILEDOVER_is_not_reversed", OnlyFailedOver, Feature, ReverseChecks.NonFailedOverGroupIsNotReversed),
        new("An_oversized_batch_is_rejected_with_TooMany", TooMany, Feature, ReverseChecks.OversizedBatchGetsTooMany),
        new("After_TooMany_a_split_batch_processes_every_group_exactly_once", SplitAfterTooMany, Feature, ReverseChecks.SplitBatchProcessesEachGroupOnce),
        new("Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts", StateModel, Feature, ReverseModelProperty.RunAsync),
        new("A_call_without_a_session_is_refused", Session, Feature, ReverseChecks.CallWithoutSessionIsRefused),
    ];
}
