namespace Harness.Simulator;

/// <summary>What a lifecycle call asked for besides its groups (each field read where the operation has it).</summary>
/// <param name="PitName">Sync: the name of the point-in-time replica to create.</param>
/// <param name="IsPlanned">Failover, TestFailoverStart, Promote: whether the operation is planned (the source is reachable).</param>
/// <param name="CheckOnly">Failover, TestFailoverStart: whether only to check, changing nothing.</param>
/// <param name="Force">TestFailoverStop: whether to force-unbind the test devices.</param>
/// <param name="PitIds">Failover, TestFailoverStart: per requested group (same order), the point-in-time replica to recover; null entries mean the latest.</param>
internal sealed record LifecycleRequest(string? PitName = null, bool IsPlanned = false, bool CheckOnly = false, bool Force = false, IReadOnlyList<string?>? PitIds = null)
{
    /// <summary>A request with nothing besides its groups.</summary>
    public static LifecycleRequest None { get; } = new();
}
