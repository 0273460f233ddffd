using Harness.Client;
using Harness.Oracle;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Serialization;

namespace Conformance.Operations;

/// <summary>
/// One VasaProvider operation as data: what it is called, where and on what, what it takes, what it may answer, and
/// the state a group must be in. The shared contracts (Conformance.Contracts) build their checks from it; a test holds
/// every description to VMware's type catalogue. Its declared faults are the catalogue's, not a table of ours.
/// </summary>
internal sealed class OperationDescription
{
    private IReadOnlyList<string>? declaredFaults;

    /// <summary>The wire method name, e.g. <c>ReverseReplicateGroup_Task</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The managed object type it is called on, as the URL names it.</summary>
    public string ManagedObject { get; init; } = "VasaProvider";

    /// <summary>Its argument: the request fields and how to build a body for a list of groups.</summary>
    public required OperationArgument Argument { get; init; }

    /// <summary>Whether a call returns an SmsTask MoRef (else the answer itself is the result).</summary>
    public required bool ReturnsTask { get; init; }

    /// <summary>
    /// The result element types (wire names) a successful answer may hold, GroupErrorResult included: those of the
    /// task's result for a task, of the answer otherwise. Empty when the result is void.
    /// </summary>
    public required IReadOnlyList<string> ResultTypes { get; init; }

    /// <summary>
    /// Result element types accepted besides <see cref="ResultTypes"/> by a reading of an unconfirmed point: for
    /// TestFailoverReplicationGroupStart_Task, void by VMware's types, the array [G]'s checkOnly text implies.
    /// </summary>
    public IReadOnlyList<string> UnconfirmedResultTypes { get; init; } = [];

    /// <summary>What a success does to the group and its twin (the lifecycle's state machine); null for an operation that changes no group state.</summary>
    public LifecycleTransition? Transition { get; init; }

    /// <summary>Whether a call may change a group (so its groups are held to the allowlist and journalled).</summary>
    public required bool ChangesState { get; init; }

    /// <summary>The ReplicationState a group must be in (e.g. FAILEDOVER for Reverse); null when the operation requires none.</summary>
    public string? Precondition { get; init; }

    /// <summary>Where it must be called.</summary>
    public required OperationSite Site { get; init; }

    /// <summary>What it does to a group, as a verb for messages: "reverse".</summary>
    public required string Verb { get; init; }

    /// <summary>What a group it succeeded on has become, for messages and check names: "reversed".</summary>
    public required string Done { get; init; }

    /// <summary>For an operation whose success names a new group (Reverse: newGroupId), that group's device group id in a result.</summary>
    public Func<GroupOperationResult, string?>? NewGroupId { get; init; }

    /// <summary>Sends the operation for the groups (null: the absent body) through the client's own method; null until the client has one.</summary>
    public Func<SmsClient, ManagedObjectReference, IReadOnlyList<ReplicationGroupId>?, Task<ProviderResult<ManagedObjectReference>>>? Send { get; init; }

    /// <summary>Sends a body exactly as given (an input probe); null until the client has a method for it.</summary>
    public Func<SmsClient, ManagedObjectReference, string, Task<ProviderResult<ManagedObjectReference>>>? SendRaw { get; init; }

    /// <summary>VMware's declaration of the method (its parameters, result and faults).</summary>
    public VmodlMethod? Declaration => TypeCatalogue.Default.Method(this.ManagedObject, this.Name);

    /// <summary>The faults VMware declares for it (wire names, from the type catalogue); runtime faults come besides (<see cref="Checks.FaultShape.Generic"/>).</summary>
    public IReadOnlyList<string> DeclaredFaults => this.declaredFaults ??= (this.Declaration?.Faults ?? [])
        .Select(f => TypeCatalogue.Default.DataType(f)?.Wsdl ?? f[(f.LastIndexOf('.') + 1)..])
        .ToList();

    /// <summary>The <c>_typeName</c> of its request object (sent with extra fields by the generated inputs).</summary>
    public string RequestType => this.Name.Replace("_Task", string.Empty, StringComparison.Ordinal) + "RequestType";

    /// <summary>Whether the operation may raise the fault: its declared faults, the generic runtime faults, and their subtypes.</summary>
    public bool MayRaise(MethodFault fault) =>
        fault.TypeName is not null && this.DeclaredFaults.Concat(Checks.FaultShape.Generic).Any(fault.IsA);

    /// <summary>What it may raise, in words for a failure: <c>declared: …, plus …</c>.</summary>
    public string DescribeFaults() => $"declared: {string.Join(", ", this.DeclaredFaults)}, plus {string.Join(", ", Checks.FaultShape.Generic)}";

    /// <summary>Whether a result is of a type the operation may return.</summary>
    public bool Allows(GroupOperationResult result) =>
        WireTypeRegistry.NameOf(result.GetType()) is { } name && (this.ResultTypes.Contains(name, StringComparer.Ordinal) || this.UnconfirmedResultTypes.Contains(name, StringComparer.Ordinal));

    /// <summary>Whether a result is one of its success results (an allowed type other than GroupErrorResult).</summary>
    public bool IsSuccess(GroupOperationResult result) => result is not GroupErrorResult && this.Allows(result);

    /// <summary>The allowed result types, e.g. <c>ReverseReplicationSuccessResult or GroupErrorResult</c>.</summary>
    public string DescribeResults(string separator = " or ") => string.Join(separator, this.ResultTypes);

    /// <summary>The sender, or a harness error naming the operation when the client has no method for it yet.</summary>
    public Func<SmsClient, ManagedObjectReference, IReadOnlyList<ReplicationGroupId>?, Task<ProviderResult<ManagedObjectReference>>> RequireSend() =>
        this.Send ?? throw new NotSupportedException($"the client has no method for {this.Name} yet");

    /// <summary>The raw sender, or a harness error naming the operation when the client has no method for it yet.</summary>
    public Func<SmsClient, ManagedObjectReference, string, Task<ProviderResult<ManagedObjectReference>>> RequireSendRaw() =>
        this.SendRaw ?? throw new NotSupportedException($"the client has no raw method for {this.Name} yet");

    /// <inheritdoc />
    public override string ToString() => this.Name;
}
