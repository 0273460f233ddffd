using Conformance.Checks;
using Conformance.Targets;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Lifecycle;

/// <summary>
/// Finds the replication pairs the model runs on, through QueryReplicationGroup's links only (never by name): a
/// TargetGroupInfo's sourceInfo.sourceGroupId and a SourceGroupInfo's replica[].targetGroupId name the twin at the
/// other site. Every allowlisted group of the site under test is a pair's group there; with a peer, its twin is read at
/// the peer (and may be changed when the peer's allowlist names it), and every allowlisted peer group no pair holds
/// stands alone. Without a peer each allowlisted group stands alone, its twin not observed.
/// </summary>
internal static class LifecycleDiscovery
{
    /// <summary>The pairs, each side in the state it reads now.</summary>
    public static async Task<IReadOnlyList<LifecyclePair>> DiscoverAsync(CheckScope s, ConformanceTarget? peer)
    {
        var tested = await ReadInfosAsync(s, s.Target.Allowlist, $"Discover the pairs: QueryReplicationGroup for the {s.Target.Allowlist.Count} allowlisted group(s) at B").ConfigureAwait(false);
        if (peer is null)
        {
            return tested.Select(info => new LifecyclePair(Side(s.Target, info), null)).ToList();
        }

        var twins = tested.Select(Links).SelectMany(l => l).ToList();
        var askPeer = peer.Allowlist.Concat(twins).DistinctBy(g => g.Key).ToList();
        var remote = await ReadInfosAsync(s.At(peer), askPeer, $"Discover the pairs: QueryReplicationGroup for {askPeer.Count} group(s) at A (its allowlist and the twins B names)").ConfigureAwait(false);
        var byKey = remote.ToDictionary(i => i.GroupId!.Key, StringComparer.Ordinal);
        var paired = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<LifecyclePair>();
        foreach (var info in tested)
        {
            // The twin B names at A, else a group at A that names this one.
            var twin = Links(info).Select(l => byKey.GetValueOrDefault(l.Key)).FirstOrDefault(t => t is not null && !paired.Contains(t.GroupId!.Key))
                ?? remote.FirstOrDefault(r => !paired.Contains(r.GroupId!.Key) && Links(r).Any(l => l.Key == info.GroupId!.Key));
            if (twin is not null)
            {
                paired.Add(twin.GroupId!.Key);
            }

            pairs.Add(new LifecyclePair(Side(s.Target, info), twin is null ? null : Side(peer, twin)));
        }

        pairs.AddRange(remote.Where(r => !paired.Contains(r.GroupId!.Key) && peer.MayChange(r.GroupId!)).Select(r => new LifecyclePair(null, Side(peer, r))));
        return pairs;
    }

    /// <summary>The groups <paramref name="info"/> names at the other site: its source, or its replicas.</summary>
    public static IEnumerable<ReplicationGroupId> Links(GroupInfo info) => info switch
    {
        TargetGroupInfo { SourceInfo.SourceGroupId: { } source } => [source],
        SourceGroupInfo { Replica: { } replicas } => replicas.Select(r => r.TargetGroupId).OfType<ReplicationGroupId>(),
        _ => [],
    };

    /// <summary>What a group's info says, as the model reads it.</summary>
    public static LifecycleReading ReadingOf(GroupInfo info) => new(info.CurrentState)
    {
        PromoteCapable = (info as TargetGroupInfo)?.IsPromoteCapable,
        SourceGroupId = (info as TargetGroupInfo)?.SourceInfo?.SourceGroupId,
    };

    private static LifecycleSide Side(ConformanceTarget site, GroupInfo info)
    {
        var reading = ReadingOf(info);
        var side = LifecycleSide.Of(info.GroupId!, reading.State, site.MayChange(info.GroupId!), reading.PromoteCapable);

        // A group a reversal made (this run's, or an earlier run's round trip, found again under its new id): asking to
        // reverse it again may be answered as the repeat it is (AlreadyDone).
        var key = info.GroupId!.Key;
        return site.CreatedGroups.ContainsKey(key) || site.Renames.Values.Any(r => r.Key == key)
            ? side with { Done = side.Done.Add(Operations.VasaProviderOperations.Reverse.Name) }
            : side;
    }

    private static Task<List<GroupInfo>> ReadInfosAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> ids, string step) =>
        s.StepAsync(step, async () =>
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var r = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, ids), underTest: false).ConfigureAwait(false);
            s.Require(r.IsValue && r.Value is not null, $"could not read the groups with QueryReplicationGroup: {r.Describe()}");
            var wanted = ids.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            return r.Value!.OfType<QueryReplicationGroupSuccessResult>()
                .Where(q => q.GroupId is { } id && wanted.Contains(id.Key) && q.RgInfo is not null)
                .Select(q =>
                {
                    // The info's own groupId may be missing: the result's names the group asked for.
                    q.RgInfo!.GroupId ??= q.GroupId;
                    return q.RgInfo;
                })
                .DistinctBy(i => i.GroupId!.Key)
                .ToList();
        });
}
