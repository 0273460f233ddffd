namespace Harness.Simulator;

/// <summary>
/// Deliberate contract breaks the simulated provider can be told to commit (profile <c>simulator.deviations</c>).
/// A faithful simulator has none. Each one breaks exactly one clause, so that every check can be shown to fail.
/// </summary>
public enum Deviation
{
    /// <summary>Empty or absent groupId gets NotFound instead of InvalidArgument.</summary>
    WrongFaultForEmptyGroupId,

    /// <summary>Empty or absent groupId is accepted and a task is started.</summary>
    AcceptEmptyGroupId,

    /// <summary>Faults are sent with HTTP 200 instead of 500.</summary>
    FaultWithHttp200,

    /// <summary>Faults are sent as a text/html page.</summary>
    FaultAsHtml,

    /// <summary>Faults are sent without <c>_typeName</c>.</summary>
    FaultWithoutTypeName,

    /// <summary>Groups that are not FAILEDOVER are reversed too.</summary>
    ReverseNonFailedOverGroups,

    /// <summary>The new source group is created in another fault domain.</summary>
    NewGroupInOtherFaultDomain,

    /// <summary>Success results carry no newGroupId.</summary>
    SuccessWithoutNewGroupId,

    /// <summary>The task reports success and the new group id, but the group keeps its FAILEDOVER state.</summary>
    NoStateChange,

    /// <summary>The last requested group gets no result.</summary>
    MissingResult,

    /// <summary>The first requested group gets two results.</summary>
    DuplicateResult,

    /// <summary>A result for a group that was not requested is added.</summary>
    ExtraResult,

    /// <summary>Tasks never reach a terminal state.</summary>
    TaskNeverCompletes,

    /// <summary>Tasks end in error (with a SmsReplicationFault).</summary>
    TaskEndsInError,

    /// <summary>The returned MoRef's type is not a task type.</summary>
    TaskMoRefNotATask,

    /// <summary>The returned MoRef's value is empty.</summary>
    EmptyTaskMoRefValue,

    /// <summary>Calls are served without a valid session.</summary>
    NoSessionCheck,

    /// <summary>Oversized batches are accepted without TooMany.</summary>
    IgnoreBatchLimit,

    /// <summary>Oversized batches are silently truncated to the limit (no TooMany, missing results).</summary>
    TruncateOversizedBatch,

    /// <summary>TooMany names a maxBatchSize larger than the limit really enforced.</summary>
    TooManyMaxBatchSizeAboveLimit,

    /// <summary>After success, the next poll shows the task running again.</summary>
    TaskGoesBackToRunning,

    /// <summary>Task progress goes down between two polls.</summary>
    ProgressDecreases,

    /// <summary>Task progress is reported outside 0..100 (150).</summary>
    ProgressOutOfRange,

    /// <summary>completionTime is earlier than startTime.</summary>
    CompletionBeforeStart,

    /// <summary>The task ends in error with no error fault set.</summary>
    TaskErrorWithoutFault,

    /// <summary>A successful task also carries an error fault.</summary>
    ErrorSetOnSuccess,

    /// <summary>The task result is boxed as ArrayOfString instead of ArrayOfGroupOperationResult.</summary>
    TaskResultWrongType,

    /// <summary>The task result holds a FailoverSuccessResult, a subtype Reverse never returns.</summary>
    TaskResultDisallowedSubtype,

    /// <summary>QuerySmsTaskResult returns a result that differs from SmsTaskInfo.result (one entry dropped).</summary>
    QuerySmsTaskResultDisagrees,

    /// <summary>A GroupErrorResult carries an empty error list.</summary>
    EmptyErrorList,

    /// <summary>Reversing an already reversed group gives a GroupErrorResult whose error list holds AlreadyDone (AlreadyDone must only be a warning).</summary>
    AlreadyDoneAsError,

    /// <summary>A group listed twice in one call is reversed twice (two successes, two new groups).</summary>
    DuplicateEntryReversedTwice,

    /// <summary>Reversing a group that was already reversed reverses it again and creates a second new group.</summary>
    ReverseAgainOnRepeat,

    /// <summary>Two concurrent Reverse calls on the same FAILEDOVER group both reverse it.</summary>
    ConcurrentDoubleReverse,

    /// <summary>An empty groupId gets NotFound as a whole-call fault, which ReverseReplicateGroup_Task does not declare.</summary>
    UndeclaredWholeCallFault,

    /// <summary>InvalidArgument.invalidProperty names "pitName" instead of groupId.</summary>
    InvalidPropertyWrong,

    /// <summary>faultMessage entries have no key.</summary>
    MalformedFaultMessage,

    /// <summary>faultCause is an object without _typeName.</summary>
    FaultCauseNotAFault,

    /// <summary>TooMany.maxBatchSize is 0 (it must be absent or positive) while the real limit stays.</summary>
    TooManyNonPositiveMaxBatchSize,

    /// <summary>InactiveProvider.mapping holds a MoRef with an empty value.</summary>
    InactiveProviderBadMapping,

    /// <summary>A body whose groupId has the wrong JSON type (a string, a number, an object) is accepted and a task started.</summary>
    MalformedBodyAccepted,

    /// <summary>A malformed body (groupId of the wrong type, an entry without faultDomainId) gets an HTML error page with HTTP 500.</summary>
    MalformedBodyHtmlError,

    /// <summary>QueryProviderInfo does not list Replication in supportedProviderProfile.</summary>
    NoReplicationProfile,
}
