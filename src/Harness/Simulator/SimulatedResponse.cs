namespace Harness.Simulator;

/// <summary>What the simulated provider answers: status, content type, body and extra headers.</summary>
internal sealed record SimulatedResponse(int Status, string? Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>204 No Content.</summary>
    public static SimulatedResponse NoContent { get; } = new(204, null);
}
