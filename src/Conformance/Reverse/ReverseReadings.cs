using Conformance.Checks;

namespace Conformance.Reverse;

/// <summary>
/// The points of ReverseReplicateGroup_Task the sources leave unconfirmed, each with every reading the checks accept,
/// written down once. The rule for <see cref="GroupError"/> is <see cref="ReverseAnswer"/>; the other points are
/// judged where their check is, by the readings listed here.
/// </summary>
internal static class ReverseReadings
{
    /// <summary><see cref="GroupError"/>: the refused group gets a GroupErrorResult in a successful task.</summary>
    public const string GroupErrorResult = "groupErrorResult";

    /// <summary><see cref="GroupError"/>: the task ends in error.</summary>
    public const string TaskError = "taskError";

    /// <summary><see cref="GroupError"/>: the call answers HTTP 500.</summary>
    public const string WholeCallFault = "wholeCallFault";

    /// <summary>Where a per-group error surfaces.</summary>
    public static readonly UnconfirmedPoint GroupError = new(
        "U-GROUP-ERROR",
        "Where does a per-group error of the call surface: a group not FAILEDOVER, a group the provider does not know, a group listed twice? A call whose groups are all FAILEDOVER (and distinct) must reverse them all, whatever the reading.",
        "reference §6.4 (routes 1 to 3; which one vCenter takes is unconfirmed), §6.3, §5.4",
        [
            new(GroupErrorResult, "The task succeeds and each refused group gets a GroupErrorResult holding at least one fault (InvalidReplicationState is the one the reference names for a wrong state, DuplicateEntry for a repeat); the other groups of the call are processed as if alone."),
            new(TaskError, "The task ends in state error and SmsTaskInfo.error is a fault that fits a refused group of the call: an SmsReplicationFault (e.g. InvalidReplicationState) for a group in the wrong state, InvalidArgument or an SmsReplicationFault for an unknown group, InvalidArgument for a repeat. The call is refused as a whole: the model predicts that no group of it changes state and there are no per-group results; a call with no group that may be refused must not be refused so."),
            new(WholeCallFault, "The call answers HTTP 500 with such a fault (the same rule as taskError) and starts no task; as with taskError, no group of the call changes state and there are no per-group results."),
        ])
    {
        MetIn = [ReverseCatalogue.OnlyFailedOver, ReverseCatalogue.ReplicationFault, ReverseCatalogue.Concurrent, ReverseCatalogue.SplitAfterTooMany, ReverseCatalogue.Duplicates, ReverseCatalogue.Idempotent, ReverseCatalogue.StateModel],
        Simulator = "simulator.perGroupErrors = \"groupErrorResult\" (default), \"taskError\" or \"wholeCallFault\"",
    };

    /// <summary>What reversing a group already reversed gives.</summary>
    public static readonly UnconfirmedPoint Repeat = new(
        "U-REPEAT",
        "What does asking to reverse a group that was already reversed give: by its old or its new id, later or from a concurrent call?",
        "reference §8 (idempotency, inferred), §6.3 (AlreadyDone is always a warning), §5.4",
        [
            new("alreadyDone", "A ReverseReplicationSuccessResult naming the same new group, with an AlreadyDone warning."),
            new("refused", "A refusal by any reading of U-GROUP-ERROR (e.g. InvalidReplicationState, the group being SOURCE now; NotFound or InvalidArgument for an old id that no longer names a group). Never a second new group."),
        ])
    {
        MetIn = [ReverseCatalogue.Idempotent, ReverseCatalogue.Concurrent],
        Simulator = "simulator.repeats = \"alreadyDone\" (default) or \"refused\"",
    };

    /// <summary>The type of the returned task MoRef.</summary>
    public static readonly UnconfirmedPoint TaskType = new(
        "U-TASK-TYPE",
        "Which type does the task MoRef a successful call returns carry?",
        "reference §3.1",
        [
            new("SmsTask", "SmsTask, as the SMS reference names the managed object."),
            new("Task", "Task, as the JSON pages render the return type (MoRefTask)."),
        ])
    {
        MetIn = [ReverseCatalogue.TaskMoRef],
    };

    /// <summary>Whether the anyType task result is boxed.</summary>
    public static readonly UnconfirmedPoint ResultBoxing = new(
        "U-RESULT-BOX",
        "Is the task result (an anyType value in SmsTaskInfo.result and QuerySmsTaskResult) boxed?",
        "reference §1.3, §4.3",
        [
            new("boxed", "ArrayOfGroupOperationResult with the items in _value, the convention for anyType values."),
            new("bare", "A bare JSON array of GroupOperationResult."),
        ])
    {
        MetIn = [ReverseCatalogue.TaskResultType, ReverseCatalogue.OneResultPerGroup, ReverseCatalogue.TaskResultQuery],
        Simulator = "SimulatedProviderOptions.BareTaskResults (the suite's own tests)",
    };

    /// <summary>What QuerySmsTaskResult returns next to SmsTaskInfo.result.</summary>
    public static readonly UnconfirmedPoint ResultQuery = new(
        "U-RESULT-QUERY",
        "Does QuerySmsTaskResult return SmsTaskInfo.result exactly, or the same results in another shape?",
        "reference §4.1, §4.3",
        [
            new("sameValue", "Exactly the value of SmsTaskInfo.result."),
            new("sameItems", "The same results in another order or boxed the other way (see U-RESULT-BOX)."),
        ])
    {
        MetIn = [ReverseCatalogue.TaskResultQuery],
    };

    /// <summary>The fault that refuses a malformed groupId.</summary>
    public static readonly UnconfirmedPoint MalformedFault = new(
        "U-MALFORMED-FAULT",
        "Which fault refuses a malformed groupId (the wrong JSON type, an entry without an id, a wrong _typeName)?",
        "reference §1.2, §1.3",
        [
            new("InvalidArgument", "InvalidArgument, from the provider or the deserializer (invalidProperty, when present, names groupId or a property the body sent)."),
            new("InvalidRequest", "InvalidRequest from vCenter's deserializer, before the provider sees the body."),
        ])
    {
        MetIn = [ReverseCatalogue.MalformedArgument, ReverseCatalogue.WellFormedFaults],
        Simulator = "simulator.requestShapeFault = \"InvalidRequest\" (default) or \"InvalidArgument\"",
    };

    /// <summary>What a call without a session gets.</summary>
    public static readonly UnconfirmedPoint NoSession = new(
        "U-NO-SESSION",
        "What does a call without vmware-api-session-id get?",
        "reference §1.5, §1.6, §9.1",
        [
            new("noPermissionFault", "HTTP 500 with NotAuthenticated (the expected answer) or another NoPermission fault."),
            new("httpStatus", "HTTP 401 or 403 from the REST front."),
        ])
    {
        MetIn = [ReverseCatalogue.Session],
    };

    /// <summary>Every point, in documentation order.</summary>
    public static readonly IReadOnlyList<UnconfirmedPoint> Points = [GroupError, Repeat, TaskType, ResultBoxing, ResultQuery, MalformedFault, NoSession];
}
