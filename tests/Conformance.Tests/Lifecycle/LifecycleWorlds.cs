using Conformance.Lifecycle;
using Harness.Simulator;
using Harness.Wire;

namespace Conformance.Tests.Lifecycle;

/// <summary>Models of the embedded worlds, built without a provider, for the tests of the pure model.</summary>
internal static class LifecycleWorlds
{
    /// <summary>The default two-site world (SimulatedPairs.Default): pairs tgt-1, tgt-2, fo-1..3, test-1, B under test, A the peer, both allowlisted.</summary>
    public static LifecycleModel TwoSites(IReadOnlyDictionary<string, int>? pairs = null)
    {
        var groups = SimulatedPairs.Layout(pairs ?? SimulatedPairs.Default);
        var byKey = groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
        return LifecycleModel.Start(groups.Where(g => g.Site == SimulatedPairs.SiteB).Select(b =>
        {
            var a = byKey[b.Peer!];
            return new LifecyclePair(
                LifecycleSide.Of(ReplicationGroupId.Of(b.FaultDomainId, b.DeviceGroupId), b.State, changeable: true, promoteCapable: true),
                LifecycleSide.Of(ReplicationGroupId.Of(a.FaultDomainId, a.DeviceGroupId), a.State, changeable: true));
        }));
    }

    /// <summary>One site: each group alone, its twin not observed.</summary>
    public static LifecycleModel OneSite(params (string Name, string State)[] groups) =>
        LifecycleModel.Start(groups.Select(g => new LifecyclePair(LifecycleSide.Of(ReplicationGroupId.Of("fd-B", g.Name), g.State, changeable: true, promoteCapable: true), null)));

    /// <summary>The index of the pair whose group at B is <paramref name="name"/>.</summary>
    public static int Pair(LifecycleModel model, string name) => model.Pairs.Select((p, i) => (p, i)).Single(x => x.p.Tested?.Name == name).i;
}
