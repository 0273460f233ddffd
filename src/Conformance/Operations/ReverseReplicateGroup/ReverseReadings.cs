using Conformance.Checks;
using Conformance.Contracts;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// The points of ReverseReplicateGroup_Task the sources leave unconfirmed, each with every reading the checks accept,
/// written down once. The shared contracts' points are written by <see cref="ContractReadings"/> (the rule for
/// <see cref="GroupError"/> is <see cref="OperationAnswer"/>); <see cref="Repeat"/> is Reverse's own.
/// </summary>
internal static class ReverseReadings
{
    /// <summary><see cref="GroupError"/>: the refused group gets a GroupErrorResult in a successful task.</summary>
    public const string GroupErrorResult = ContractReadings.GroupErrorResult;

    /// <summary><see cref="GroupError"/>: the task ends in error.</summary>
    public const string TaskError = ContractReadings.TaskError;

    /// <summary><see cref="GroupError"/>: the call answers HTTP 500.</summary>
    public const string WholeCallFault = ContractReadings.WholeCallFault;

    /// <summary>Where a per-group error surfaces.</summary>
    public static readonly UnconfirmedPoint GroupError = ContractReadings.GroupErrorPoint(
        VasaProviderOperations.Reverse,
        [ReverseCatalogue.OnlyFailedOver, ReverseCatalogue.ReplicationFault, ReverseCatalogue.Concurrent, ReverseCatalogue.SplitAfterTooMany, ReverseCatalogue.Duplicates, ReverseCatalogue.Idempotent, ReverseCatalogue.StateModel],
        "simulator.perGroupErrors = \"groupErrorResult\" (default), \"taskError\" or \"wholeCallFault\"");

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
    public static readonly UnconfirmedPoint TaskType = ContractReadings.TaskTypePoint([ReverseCatalogue.TaskMoRef]);

    /// <summary>Whether the anyType task result is boxed.</summary>
    public static readonly UnconfirmedPoint ResultBoxing = ContractReadings.ResultBoxingPoint(
        [ReverseCatalogue.TaskResultType, ReverseCatalogue.OneResultPerGroup, ReverseCatalogue.TaskResultQuery],
        "SimulatedProviderOptions.BareTaskResults (the suite's own tests)");

    /// <summary>What QuerySmsTaskResult returns next to SmsTaskInfo.result.</summary>
    public static readonly UnconfirmedPoint ResultQuery = ContractReadings.ResultQueryPoint([ReverseCatalogue.TaskResultQuery]);

    /// <summary>The fault that refuses a malformed groupId.</summary>
    public static readonly UnconfirmedPoint MalformedFault = ContractReadings.MalformedFaultPoint(
        VasaProviderOperations.Reverse,
        [ReverseCatalogue.MalformedArgument, ReverseCatalogue.WellFormedFaults],
        "simulator.requestShapeFault = \"InvalidRequest\" (default) or \"InvalidArgument\"");

    /// <summary>What a call without a session gets.</summary>
    public static readonly UnconfirmedPoint NoSession = ContractReadings.NoSessionPoint([ReverseCatalogue.Session]);

    /// <summary>Every point, in documentation order.</summary>
    public static readonly IReadOnlyList<UnconfirmedPoint> Points = [GroupError, Repeat, TaskType, ResultBoxing, ResultQuery, MalformedFault, NoSession];

    /// <summary>The points the shared contracts meet, as Reverse documents them.</summary>
    public static readonly ContractReadings Contract = new(GroupError, TaskType, ResultBoxing, ResultQuery, MalformedFault, NoSession);
}
