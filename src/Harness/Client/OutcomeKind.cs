namespace Harness.Client;

/// <summary>What a provider call produced.</summary>
internal enum OutcomeKind
{
    /// <summary>HTTP 200 with a body of the declared type.</summary>
    Value,

    /// <summary>HTTP 500 with a JSON MethodFault body (its <c>_typeName</c> may still be wrong or missing).</summary>
    Fault,

    /// <summary>A response arrived but breaks the wire contract: wrong status, wrong content type, unparseable body.</summary>
    ProtocolViolation,

    /// <summary>No usable response: connection refused or reset, timeout, TLS refusal.</summary>
    TransportError,
}
