using Harness.Wire.Faults;

namespace Harness.Client;

/// <summary>
/// The outcome of one call: the value, or the typed fault, or the reason the exchange was unusable, always
/// with the exchange itself. Faults are data: nothing here throws for a documented fault.
/// </summary>
internal sealed class ProviderResult<T>
{
    private ProviderResult(OutcomeKind kind, T? value, MethodFault? fault, string? problem, ProviderCall call)
    {
        this.Kind = kind;
        this.Value = value;
        this.Fault = fault;
        this.Problem = problem;
        this.Call = call;
    }

    /// <summary>What happened.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>The value, when <see cref="Kind"/> is <see cref="OutcomeKind.Value"/>.</summary>
    public T? Value { get; }

    /// <summary>The fault, when <see cref="Kind"/> is <see cref="OutcomeKind.Fault"/>.</summary>
    public MethodFault? Fault { get; }

    /// <summary>Why the exchange is a violation or a transport error.</summary>
    public string? Problem { get; }

    /// <summary>The exchange.</summary>
    public ProviderCall Call { get; }

    /// <summary>Whether a value arrived.</summary>
    public bool IsValue => this.Kind == OutcomeKind.Value;

    /// <summary>The fault's <c>_typeName</c>, if a fault arrived.</summary>
    public string? FaultName => this.Fault?.TypeName;

    /// <summary>A success.</summary>
    public static ProviderResult<T> Ok(T value, ProviderCall call) => new(OutcomeKind.Value, value, null, null, call);

    /// <summary>A fault.</summary>
    public static ProviderResult<T> Faulted(MethodFault fault, ProviderCall call) => new(OutcomeKind.Fault, default, fault, null, call);

    /// <summary>A contract-breaking response.</summary>
    public static ProviderResult<T> Violation(string problem, ProviderCall call, MethodFault? fault = null) =>
        new(OutcomeKind.ProtocolViolation, default, fault, problem, call);

    /// <summary>No usable response.</summary>
    public static ProviderResult<T> Transport(string problem, ProviderCall call) => new(OutcomeKind.TransportError, default, null, problem, call);

    /// <summary>Carries a non-value outcome over to another value type.</summary>
    public ProviderResult<TOther> Rethrow<TOther>() =>
        new(this.Kind == OutcomeKind.Value ? OutcomeKind.ProtocolViolation : this.Kind, default, this.Fault, this.Problem, this.Call);

    /// <summary>One line describing the outcome.</summary>
    public string Describe() => this.Kind switch
    {
        OutcomeKind.Value => $"HTTP {this.Call.Status}: {typeof(T).Name}",
        OutcomeKind.Fault => $"HTTP {this.Call.Status} fault {this.FaultName ?? "(no _typeName)"}",
        OutcomeKind.ProtocolViolation => $"protocol violation: {this.Problem}",
        _ => $"transport error: {this.Problem}",
    };

    /// <inheritdoc />
    public override string ToString() => this.Describe();
}
