namespace Harness.Simulator;

/// <summary>One request the simulated provider received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The last path segment: the API method.</summary>
    public string Operation => this.Path[(this.Path.LastIndexOf('/') + 1)..];

    /// <summary>Which vCenter (endpoint) received it: 0, or 1 for site B's own vCenter.</summary>
    public int Vcenter { get; init; }
}
