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

    /// <summary>After the first poll that shows success, the next poll shows the task running again (then success again).</summary>
    TaskGoesBackToRunning,

    /// <summary>Task progress goes down between two polls: the first running poll reports 60, the next poll (running or terminal) 30.</summary>
    ProgressDecreases,

    /// <summary>Task progress is reported outside 0..100: every running poll reports 150.</summary>
    ProgressOutOfRange,

    /// <summary>completionTime is earlier than startTime (by 60 s).</summary>
    CompletionBeforeStart,

    /// <summary>The task ends in error with no error fault set (and no reversal happens).</summary>
    TaskErrorWithoutFault,

    /// <summary>A successful task also carries an error fault (SmsReplicationFault).</summary>
    ErrorSetOnSuccess,

    /// <summary>The task result is boxed as ArrayOfString (<c>["x"]</c>) instead of ArrayOfGroupOperationResult, in SmsTaskInfo.result and QuerySmsTaskResult.</summary>
    TaskResultWrongType,

    /// <summary>The first task result is replaced by a FailoverSuccessResult (same groupId, newState SOURCE), a subtype Reverse never returns.</summary>
    TaskResultDisallowedSubtype,

    /// <summary>QuerySmsTaskResult returns a result that differs from SmsTaskInfo.result (one entry dropped; for a void task, an empty array).</summary>
    QuerySmsTaskResultDisagrees,

    /// <summary>Every GroupErrorResult carries an empty error list.</summary>
    EmptyErrorList,

    /// <summary>Reversing an already reversed group (or repeating a lifecycle operation on a group it already moved) gives AlreadyDone as an error: in a GroupErrorResult, or as the task's error for a void task (AlreadyDone must only be a warning).</summary>
    AlreadyDoneAsError,

    /// <summary>A group listed twice in one call is reversed twice (two successes, two new groups).</summary>
    DuplicateEntryReversedTwice,

    /// <summary>Reversing a group that was already reversed reverses it again and creates a second new group.</summary>
    ReverseAgainOnRepeat,

    /// <summary>Two concurrent Reverse calls on the same FAILEDOVER group both reverse it (two successes, two new groups).</summary>
    ConcurrentDoubleReverse,

    /// <summary>A Reverse call naming a group the provider does not know gets NotFound as a whole-call fault (HTTP 500), which ReverseReplicateGroup_Task does not declare, instead of a per-group GroupErrorResult.</summary>
    UndeclaredWholeCallFault,

    /// <summary>InvalidArgument.invalidProperty names "pitName" instead of groupId (on every InvalidArgument).</summary>
    InvalidPropertyWrong,

    /// <summary>faultMessage entries have no key.</summary>
    MalformedFaultMessage,

    /// <summary>Every fault carries faultCause <c>{"message":"x"}</c>, an object without _typeName.</summary>
    FaultCauseNotAFault,

    /// <summary>InactiveProvider.mapping holds an activeProvider MoRef with an empty value.</summary>
    InactiveProviderBadMapping,

    /// <summary>A malformed body (groupId of the wrong JSON type, a bad entry) is accepted as if groupId were empty: a task is started that has no results and changes nothing.</summary>
    MalformedBodyAccepted,

    /// <summary>A malformed body (groupId of the wrong type, a bad entry) gets an HTML error page with HTTP 500.</summary>
    MalformedBodyHtmlError,

    /// <summary>QueryProviderInfo does not list Replication in supportedProviderProfile.</summary>
    NoReplicationProfile,

    /// <summary>SmsTaskInfo is sent without its required key.</summary>
    TaskInfoWithoutKey,

    /// <summary>QueryReplicationGroup reports a REMOTE_FAILEDOVER group's state as "REMOTE_FAILED_OVER", which is not a ReplicationReplicationState value.</summary>
    ReplicationStateOutsideEnum,

    /// <summary>The first task result (in SmsTaskInfo.result and QuerySmsTaskResult) has no groupId, which GroupOperationResult requires.</summary>
    ResultWithoutGroupId,

    /// <summary>TooMany.maxBatchSize is sent as a JSON string ("8") instead of a long.</summary>
    MaxBatchSizeAsString,

    /// <summary>InvalidArgument is sent with _typeName "VasaInvalidArgumentFault", a fault type VMware's definitions do not have.</summary>
    UnknownFaultTypeName,

    /// <summary>Every groupId in a QueryReplicationGroup answer carries a "key" property, which ReplicationGroupId does not have (the suite's own leak, found by the oracle).</summary>
    GroupIdCarriesKey,

    /// <summary>QueryReplicationGroup without ids returns only the second half of the provider's groups.</summary>
    QueryAllReturnsHalf,

    /// <summary>QueryReplicationGroup with ids drops the result of the last id.</summary>
    QueryDropsLastResult,

    /// <summary>QueryReplicationGroup gives an unknown id a GroupErrorResult holding QueryExecutionFault instead of NotFound.</summary>
    QueryUnknownGroupNotNotFound,

    /// <summary>QueryReplicationGroup describes a repeated id twice instead of flagging the repeat with DuplicateEntry.</summary>
    QueryDuplicateNotFlagged,

    /// <summary>In a two-site world, a target group's sourceInfo names a source group that does not exist (its id with "-elsewhere").</summary>
    PeerInfoNotPointingBack,

    /// <summary>QueryReplicationPeer without ids returns only the second half of the provider's fault domains.</summary>
    PeerQueryReturnsHalf,

    /// <summary>QueryReplicationPeer with ids drops the result of the last id.</summary>
    PeerQueryDropsLastResult,

    /// <summary>QueryReplicationPeer gives an unknown fault domain a result with neither targetDomain nor error.</summary>
    PeerUnknownDomainWithoutError,

    /// <summary>QueryReplicationPeer repeats a fault domain's targets instead of flagging the repeat with DuplicateEntry.</summary>
    PeerDuplicateNotFlagged,

    /// <summary>Every QueryReplicationPeer result that has targetDomain also carries an error (QueryExecutionFault).</summary>
    PeerErrorAndTargetBothSet,

    /// <summary>QueryReplicationPeer names "fd-elsewhere" as every fault domain's target domain.</summary>
    PeerTargetDomainWrong,

    /// <summary>QueryPointInTimeReplica with an empty groupId answers an empty list instead of InvalidArgument.</summary>
    PitEmptyGroupIdAccepted,

    /// <summary>QueryPointInTimeReplica accepts fromDate, toDate and number all set (it ignores number).</summary>
    PitAllThreeAccepted,

    /// <summary>QueryPointInTimeReplica drops the result of the last group.</summary>
    PitDropsLastResult,

    /// <summary>QueryPointInTimeReplica answers the summary even when preferDetails is true.</summary>
    PitPreferDetailsIgnored,

    /// <summary>QueryPointInTimeReplica ignores replicaTimeQueryParam.number.</summary>
    PitNumberIgnored,

    /// <summary>QueryPointInTimeReplica ignores replicaTimeQueryParam.fromDate and toDate.</summary>
    PitRangeIgnored,

    /// <summary>The first active alarm of every provider is Green.</summary>
    GreenAlarm,

    /// <summary>QueryActiveAlarm's last page carries the pageMarker of the first page again, so the paging never ends.</summary>
    PageMarkerNeverEnds,

    /// <summary>QueryActiveAlarm ignores alarmFilter.alarmStatus.</summary>
    AlarmStatusFilterIgnored,

    /// <summary>A VasaProviderSync_Task while another runs gets SmsReplicationFault instead of SyncInProgress.</summary>
    ConcurrentSyncAsReplicationFault,

    /// <summary>QueryProviderInfo answers a plain SmsProviderInfo instead of a VasaProviderInfo.</summary>
    ProviderInfoNotVasaProviderInfo,

    /// <summary>QueryProviderInfo reports maxBatchSize -1.</summary>
    NegativeMaxBatchSize,

    /// <summary>QueryFaultDomain leaves out the last fault domain.</summary>
    FaultDomainMissing,

    /// <summary>QueryReplicationGroupInfo answers NotFound for the first group asked, although its provider holds it.</summary>
    GroupInfoNotFound,

    // The replication lifecycle: one break per clause of each state-changing task, named {Operation}{Break}.

    /// <summary>Sync: a null or empty groupId is accepted and a task is started (with no results), instead of InvalidArgument (SYNC-ARG-1).</summary>
    SyncAcceptsEmpty,

    /// <summary>Sync: a SOURCE group (SYNC-SITE-1) is treated as if it were TARGET: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    SyncAcceptsWrongSite,

    /// <summary>Sync: a group in a state other than TARGET (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    SyncAcceptsWrongState,

    /// <summary>Sync: a group in a state other than TARGET gets NotFound instead of InvalidReplicationState.</summary>
    SyncWrongStateFault,

    /// <summary>Sync: success is reported, but the group ends INTEST instead of TARGET.</summary>
    SyncWrongPostState,

    /// <summary>Sync, in a two-site world: the twin at the other site ends FAILEDOVER, a state no reading allows.</summary>
    SyncWrongPeerState,

    /// <summary>Sync's tasks never leave running (the other operations' tasks end).</summary>
    SyncTaskNeverEnds,

    /// <summary>Sync: the first result names a group that was not requested (its deviceGroupId with "-other"), so the requested group has no result.</summary>
    SyncResultForWrongGroup,

    /// <summary>Sync: the point-in-time replica a Sync reports is not listed by QueryPointInTimeReplica for its group (QPIT-SYNC-1).</summary>
    SyncPitNotListed,

    /// <summary>Sync: a second Sync of a group another Sync is still synchronising ends, for that group, in a GroupErrorResult holding SmsReplicationFault, neither SyncOngoing nor success (SYNC-CONC-1).</summary>
    SyncConcurrentSecondFails,

    /// <summary>PrepareFailover: a null or empty groupId is accepted and a task is started (with no results), instead of InvalidArgument (PFO-ARG-1).</summary>
    PrepareFailoverAcceptsEmpty,

    /// <summary>PrepareFailover: a TARGET group (PFO-SITE-1) is treated as if it were SOURCE: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    PrepareFailoverAcceptsWrongSite,

    /// <summary>PrepareFailover: a group in a state other than SOURCE (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    PrepareFailoverAcceptsWrongState,

    /// <summary>PrepareFailover: a group in a state other than SOURCE gets NotFound instead of InvalidReplicationState.</summary>
    PrepareFailoverWrongStateFault,

    /// <summary>PrepareFailover: success is reported, but the group ends TARGET instead of SOURCE.</summary>
    PrepareFailoverWrongPostState,

    /// <summary>PrepareFailover, in a two-site world: the twin at the other site ends FAILEDOVER, a state no reading allows.</summary>
    PrepareFailoverWrongPeerState,

    /// <summary>PrepareFailover's tasks never leave running (the other operations' tasks end).</summary>
    PrepareFailoverTaskNeverEnds,

    /// <summary>PrepareFailover: the first result names a group that was not requested (its deviceGroupId with "-other"), so the requested group has no result.</summary>
    PrepareFailoverResultForWrongGroup,

    /// <summary>Failover: a failoverParam with no replicationGroupsToFailover is accepted and a task is started (with no results), instead of InvalidArgument (FO-ARG-1).</summary>
    FailoverAcceptsEmpty,

    /// <summary>Failover: a SOURCE group (FO-SITE-1) is treated as if it were TARGET: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    FailoverAcceptsWrongSite,

    /// <summary>Failover: a group in a state other than TARGET (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    FailoverAcceptsWrongState,

    /// <summary>Failover: a group in a state other than TARGET gets NotFound instead of InvalidReplicationState.</summary>
    FailoverWrongStateFault,

    /// <summary>Failover: success is reported, but the group ends INTEST instead of FAILEDOVER.</summary>
    FailoverWrongPostState,

    /// <summary>Failover, in a two-site world: the twin at the other site ends INTEST, a state no reading allows.</summary>
    FailoverWrongPeerState,

    /// <summary>Failover's tasks never leave running (the other operations' tasks end).</summary>
    FailoverTaskNeverEnds,

    /// <summary>Failover: the first result names a group that was not requested (its deviceGroupId with "-other"), so the requested group has no result.</summary>
    FailoverResultForWrongGroup,

    /// <summary>Failover: a checkOnly failover fails the groups over (FO-CHK-1), though it still answers plain results.</summary>
    FailoverCheckOnlyChanges,

    /// <summary>Failover, in a two-site world: an unplanned failover (isPlanned=false) turns the twin at the other site into TARGET, which an unplanned failover must not touch (T11).</summary>
    FailoverUnplannedTouchesPeer,

    /// <summary>TestFailoverStart: a testFailoverParam with no replicationGroupsToFailover is accepted and a task is started (with no results), instead of InvalidArgument (TFS-ARG-1).</summary>
    TestFailoverStartAcceptsEmpty,

    /// <summary>TestFailoverStart: a SOURCE group (TFS-SITE-1) is treated as if it were TARGET: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    TestFailoverStartAcceptsWrongSite,

    /// <summary>TestFailoverStart: a group in a state other than TARGET (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    TestFailoverStartAcceptsWrongState,

    /// <summary>TestFailoverStart: a group in a state other than TARGET gets NotFound instead of InvalidReplicationState.</summary>
    TestFailoverStartWrongStateFault,

    /// <summary>TestFailoverStart: success is reported, but the group ends FAILEDOVER instead of INTEST.</summary>
    TestFailoverStartWrongPostState,

    /// <summary>TestFailoverStart, in a two-site world: the twin at the other site ends FAILEDOVER, a state no reading allows.</summary>
    TestFailoverStartWrongPeerState,

    /// <summary>TestFailoverStart's tasks never leave running (the other operations' tasks end).</summary>
    TestFailoverStartTaskNeverEnds,

    /// <summary>TestFailoverStart: the finished task holds a boxed ArrayOfGroupOperationResult (a plain entry per group), although the operation's result is void.</summary>
    TestFailoverStartReturnsResult,

    /// <summary>TestFailoverStart: a checkOnly test failover puts the groups INTEST (TFS-CHK-1).</summary>
    TestFailoverStartCheckOnlyChanges,

    /// <summary>TestFailoverStop: a null or empty groupId is accepted and a task is started (with no results), instead of InvalidArgument (TFX-ARG-1).</summary>
    TestFailoverStopAcceptsEmpty,

    /// <summary>TestFailoverStop: a SOURCE group is treated as if it were INTEST: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    TestFailoverStopAcceptsWrongSite,

    /// <summary>TestFailoverStop: a group in a state other than INTEST (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    TestFailoverStopAcceptsWrongState,

    /// <summary>TestFailoverStop: a group in a state other than INTEST gets NotFound instead of InvalidReplicationState.</summary>
    TestFailoverStopWrongStateFault,

    /// <summary>TestFailoverStop: success is reported, but the group stays INTEST instead of becoming TARGET.</summary>
    TestFailoverStopWrongPostState,

    /// <summary>TestFailoverStop, in a two-site world: the twin at the other site ends FAILEDOVER, a state no reading allows.</summary>
    TestFailoverStopWrongPeerState,

    /// <summary>TestFailoverStop's tasks never leave running (the other operations' tasks end).</summary>
    TestFailoverStopTaskNeverEnds,

    /// <summary>TestFailoverStop: the finished task holds a boxed ArrayOfGroupOperationResult (a plain entry per group), although the operation's result is void.</summary>
    TestFailoverStopReturnsResult,

    /// <summary>Promote: a promoteParam with no replicationGroupsToPromote is accepted and a task is started (with no results), instead of InvalidArgument (PRO-ARG-1).</summary>
    PromoteAcceptsEmpty,

    /// <summary>Promote: a SOURCE group is treated as if it were INTEST: it transitions and succeeds, instead of InvalidFunctionTarget.</summary>
    PromoteAcceptsWrongSite,

    /// <summary>Promote: a group in a state other than INTEST (not the wrong site) transitions and succeeds, instead of InvalidReplicationState.</summary>
    PromoteAcceptsWrongState,

    /// <summary>Promote: a group in a state other than INTEST gets NotFound instead of InvalidReplicationState.</summary>
    PromoteWrongStateFault,

    /// <summary>Promote: success is reported, but the group stays INTEST instead of becoming FAILEDOVER.</summary>
    PromoteWrongPostState,

    /// <summary>Promote, in a two-site world: the twin at the other site ends FAILEDOVER, a state no reading allows.</summary>
    PromoteWrongPeerState,

    /// <summary>Promote's tasks never leave running (the other operations' tasks end).</summary>
    PromoteTaskNeverEnds,

    /// <summary>Promote: the first result names a group that was not requested (its deviceGroupId with "-other"), so the requested group has no result.</summary>
    PromoteResultForWrongGroup,

    /// <summary>Promote: with isPromoteCapable false (simulator.lifecycle.promoteCapable), a promote succeeds and the group becomes FAILEDOVER, instead of a fault and no change (PRO-CAP-1).</summary>
    PromoteIgnoresCapability,

    /// <summary>TestFailoverStop with force = false fails the group over (FAILEDOVER) instead of stopping the test or leaving it INTEST (TFX-NOFORCE-1).</summary>
    TestFailoverStopWithoutForceFailsOver,

    /// <summary>Reverse, in a two-site world: the old source at the other site stays SOURCE and its info keeps pointing at the old group id, instead of becoming the TARGET of the new source group (REV-PEER-1).</summary>
    ReversePeerNotUpdated,
}
