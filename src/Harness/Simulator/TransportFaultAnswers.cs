using System.Globalization;

namespace Harness.Simulator;

/// <summary>The answers that stand in for the provider's under a transport fault the HTTP host serves itself.</summary>
internal static class TransportFaultAnswers
{
    /// <summary>A MethodFault cut short: starts like JSON, is not JSON.</summary>
    public const string MalformedJsonBody = "{\"_typeName\":\"InvalidArgument\",\"faultMessage\":[{\"_typeName\":\"LocalizableMessage\",";

    /// <summary>The answer for <see cref="TransportFaultKind.MalformedJson"/>, <see cref="TransportFaultKind.Html"/> or <see cref="TransportFaultKind.Status"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another kind, which is not answered in the provider's place.</exception>
    public static SimulatedResponse For(SimulatedTransportFault fault) => fault.Kind switch
    {
        TransportFaultKind.MalformedJson => new SimulatedResponse(500, MalformedJsonBody),
        TransportFaultKind.Html => new SimulatedResponse(500, "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>", "text/html"),
        TransportFaultKind.Status => new SimulatedResponse(fault.Status, string.Create(CultureInfo.InvariantCulture, $"<html><body><h1>{fault.Status} {Reason(fault.Status)}</h1></body></html>"), "text/html"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "not answered in the provider's place"),
    };

    private static string Reason(int status) => status switch
    {
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
