using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Conformance.Contracts;

/// <summary>
/// The answer to one call of an operation read to its end (the whole-call answer, the task's final info when a task
/// ran, its per-group results) and the one rule by which every check and property classifies a group's outcome in
/// it: succeeded, refused by a reading of the operation's U-GROUP-ERROR, or wrong. Reading it judges nothing (the
/// shared scenarios record it); the checks judge the outcomes.
/// </summary>
internal sealed class OperationAnswer
{
    private readonly OperationUnderTest op;
    private readonly IReadOnlyDictionary<string, string?> before;
    private readonly IReadOnlySet<string> contested;

    private OperationAnswer(OperationUnderTest op, IReadOnlyList<ReplicationGroupId> requested, IReadOnlyDictionary<string, string?> before, IReadOnlySet<string> contested, ProviderResult<ManagedObjectReference> call)
    {
        this.op = op;
        this.Requested = requested;
        this.before = before;
        this.contested = contested;
        this.Call = call;
    }

    /// <summary>The groups sent, in order (a repeat included).</summary>
    public IReadOnlyList<ReplicationGroupId> Requested { get; }

    /// <summary>The answer to the call itself.</summary>
    public ProviderResult<ManagedObjectReference> Call { get; }

    /// <summary>The task, when the call returned one.</summary>
    public TaskObservation? Task { get; private init; }

    /// <summary>The profile's task timeout the task was waited for with.</summary>
    public TimeSpan TaskTimeout { get; private init; }

    /// <summary>The per-group results, when the task succeeded and they could be read.</summary>
    public IReadOnlyList<GroupOperationResult>? Results { get; private init; }

    /// <summary>What came instead of a successful task's results (observed against <see cref="OperationSteps.ResultShape"/>).</summary>
    public string? ResultProblem { get; private init; }

    /// <summary>The poll that showed the task's final info (its state, error and result), if the task ended.</summary>
    public ProviderCall? FinalPoll => this.Task?.Wait.Final is null ? null : this.Task.Wait.LastPoll;

    /// <summary>The route and fault of a refusal of the whole call (HTTP 500 or the task's error), accepted or not.</summary>
    public (string Reading, MethodFault Fault)? Whole =>
        this.Call.Kind == OutcomeKind.Fault ? (ContractReadings.WholeCallFault, this.Call.Fault!)
        : this.Task?.Wait.Final is { State: SmsTaskState.Error, Error: { } error } ? (ContractReadings.TaskError, error)
        : null;

    /// <summary>Whether the call was refused as a whole by an accepted reading: then no group of it may change state.</summary>
    public bool RefusedAsWhole => this.Whole is { } whole && this.WholeRefusalProblem(whole.Reading, whole.Fault) is null;

    /// <summary>The reading of U-GROUP-ERROR the answer showed, or null when it refused nothing by an accepted reading.</summary>
    public string? Reading =>
        this.RefusedAsWhole ? this.Whole!.Value.Reading
        : this.Results?.Any(r => r is GroupErrorResult { Error.Count: > 0 } && this.IsRequested(r)) == true ? ContractReadings.GroupErrorResult
        : null;

    /// <summary>
    /// Calls nothing: reads the answer to <paramref name="call"/> to its end. <paramref name="before"/> holds the states
    /// read before the call (a group absent from it or null there is one the provider did not know); a
    /// <paramref name="contested"/> group may be changed meanwhile by another call, so it may be refused.
    /// </summary>
    public static async Task<OperationAnswer> ReadAsync(CheckScope s, OperationUnderTest op, IReadOnlyList<ReplicationGroupId> requested, IReadOnlyDictionary<string, string?> before, ProviderResult<ManagedObjectReference> call, bool observe = false, IReadOnlySet<string>? contested = null)
    {
        TaskObservation? task = null;
        if (call.IsValue && OperationSteps.IsTaskMoRef(call.Value))
        {
            task = observe
                ? await OperationSteps.ObserveTaskAsync(s, op, call.Value!).ConfigureAwait(false)
                : new TaskObservation { Task = call.Value!, Wait = await OperationSteps.WaitAsync(s, op, call.Value!).ConfigureAwait(false) };

            // A task that does not end (now, or one earlier in the run) leaves the group's fate unknown: the task-success clause judges it, this check cannot.
            OperationSteps.RequireEnded(s, op, call.Value!, task.Wait);
        }

        List<GroupOperationResult>? results = null;
        string? problem = null;
        if (task?.Wait.Final is { State: SmsTaskState.Success } final)
        {
            (results, problem, var bare) = OperationSteps.TryReadResults(s, op, final);
            if (bare)
            {
                OperationSteps.NoteBare(s, op);
            }
        }

        return new OperationAnswer(op, requested, before, contested ?? new HashSet<string>(StringComparer.Ordinal), call) { Task = task, TaskTimeout = s.Target.TaskTimeout, Results = results, ResultProblem = problem };
    }

