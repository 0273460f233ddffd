using Conformance.Checks;
using Conformance.Operations;

namespace Conformance.Contracts;

/// <summary>
/// The clauses one operation's shared contracts judge it by, one per slot. Each operation writes its own (ids stay per
/// operation: Reverse's are RRG-…); <see cref="For"/> writes the standard set for a new operation from its description,
/// to be reworded where the operation's own page says more.
/// </summary>
internal sealed record ContractClauses
{
    /// <summary>A null or empty group list is refused with InvalidArgument (input contract).</summary>
    public required Clause InvalidArgument { get; init; }

    /// <summary>A malformed argument is refused (input contract).</summary>
    public required Clause MalformedArgument { get; init; }

    /// <summary>A batch above the limit gets TooMany (input contract).</summary>
    public required Clause TooMany { get; init; }

    /// <summary>After TooMany, the re-split batch processes every group once (input contract).</summary>
    public required Clause SplitAfterTooMany { get; init; }

    /// <summary>NotImplemented only where the profile declares the operation unimplemented (fault contract).</summary>
    public required Clause NotImplemented { get; init; }

    /// <summary>ProviderUnavailable, when raised, is well-formed (fault contract).</summary>
    public required Clause Unavailable { get; init; }

    /// <summary>ProviderOutOfResource, when raised, is well-formed (fault contract).</summary>
    public required Clause OutOfResource { get; init; }

    /// <summary>InactiveProvider, when raised, is well-formed (fault contract).</summary>
    public required Clause Inactive { get; init; }

    /// <summary>ProviderBusy, when raised, is well-formed (fault contract).</summary>
    public required Clause Busy { get; init; }

    /// <summary>Every fault is HTTP 500 with a MethodFault body (fault contract).</summary>
    public required Clause FaultEnvelope { get; init; }

    /// <summary>Only declared faults are raised (fault contract).</summary>
    public required Clause DeclaredFaults { get; init; }

    /// <summary>Fault fields are well-formed (fault contract).</summary>
    public required Clause WellFormedFaults { get; init; }

    /// <summary>A successful call answers 200 with a task MoRef (task contract).</summary>
    public required Clause TaskMoRef { get; init; }

    /// <summary>The task of a call in the precondition state reaches success; named by every check that stops for a stuck task (task contract).</summary>
    public required Clause TaskSuccess { get; init; }

    /// <summary>Task states move only forward (task contract).</summary>
    public required Clause TaskStates { get; init; }

    /// <summary>Task progress stays within 0..100 (task contract).</summary>
    public required Clause TaskProgress { get; init; }

    /// <summary>Task progress never decreases (task contract).</summary>
    public required Clause TaskProgressMonotonic { get; init; }

    /// <summary>completionTime is not before startTime (task contract).</summary>
    public required Clause TaskTimes { get; init; }

    /// <summary>error is set exactly when the state is error (task contract).</summary>
    public required Clause TaskError { get; init; }

    /// <summary>The task result has the declared type (task contract).</summary>
    public required Clause TaskResultType { get; init; }

    /// <summary>QuerySmsTaskResult agrees with SmsTaskInfo.result (task contract).</summary>
    public required Clause TaskResultQuery { get; init; }

    /// <summary>One result per requested group (result contract).</summary>
    public required Clause OneResultPerGroup { get; init; }

    /// <summary>GroupErrorResult.error is never empty (result contract).</summary>
    public required Clause ErrorListNotEmpty { get; init; }

    /// <summary>AlreadyDone only as a warning (result contract).</summary>
    public required Clause AlreadyDoneIsWarning { get; init; }

    /// <summary>A repeated group gets DuplicateEntry and is processed once (result contract).</summary>
    public required Clause Duplicates { get; init; }

    /// <summary>Every answer is a task MoRef or a documented fault (property contract).</summary>
    public required Clause AnswersDocumented { get; init; }

    /// <summary>Invalid input never changes any group (property contract).</summary>
    public required Clause InvalidChangesNothing { get; init; }

    /// <summary>The provider reports the Replication profile (capability contract).</summary>
    public required Clause ReplicationProfile { get; init; }

    /// <summary>The declared batch limit matches maxBatchSize (capability contract).</summary>
    public required Clause BatchLimitDeclared { get; init; }

    /// <summary>A call without a session is refused (session contract).</summary>
    public required Clause Session { get; init; }

