using Harness.Wire.Groups;

namespace Harness.Simulator;

/// <summary>
/// The two-site world's groups: each pair is a SOURCE group at site A (fault domain <see cref="FaultDomainA"/>) whose
/// twin at site B (fault domain <see cref="FaultDomainB"/>) is its replication target, in the state the pair is
/// counted under. A pair counted under FAILEDOVER is named <c>rg-fo-1-a</c> at A and <c>rg-fo-1-b</c> at B.
/// </summary>
public static class SimulatedPairs
{
    /// <summary>The original source site.</summary>
    public const string SiteA = "A";

    /// <summary>The original target site (where the FAILEDOVER groups are).</summary>
    public const string SiteB = "B";

    /// <summary>Site A's fault domain.</summary>
    public const string FaultDomainA = "fd-A";

    /// <summary>Site B's fault domain.</summary>
    public const string FaultDomainB = "fd-B";

    /// <summary>The most pairs of one state.</summary>
    public const int MaxPerState = 1000;

    /// <summary>The states a target twin may start in, each with the tag its pair's names carry.</summary>
    public static IReadOnlyDictionary<string, string> TargetStates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReplicationState.Target] = "tgt",
        [ReplicationState.FailedOver] = "fo",
        [ReplicationState.InTest] = "test",
    };

    /// <summary>Two healthy pairs (TARGET at B), three FAILEDOVER at B and one INTEST at B.</summary>
    public static IReadOnlyDictionary<string, int> Default { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ReplicationState.Target] = 2,
        [ReplicationState.FailedOver] = 3,
        [ReplicationState.InTest] = 1,
    };

    /// <summary>The groups of both sites: site A's first, then site B's, each in the order of <see cref="TargetStates"/>.</summary>
    /// <exception cref="ArgumentException">A state is not one of <see cref="TargetStates"/>, or a count is outside 0..<see cref="MaxPerState"/>.</exception>
    public static IReadOnlyList<SimulatedGroup> Layout(IReadOnlyDictionary<string, int> pairs)
    {
        foreach (var (state, count) in pairs)
        {
            if (!TargetStates.ContainsKey(state) || count is < 0 or > MaxPerState)
            {
                throw new ArgumentException($"'{state}': {count} is not a pair count; use 0..{MaxPerState} pairs of {string.Join(", ", TargetStates.Keys)}", nameof(pairs));
            }
        }

        var a = new List<SimulatedGroup>();
        var b = new List<SimulatedGroup>();
        foreach (var (state, tag) in TargetStates)
        {
            for (var i = 1; i <= pairs.GetValueOrDefault(state); i++)
            {
                var source = new SimulatedGroup(FaultDomainA, $"rg-{tag}-{i}-a", ReplicationState.Source) { Site = SiteA };
                var target = new SimulatedGroup(FaultDomainB, $"rg-{tag}-{i}-b", state) { Site = SiteB };
                a.Add(source with { Peer = target.Key });
                b.Add(target with { Peer = source.Key });
            }
        }

        return [.. a, .. b];
    }
}