    /// <summary>The outcome of each requested group (a repeat once), in request order.</summary>
    public IReadOnlyList<(ReplicationGroupId Group, GroupOutcome Outcome)> Outcomes() =>
        this.Requested.DistinctBy(g => g.Key).Select(g => (g, this.Of(g))).ToList();

    /// <summary>How <paramref name="group"/> fared: the rule of U-GROUP-ERROR.</summary>
    public GroupOutcome Of(ReplicationGroupId group)
    {
        if (this.Task?.Wait is { Final: null } wait)
        {
            return wait.Interrupted
                ? new(GroupOutcomeKind.Unsettled, "interrupted: the run was stopped while the task was still running")
                : GroupOutcome.Wrong(wait.Stuck
                    ? OperationSteps.Stuck(this.TaskTimeout, wait)
                    : new(Defect.Task, "QuerySmsTaskInfo to report the task until it ends", wait.Describe()) { Evidence = wait.LastPoll });
        }

        switch (this.Call.Kind)
        {
            case OutcomeKind.TransportError or OutcomeKind.ProtocolViolation:
                return GroupOutcome.Wrong(new(Defect.WrongFault, "HTTP 200 with a task MoRef or HTTP 500 with a MethodFault", this.Call.Describe()) { Evidence = this.Call.Call });
            case OutcomeKind.Value when this.Task is null:
                return GroupOutcome.Wrong(new(Defect.Task, "HTTP 200 with a task MoRef", $"HTTP {this.Call.Call.Status} with a {OperationSteps.Describe(this.Call.Value)}") { Evidence = this.Call.Call });
        }

        if (this.Whole is { } whole)
        {
            var problem = this.WholeRefusalProblem(whole.Reading, whole.Fault);
            return problem is null
                ? new(GroupOutcomeKind.Refused, $"refused as a whole with {Route(whole.Reading)} {whole.Fault.TypeName}") { Reading = whole.Reading, Faults = [whole.Fault] }
                : GroupOutcome.Wrong(problem with { Evidence = whole.Reading == ContractReadings.WholeCallFault ? this.Call.Call : this.FinalPoll });
        }

        var final = this.Task!.Wait.Final!;
        if (final.State != SmsTaskState.Success)
        {
            return GroupOutcome.Wrong(final.State == SmsTaskState.Error
                ? new(Defect.Task, $"{this.Task.Task}, ended in error, to carry its error fault", "no error fault") { Evidence = this.FinalPoll }
                : new(Defect.Task, $"{this.Task.Task} to end in success or error", $"it ended in '{final.State}'") { Evidence = this.FinalPoll });
        }

        var operation = this.op.Operation;
        if (this.Results is null && operation.ResultTypes.Count == 0 && this.ResultProblem is null)
        {
            // A void task (TestFailoverStart/Stop): success is the task's, for every group of the call.
            return new(GroupOutcomeKind.Succeeded, operation.Done);
        }

        if (this.Results is null)
        {
            return GroupOutcome.Wrong(new(Defect.Result, OperationSteps.ResultShape, this.ResultProblem ?? "no result") { Evidence = this.FinalPoll });
        }

        var result = this.Results.FirstOrDefault(r => r.GroupId?.Key == group.Key);
        return result switch
        {
            null => GroupOutcome.Wrong(new(Defect.Result, $"a result for requested group {group}", $"none ({this.Results.Count} result(s) for {this.Requested.Count} group(s))") { Evidence = this.FinalPoll }),
            GroupErrorResult { Error.Count: > 0 } error => new(GroupOutcomeKind.Refused, $"a GroupErrorResult with {string.Join(", ", error.Error.Select(e => e.TypeName))}") { Reading = ContractReadings.GroupErrorResult, Faults = error.Error },
            GroupErrorResult => GroupOutcome.Wrong(new(Defect.Result, $"the GroupErrorResult for {group} to hold at least one error", "an empty error list") { Evidence = this.FinalPoll }),
            _ when operation.IsSuccess(result) => this.Success(result),
            _ => GroupOutcome.Wrong(new(Defect.Result, $"a {operation.DescribeResults(" or a ")} for {group}", $"a {result.TypeName ?? "result without _typeName"}") { Evidence = this.FinalPoll }),
        };
    }

