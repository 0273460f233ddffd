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
}
