using Conformance.Checks;
using Conformance.Operations;

namespace Conformance.Contracts;

/// <summary>
/// The unconfirmed points the shared contracts meet, as one operation documents them (its clauses in
/// <see cref="UnconfirmedPoint.MetIn"/>). The factories write each point's question and readings once, from the
/// operation's description; an operation lists the points in its catalogue, so docs/clauses.md shows them under it.
/// </summary>
/// <param name="GroupError">Where a per-group error surfaces (<see cref="GroupErrorPoint"/>).</param>
/// <param name="TaskType">The type of the returned task MoRef (<see cref="TaskTypePoint"/>).</param>
/// <param name="ResultBoxing">Whether the task result is boxed (<see cref="ResultBoxingPoint"/>).</param>
/// <param name="ResultQuery">What QuerySmsTaskResult returns next to SmsTaskInfo.result (<see cref="ResultQueryPoint"/>).</param>
/// <param name="MalformedFault">The fault that refuses a malformed argument (<see cref="MalformedFaultPoint"/>).</param>
/// <param name="NoSession">What a call without a session gets (<see cref="NoSessionPoint"/>).</param>
internal sealed record ContractReadings(UnconfirmedPoint GroupError, UnconfirmedPoint TaskType, UnconfirmedPoint ResultBoxing, UnconfirmedPoint ResultQuery, UnconfirmedPoint MalformedFault, UnconfirmedPoint NoSession)
{
    /// <summary>A reading of <see cref="GroupError"/>: the refused group gets a GroupErrorResult in a successful task.</summary>
    public const string GroupErrorResult = "groupErrorResult";

    /// <summary>A reading of <see cref="GroupError"/>: the task ends in error.</summary>
    public const string TaskError = "taskError";

    /// <summary>A reading of <see cref="GroupError"/>: the call answers HTTP 500.</summary>
    public const string WholeCallFault = "wholeCallFault";

    /// <summary>The task MoRef types accepted: the readings of <see cref="TaskTypePoint"/>.</summary>
    public static IReadOnlySet<string> TaskTypes { get; } = TaskTypePoint([]).Readings.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>U-GROUP-ERROR: where a per-group error of the operation surfaces.</summary>
    public static UnconfirmedPoint GroupErrorPoint(OperationDescription operation, IReadOnlyList<Clause> metIn, string? simulator = null) => new(
        "U-GROUP-ERROR",
        $"Where does a per-group error of the call surface: a group not {operation.Precondition}, a group the provider does not know, a group listed twice? A call whose groups are all {operation.Precondition} (and distinct) must {operation.Verb} them all, whatever the reading.",
        "reference §6.4 (routes 1 to 3; which one vCenter takes is unconfirmed), §6.3, §5.4",
        [
            new(GroupErrorResult, "The task succeeds and each refused group gets a GroupErrorResult holding at least one fault (InvalidReplicationState is the one the reference names for a wrong state, DuplicateEntry for a repeat); the other groups of the call are processed as if alone."),
            new(TaskError, "The task ends in state error and SmsTaskInfo.error is a fault that fits a refused group of the call: an SmsReplicationFault (e.g. InvalidReplicationState) for a group in the wrong state, InvalidArgument or an SmsReplicationFault for an unknown group, InvalidArgument for a repeat. The call is refused as a whole: the model predicts that no group of it changes state and there are no per-group results; a call with no group that may be refused must not be refused so."),
            new(WholeCallFault, "The call answers HTTP 500 with such a fault (the same rule as taskError) and starts no task; as with taskError, no group of the call changes state and there are no per-group results."),
        ])
    {
        MetIn = metIn,
        Simulator = simulator,
    };

    /// <summary>U-TASK-TYPE: the type of the task MoRef a successful call returns.</summary>
    public static UnconfirmedPoint TaskTypePoint(IReadOnlyList<Clause> metIn) => new(
        "U-TASK-TYPE",
        "Which type does the task MoRef a successful call returns carry?",
        "reference §3.1",
        [
            new("SmsTask", "SmsTask, as the SMS reference names the managed object."),
            new("Task", "Task, as the JSON pages render the return type (MoRefTask)."),
        ])
    {
        MetIn = metIn,
    };

    /// <summary>U-RESULT-BOX: whether the anyType task result is boxed.</summary>
    public static UnconfirmedPoint ResultBoxingPoint(IReadOnlyList<Clause> metIn, string? simulator = null) => new(
        "U-RESULT-BOX",
        "Is the task result (an anyType value in SmsTaskInfo.result and QuerySmsTaskResult) boxed?",
        "reference §1.3, §4.3",
        [
            new("boxed", "ArrayOfGroupOperationResult with the items in _value, the convention for anyType values."),
            new("bare", "A bare JSON array of GroupOperationResult."),
        ])
    {
        MetIn = metIn,
        Simulator = simulator,
    };

    /// <summary>U-RESULT-QUERY: what QuerySmsTaskResult returns next to SmsTaskInfo.result.</summary>
    public static UnconfirmedPoint ResultQueryPoint(IReadOnlyList<Clause> metIn) => new(
        "U-RESULT-QUERY",
        "Does QuerySmsTaskResult return SmsTaskInfo.result exactly, or the same results in another shape?",
        "reference §4.1, §4.3",
        [
            new("sameValue", "Exactly the value of SmsTaskInfo.result."),
            new("sameItems", "The same results in another order or boxed the other way (see U-RESULT-BOX)."),
        ])
    {
        MetIn = metIn,
    };

    /// <summary>U-MALFORMED-FAULT: the fault that refuses a malformed argument of the operation.</summary>
    public static UnconfirmedPoint MalformedFaultPoint(OperationDescription operation, IReadOnlyList<Clause> metIn, string? simulator = null) => new(
        "U-MALFORMED-FAULT",
        $"Which fault refuses a malformed {operation.Argument.GroupsField} (the wrong JSON type, an entry without an id, a wrong _typeName)?",
        "reference §1.2, §1.3",
        [
            new("InvalidArgument", $"InvalidArgument, from the provider or the deserializer (invalidProperty, when present, names {operation.Argument.GroupsField} or a property the body sent)."),
            new("InvalidRequest", "InvalidRequest from vCenter's deserializer, before the provider sees the body."),
        ])
    {
        MetIn = metIn,
        Simulator = simulator,
    };

    /// <summary>U-NO-SESSION: what a call without a session gets.</summary>
    public static UnconfirmedPoint NoSessionPoint(IReadOnlyList<Clause> metIn) => new(
        "U-NO-SESSION",
        "What does a call without vmware-api-session-id get?",
        "reference §1.5, §1.6, §9.1",
        [
            new("noPermissionFault", "HTTP 500 with NotAuthenticated (the expected answer) or another NoPermission fault."),
            new("httpStatus", "HTTP 401 or 403 from the REST front."),
        ])
    {
        MetIn = metIn,
    };
}
