namespace Harness.Simulator;

/// <summary>One point-in-time replica a simulated target group holds.</summary>
/// <param name="Id">Its id, unique within the group.</param>
/// <param name="Name">Its name.</param>
/// <param name="TimeStamp">When it was taken.</param>
/// <param name="Tags">Its tags.</param>
public sealed record SimulatedReplica(string Id, string Name, DateTimeOffset TimeStamp, IReadOnlyList<string> Tags);
