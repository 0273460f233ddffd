using System.ComponentModel.DataAnnotations;
using Harness.Simulator;

namespace Harness.Profiles;

/// <summary>
/// A fault the embedded simulator injects (profile <c>simulator.faults[]</c>): into which operation, which fault,
/// on how many calls, and whether it fails the call or the task. See <see cref="SimulatedFault"/> for the semantics.
/// </summary>
internal sealed record FaultInjection
{
    /// <summary>The <see cref="Route"/> that fails the call itself with HTTP 500.</summary>
    public const string CallRoute = "call";

    /// <summary>The <see cref="Route"/> that returns a task which ends in error with the fault (only for <c>*_Task</c> operations).</summary>
    public const string TaskRoute = "task";

    /// <summary>The allowed values of <see cref="Route"/>.</summary>
    public static IReadOnlyList<string> Routes { get; } = [CallRoute, TaskRoute];

    /// <summary>One of <see cref="SimulatedFault.Operations"/>. <value>Default: "ReverseReplicateGroup_Task".</value></summary>
    public string Operation { get; init; } = SimulatedFault.DefaultOperation;

    /// <summary>The fault's wire name, one of <see cref="SimulatedFault.FaultNames"/>. Required.</summary>
    public required string Fault { get; init; }

    /// <summary>How many calls get the fault, then the operation behaves normally. <value>Default: <c>null</c> (every call); at least 1.</value></summary>
    [Range(1, int.MaxValue)]
    public int? Times { get; init; }

    /// <summary><c>"call"</c> or <c>"task"</c>. <value>Default: "call".</value></summary>
    public string Route { get; init; } = CallRoute;

    /// <summary>The simulator's form of this injection.</summary>
    public SimulatedFault ToSimulated() => new()
    {
        Operation = this.Operation,
        Fault = this.Fault,
        Times = this.Times,
        Route = this.Route == TaskRoute ? FaultRoute.Task : FaultRoute.Call,
    };
}