    /// <summary>
    /// The standard clauses for <paramref name="operation"/>, with ids <c>{prefix}-ARG-1</c>, <c>{prefix}-TASK-1</c>…
    /// and the levels Reverse's have; <paramref name="page"/> names the operation's documentation page.
    /// </summary>
    public static ContractClauses For(OperationDescription operation, string prefix, string? page = null)
    {
        var name = operation.Name;
        var field = operation.Argument.GroupsField ?? "the argument";
        var source = page ?? $"{name} JSON API page";
        var faults = string.Join(", ", operation.DeclaredFaults);
        Clause Vmware(string id, string text, string where, string why) => new($"{prefix}-{id}", ClauseLevel.Must, text, where) { Basis = LevelBasis.VmwareDocumentation, Why = why };
        Clause Types(string id, string text, string where, string why) => new($"{prefix}-{id}", ClauseLevel.Must, text, where) { Basis = LevelBasis.VmwareTypes, Why = why };
        Clause Should(string id, LevelBasis basis, string text, string where, string why) => new($"{prefix}-{id}", ClauseLevel.Should, text, where) { Basis = basis, Why = why };
        Clause Transient(string id, string fault, string when) => Vmware(id, $"{fault}: {when}. When raised it is a well-formed, declared fault.", $"{source}, 500 responses", $"VMware lists {fault} among {name}'s faults");
        return new()
        {
            InvalidArgument = Vmware("ARG-1", $"InvalidArgument: if {field} is null or empty. The fault is HTTP 500 with a MethodFault body whose _typeName is InvalidArgument, and no group changes state.", $"{source}, 500 responses; reference §1.5, §3.2", $"VMware's page lists InvalidArgument for a null or empty {field}"),
            MalformedArgument = Should("ARG-2", LevelBasis.Robustness, $"A malformed {field} is refused with InvalidArgument (or InvalidRequest: which one vCenter sends is unconfirmed) and starts no task.", "reference §1.2, §1.3; InvalidArgument", $"only a null or empty {field} must be refused; refusing other malformed input is robustness"),
            TooMany = Vmware("BATCH-1", "TooMany: thrown if the provider is unable to handle the given set of replication groups in one call (a batch above its maxBatchSize). maxBatchSize, when present, is a long; 0, negative or unset means one group per call.", $"{source}, 500 responses; reference §6.2, §8", $"VMware lists TooMany among {name}'s faults"),
            SplitAfterTooMany = Vmware("BATCH-2", "The client calls again based on the maxBatchSize in the TooMany fault, or once per group when it is not specified; every group is then processed exactly once.", $"{source}, TooMany; reference §3.2", "VMware documents the client's re-split by TooMany.maxBatchSize"),
            NotImplemented = Vmware("F-NOTIMPL", "NotImplemented: if the provider does not implement this function. A provider the profile declares as implementing it must not answer NotImplemented (or NotSupportedByProvider).", $"{source}, 500 responses", "VMware lists NotImplemented for a provider that does not implement the function"),
            Unavailable = Transient("F-UNAVAIL", "ProviderUnavailable", "if the provider is temporarily unavailable"),
            OutOfResource = Transient("F-OOR", "ProviderOutOfResource", "if it is not possible to perform the operation due to lack of resources"),
            Inactive = Transient("F-INACTIVE", "InactiveProvider", "if the provider is inactive for the specified entity"),
            Busy = Transient("F-BUSY", "ProviderBusy", "if the provider is busy and cannot process the request"),
            FaultEnvelope = Vmware("FAULT-1", "Every fault is HTTP 500 with a JSON MethodFault body whose _typeName names the fault.", "reference §1.5, §8 (wire pitfalls 1 and 4)", "VMware's JSON API pages list every fault under HTTP 500 with a MethodFault body"),
            DeclaredFaults = Types("FAULT-2", $"Only the declared faults ({faults}, and their subtypes) and the generic runtime faults ({string.Join(", ", FaultShape.Generic)}) are raised.", "VMware's type definitions; reference §3.2", "VMware's type definitions declare the method's faults; the generic runtime faults are VMware's convention for every method"),
            WellFormedFaults = Types("FAULT-3", $"Fault fields are well-formed: InvalidArgument.invalidProperty, when present, names {string.Join(" or ", operation.Argument.Fields)} (or a property the body sent); InactiveProvider.mapping holds well-formed MoRefs; faultMessage entries are LocalizableMessages with a key; faultCause is itself a MethodFault.", "reference §1.5, §6.1, §6.2", "VMware's type definitions declare each fault field's type"),
            TaskMoRef = Vmware("TASK-1", "200 OK returns a MoRef to the task: {\"_typeName\":\"ManagedObjectReference\",\"type\":<SmsTask or Task>,\"value\":<non-empty>}.", $"{source}, 200 response; reference §3.1", "VMware's page returns a MoRef to the task"),
            TaskSuccess = Vmware("TASK-2", $"The SmsTask of a call whose groups are all {operation.Precondition} reaches the terminal state success within the profile's task timeout; a task still not terminal then is a stuck task.", "reference §4.2, §4.3", "VMware documents SmsTaskState as queued, running, success, error: a task ends in a terminal state"),
            TaskStates = Vmware("TASK-3", "SmsTaskInfo.state moves only through queued, then running, then success or error, and a terminal state stays.", "reference §4.2, §4.3", "VMware documents the SmsTaskState values and their order (queued, running, then success or error)"),
            TaskProgress = Vmware("TASK-4", "SmsTaskInfo.progress, when reported, stays within 0 to 100.", "reference §4.2", "VMware documents SmsTaskInfo.progress as 0 to 100 while running"),
            TaskTimes = Should("TASK-5", LevelBasis.Inferred, "SmsTaskInfo.completionTime is not before startTime.", "reference §4.2", "VMware documents startTime and completionTime but not their order; that completion is not before start is inferred"),
            TaskError = Vmware("TASK-6", "SmsTaskInfo.error is set exactly when the state is error.", "reference §4.2", "VMware documents SmsTaskInfo.error as set when the state is error"),
            TaskResultType = Types("TASK-7", operation.ResultTypes.Count == 0 ? "The task result is void: a successful task carries no result." : $"The task result is GroupOperationResult[] boxed as ArrayOfGroupOperationResult, holding only {operation.DescribeResults(", ")} (a bare array is accepted with a note).", "reference §1.3, §4.3, §3.3", $"VMware's type definitions declare the task result {operation.Declaration?.TaskResult ?? "(unknown)"}"),
            TaskResultQuery = Vmware("TASK-8", "QuerySmsTaskResult returns the same value as SmsTaskInfo.result.", "reference §4.1, §4.3 (the shape is unconfirmed; the value must agree)", "VMware documents QuerySmsTaskResult as returning the task's result"),
            TaskProgressMonotonic = Should("TASK-9", LevelBasis.Inferred, "SmsTaskInfo.progress, when reported, never decreases between two polls of the task.", "reference §4.2 (inferred)", "VMware documents progress as a percentage from 0 to 100 but not that it only grows; that it never decreases is inferred"),
            OneResultPerGroup = Vmware("RES-1", "The task result holds exactly one result per requested group, matched by groupId, in any order.", "reference §3.3, §4.3, §8", "VMware documents GroupOperationResult as the per-group result of the operation: each requested group gets its result"),
            ErrorListNotEmpty = Vmware("RES-2", "GroupErrorResult.error is required and holds at least one fault.", "reference §4.4, §6.4", "VMware documents GroupErrorResult.error as required, with at least one entry"),
            AlreadyDoneIsWarning = Vmware("RES-3", "AlreadyDone is always a warning: it appears only in warning[], never in error[] or as a fault.", "reference §6.3, §5.4", "VMware documents AlreadyDone as \"always a warning\""),
            Duplicates = Should("RES-4", LevelBasis.Inferred, $"A group listed twice gets DuplicateEntry for the repeat (or the call gets InvalidArgument), and is never {operation.Done} twice.", "reference §3.3 (DuplicateEntry per entry), §6.2", $"DuplicateEntry per entry is documented for queries; for {name} it is inferred"),
            AnswersDocumented = Vmware("PROP-1", "For any request (any ids, any batch size, duplicates, unknown fields, malformed bodies) the answer is HTTP 200 with a task MoRef or HTTP 500 with a documented fault.", "reference §1.5, §3.2", "VMware documents exactly two answers: 200 with a task MoRef, or 500 with a listed fault"),
            InvalidChangesNothing = Vmware("PROP-2", $"Invalid input (null, empty or malformed {field}, a batch over the limit) never changes any group's state.", $"{source}, 500 responses", "VMware lists InvalidArgument and TooMany as refusals of the call: a refused call changes nothing"),
            ReplicationProfile = Should("CAP-1", LevelBasis.Inferred, "A replication-capable provider reports Replication in VasaProviderInfo.supportedProviderProfile.", "reference §2 (VasaProviderInfo)", "that a replication provider lists Replication in supportedProviderProfile is inferred from the field's documented values"),
            BatchLimitDeclared = Should("CAP-2", LevelBasis.Inferred, "The batch limit the profile declares for the operation matches VasaProviderInfo.maxBatchSize.", "reference §2, §8 (batch limits)", "the profile's declaration is the user's; that it should match maxBatchSize (a provider-wide hint) is inferred"),
            Session = Vmware("SESSION-1", "SMS calls carry the vmware-api-session-id of a logged-in session; a call without one is refused (NotAuthenticated as HTTP 500 is expected; the exact answer is unconfirmed).", "reference §1.5, §1.6, §9.1", "VMware documents the vmware-api-session-id header as the JSON API's only security scheme"),
        };
    }

    /// <summary>Every clause, in slot order.</summary>
    public IReadOnlyList<Clause> All =>
    [
        this.InvalidArgument, this.MalformedArgument, this.TooMany, this.SplitAfterTooMany,
        this.NotImplemented, this.Unavailable, this.OutOfResource, this.Inactive, this.Busy, this.FaultEnvelope, this.DeclaredFaults, this.WellFormedFaults,
        this.TaskMoRef, this.TaskSuccess, this.TaskStates, this.TaskProgress, this.TaskProgressMonotonic, this.TaskTimes, this.TaskError, this.TaskResultType, this.TaskResultQuery,
        this.OneResultPerGroup, this.ErrorListNotEmpty, this.AlreadyDoneIsWarning, this.Duplicates,
        this.AnswersDocumented, this.InvalidChangesNothing,
        this.ReplicationProfile, this.BatchLimitDeclared, this.Session,
    ];
}
