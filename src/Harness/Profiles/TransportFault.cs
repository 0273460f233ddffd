using System.ComponentModel.DataAnnotations;
using Harness.Simulator;

namespace Harness.Profiles;

/// <summary>
/// A break in the HTTP exchange the embedded simulator serves (profile <c>simulator.transportFaults[]</c>): for which
/// operation, which kind, on how many calls, and the kind's parameter. See <see cref="SimulatedTransportFault"/>.
/// </summary>
internal sealed record TransportFault
{
    /// <summary>The profile names of the kinds, each with its <see cref="TransportFaultKind"/>.</summary>
    public static IReadOnlyDictionary<string, TransportFaultKind> Kinds { get; } = new Dictionary<string, TransportFaultKind>(StringComparer.Ordinal)
    {
        ["reset"] = TransportFaultKind.Reset,
        ["hang"] = TransportFaultKind.Hang,
        ["trickle"] = TransportFaultKind.Trickle,
        ["malformedJson"] = TransportFaultKind.MalformedJson,
        ["html"] = TransportFaultKind.Html,
        ["oversized"] = TransportFaultKind.Oversized,
        ["wrongContentType"] = TransportFaultKind.WrongContentType,
        ["status"] = TransportFaultKind.Status,
    };

    /// <summary>One of <see cref="SimulatedTransportFault.Operations"/>. <value>Default: "ReverseReplicateGroup_Task".</value></summary>
    public string Operation { get; init; } = SimulatedTransportFault.DefaultOperation;

    /// <summary>The kind's profile name, a key of <see cref="Kinds"/>. Required.</summary>
    public required string Kind { get; init; }

    /// <summary>How many calls get the fault, then the operation behaves normally. <value>Default: <c>null</c> (every call); at least 1.</value></summary>
    [Range(1, int.MaxValue)]
    public int? Times { get; init; }

    /// <summary>The body size of kind "oversized", in bytes. <value>Default: 20 MiB; range 1..1 GiB; only for "oversized".</value></summary>
    [Range(1L, SimulatedTransportFault.MaxSizeBytes)]
    public long? SizeBytes { get; init; }

    /// <summary>The HTTP status of kind "status", one of <see cref="SimulatedTransportFault.Statuses"/>. Required for "status", only for it.</summary>
    public int? Status { get; init; }

    /// <summary>The simulator's form of this entry.</summary>
    /// <exception cref="KeyNotFoundException">The kind is unknown (a validated profile never has one).</exception>
    public SimulatedTransportFault ToSimulated() => new()
    {
        Operation = this.Operation,
        Kind = Kinds[this.Kind],
        Times = this.Times,
        SizeBytes = this.SizeBytes ?? SimulatedTransportFault.DefaultSizeBytes,
        Status = this.Status ?? SimulatedTransportFault.DefaultStatus,
    };
}
