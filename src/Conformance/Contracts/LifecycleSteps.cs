using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Contracts;

/// <summary>The reads the lifecycle checks share: groups with their info at one site, and a group's twin at the other.</summary>
internal static class LifecycleSteps
{
    /// <summary>Reads <paramref name="groups"/> at the scope's site with QueryReplicationGroup: each group's info (absent when the provider does not know it) and the exchange.</summary>
    public static Task<(Dictionary<string, GroupInfo> Infos, ProviderCall? Call)> ReadGroupsAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> groups, string stepName) =>
        s.StepAsync(stepName, async () =>
        {
            var infos = new Dictionary<string, GroupInfo>(StringComparer.Ordinal);
            if (groups.Count == 0)
            {
                return (infos, (ProviderCall?)null);
            }

            var query = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, groups), underTest: false).ConfigureAwait(false);
            s.Require(query.IsValue && query.Value is not null, $"could not read the groups with QueryReplicationGroup: {query.Describe()}");
            foreach (var result in query.Value!)
            {
                if (result is QueryReplicationGroupSuccessResult { GroupId: { } id, RgInfo: { } info })
                {
                    infos[id.Key] = info;
                }
            }

            return (infos, (ProviderCall?)query.Call);
        });

    /// <summary>The group's twin at the other site: a source's first replica, a target's source; null when the info names none.</summary>
    public static ReplicationGroupId? TwinOf(GroupInfo? info) => info switch
    {
        SourceGroupInfo source => source.Replica?.FirstOrDefault()?.TargetGroupId,
        TargetGroupInfo target => target.SourceInfo?.SourceGroupId,
        _ => null,
    };

    /// <summary>Whether the refusal's faults name the expected one, or are whole-call faults of that type.</summary>
    public static MethodFault? FaultOfType(IEnumerable<MethodFault> faults, string type) => faults.FirstOrDefault(f => f.IsA(type));

    /// <summary>The twin of <paramref name="group"/> at the other site and its state now, when there is a peer.</summary>
    public static async Task<(CheckScope Site, ReplicationGroupId Twin, string? State)?> TwinBeforeAsync(CheckScope site, ReplicationGroupId group)
    {
        if (site.Target.PeerSide is not { } peer)
        {
            return null;
        }

        var here = await LifecycleSteps.ReadGroupsAsync(site, [group], $"Read {group} and the twin it names").ConfigureAwait(false);
        if (LifecycleSteps.TwinOf(here.Infos.GetValueOrDefault(group.Key)) is not { } twin)
        {
            return null;
        }

        var there = site.At(peer);
        var states = await OperationSteps.ReadStatesAsync(there, [twin], $"Read the twin {twin} at the other site").ConfigureAwait(false);
        return (there, twin, states[twin.Key]);
    }

    /// <summary>Fails unless the twin read by <see cref="TwinBeforeAsync"/> still reads the same.</summary>
    public static async Task ExpectTwinUnchangedAsync(CheckScope site, (CheckScope Site, ReplicationGroupId Twin, string? State)? twin, string when)
    {
        if (twin is not { } t)
        {
            return;
        }

        var after = await OperationSteps.ReadStatesAsync(t.Site, [t.Twin], $"Read the twin {t.Twin} again {when}").ConfigureAwait(false);
        site.Expect(after[t.Twin.Key] == t.State, Defect.Result, $"the twin {t.Twin} at the other site to stay {t.State} {when}", $"it reads {after[t.Twin.Key] ?? "(absent)"}", site.LastCall);
    }
}