    /// <summary>Notes which reading of U-GROUP-ERROR the answer showed, if it refused anything.</summary>
    public void NoteReading(CheckScope s, string what)
    {
        var reading = this.Reading;
        if (reading == ContractReadings.GroupErrorResult)
        {
            var refused = this.Results!.OfType<GroupErrorResult>().Where(this.IsRequested).Select(e => $"{e.GroupId} ({string.Join(", ", e.Error?.Select(f => f.TypeName) ?? [])})");
            this.op.Readings.GroupError.Note(s, reading, $"{what}: GroupErrorResult for {string.Join("; ", refused)}");
        }
        else if (reading is not null)
        {
            this.op.Readings.GroupError.Note(s, reading, $"{what}: refused as a whole with {Route(reading)} {this.Whole!.Value.Fault.TypeName}");
        }
    }

    /// <summary>A success result, in words: what the group has become (and the new group it names, for an operation whose successes name one).</summary>
    private GroupOutcome Success(GroupOperationResult success)
    {
        var operation = this.op.Operation;
        var alreadyDone = IsAlreadyDone(success);
        var newId = operation.NewGroupId?.Invoke(success);
        var into = operation.NewGroupId is null ? string.Empty : $" into {newId ?? "(no newGroupId)"}";
        return new(GroupOutcomeKind.Succeeded, $"{operation.Done}{into}{(alreadyDone ? " (AlreadyDone)" : string.Empty)}")
        {
            NewGroupId = newId is { Length: > 0 } ? newId : null,
            AlreadyDone = alreadyDone,
        };
    }

    /// <summary>
    /// What is wrong with refusing the whole call with <paramref name="fault"/>, or null when a reading accepts it: the call
    /// must name a group that may be refused, and the fault must fit one: an SmsReplicationFault for a group in the
    /// wrong state (or contested), InvalidArgument or an SmsReplicationFault for an unknown group, InvalidArgument for a repeat.
    /// </summary>
    private Failure? WholeRefusalProblem(string reading, MethodFault fault)
    {
        var state = this.op.Operation.Precondition;
        var repeated = this.Requested.GroupBy(g => g.Key).Any(g => g.Count() > 1);
        var unknown = this.Requested.Any(g => this.before.GetValueOrDefault(g.Key) is null || this.contested.Contains(g.Key));
        var wrongState = this.Requested.Any(g => (this.before.GetValueOrDefault(g.Key) is { } current && current != state) || this.contested.Contains(g.Key));
        var route = Route(reading);
        var name = fault.TypeName ?? "a fault without _typeName";
        if (!repeated && !unknown && !wrongState)
        {
            return new(Defect.WrongFault, $"a call whose every group is {state} to {this.op.Operation.Verb} them all", $"the call refused as a whole ({route} {name})");
        }

        if ((fault.IsA("SmsReplicationFault") && (wrongState || unknown)) || (fault.IsA("InvalidArgument") && (unknown || repeated)))
        {
            return null;
        }

        var fits = new List<string>();
        if (wrongState)
        {
            fits.Add("an SmsReplicationFault such as InvalidReplicationState (a group in the wrong state)");
        }

        if (unknown)
        {
            fits.Add("InvalidArgument or an SmsReplicationFault (a group the provider does not know)");
        }

        if (repeated)
        {
            fits.Add("InvalidArgument (a group listed twice)");
        }

        return new(Defect.WrongFault, $"a refusal of these groups as a whole to be {string.Join(", or ", fits)}", $"the call refused as a whole with {route} {name}");
    }

    private bool IsRequested(GroupOperationResult result) => this.Requested.Any(g => g.Key == result.GroupId?.Key);

    private static bool IsAlreadyDone(GroupOperationResult result) => result.Warning?.Any(w => w is AlreadyDone) == true;

    private static string Route(string reading) => reading == ContractReadings.WholeCallFault ? "the whole-call fault (HTTP 500)" : "the task error";
}
