namespace Harness.Simulator;

/// <summary>How the simulated endpoint breaks the HTTP exchange of a call (see <see cref="SimulatedTransportFault"/>).</summary>
public enum TransportFaultKind
{
    /// <summary>The real headers and half of the real body are sent, then the connection is closed.</summary>
    Reset,

    /// <summary>Nothing is ever answered; the connection stays open until the client gives up or the server is disposed.</summary>
    Hang,

    /// <summary>The real headers at once, then the real body one byte every 200 ms.</summary>
    Trickle,

    /// <summary>HTTP 500, application/json, with a body that is not JSON (a MethodFault cut short).</summary>
    MalformedJson,

    /// <summary>HTTP 500 with a text/html error page.</summary>
    Html,

    /// <summary>HTTP 200, application/json, with a body of <see cref="SimulatedTransportFault.SizeBytes"/> bytes, streamed in chunks without a Content-Length.</summary>
    Oversized,

    /// <summary>The real answer, with Content-Type text/plain.</summary>
    WrongContentType,

    /// <summary>A bare HTTP <see cref="SimulatedTransportFault.Status"/> with a short text/html body.</summary>
    Status,
}
