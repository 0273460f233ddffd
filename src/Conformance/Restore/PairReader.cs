using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Lifecycle;
using Conformance.Targets;
using Harness.Wire;
using Harness.Wire.Groups;

namespace Conformance.Restore;

/// <summary>
/// Reads replication pairs for round trips. A group is followed across id changes (a reversal may give it a new
/// deviceGroupId, replication-lifecycle.md §3) by what the run knows of its renames, by its twin's replica and source
/// links, and by its fault domain and name; never by its old id alone.
/// </summary>
internal static class PairReader
{
    /// <summary>The site under test of a check's scope (its root target) and the site <paramref name="s"/> calls.</summary>
    public static LifecycleSite SiteOf(CheckScope s) => ReferenceEquals(s.Target, s.Home) ? LifecycleSite.Tested : LifecycleSite.Peer;

    /// <summary>The scope that calls <paramref name="site"/> of the pair; null when the profile has no peer.</summary>
    public static CheckScope? ScopeAt(CheckScope home, LifecycleSite site) =>
        site == LifecycleSite.Tested ? home : home.Target.PeerSide is { } peer ? home.At(peer) : null;

    /// <summary>
    /// The pair of <paramref name="id"/> (a group at <paramref name="s"/>'s site) as it reads now: the group, and its
    /// twin at the other site. An id a reversal of the run retired names the group it became; an id the provider does
    /// not know has no pair (null: nothing of it to restore).
    /// </summary>
    public static async Task<PairSnapshot?> ReadAroundAsync(CheckScope s, ReplicationGroupId id)
    {
        var home = s.At(s.Home);
        var site = SiteOf(s);
        var candidates = new List<ReplicationGroupId> { id };
        candidates.AddRange(Descendants(s.Target, id.Key));
        if (await FirstAsync(s, candidates, $"Read {id} and its twin before changing them (for the restore)").ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var info = found.Info;
        id = found.Id;
        var mine = Snapshot(s.Target, id, info);
        GroupSnapshot? twin = null;
        if (ScopeAt(home, LifecycleModel.Other(site)) is { } other && LifecycleDiscovery.Links(info).ToList() is { Count: > 0 } links)
        {
            var (twins, _) = await LifecycleSteps.ReadGroupsAsync(other, links, $"Read the twin of {id} at the other site").ConfigureAwait(false);
            if (links.FirstOrDefault(l => twins.ContainsKey(l.Key)) is { } link)
            {
                twin = Snapshot(other.Target, link, twins[link.Key]);
            }
        }

        return site == LifecycleSite.Tested ? new PairSnapshot(mine, twin) : new PairSnapshot(twin, mine);
    }

    /// <summary>The pair <paramref name="was"/> as it reads now, each side followed across id changes.</summary>
    public static async Task<PairSnapshot> ReadAgainAsync(CheckScope home, PairSnapshot was)
    {
        var found = new Dictionary<LifecycleSite, (ConformanceTarget Site, ReplicationGroupId Id, GroupInfo Info)?>();
        foreach (var site in LifecycleModel.Sites)
        {
            found[site] = was.At(site) is { } side && ScopeAt(home, site) is { } scope ? await ByKnownIdsAsync(scope, side).ConfigureAwait(false) : null;
        }

        foreach (var site in LifecycleModel.Sites)
        {
            if (found[site] is not null || was.At(site) is not { } side || ScopeAt(home, site) is not { } scope)
            {
                continue;
            }

            // The twin's links name it; else its fault domain and name.
            var links = found[LifecycleModel.Other(site)] is { } twin ? LifecycleDiscovery.Links(twin.Info).ToList() : [];
            found[site] = (links.Count > 0 ? await FirstAsync(scope, links, $"Follow the twin's links to {side.Origin}").ConfigureAwait(false) : null)
                ?? await ByNameAsync(scope, side).ConfigureAwait(false);
        }

        GroupSnapshot? Now(LifecycleSite site) => was.At(site) is not { } side ? null
            : found[site] is { } f ? Snapshot(f.Site, f.Id, f.Info) with { Origin = side.Origin }
            : side with { State = null };
        return new PairSnapshot(Now(LifecycleSite.Tested), Now(LifecycleSite.Peer));
    }

    /// <summary>
    /// The allowlist entry a group descends from at <paramref name="site"/>: itself when allowlisted, else the entry the
    /// run renamed to it, else the group a reversal of the run made it from (followed back); else its own key.
    /// </summary>
    public static string OriginOf(ConformanceTarget site, ReplicationGroupId id)
    {
        var key = id.Key;
        for (var hops = 0; hops < 32; hops++)
        {
            if (site.DeclaredAllowlist.Any(d => d.Key == key))
            {
                return key;
            }

            if (site.Renames.FirstOrDefault(r => r.Value.Key == key) is { Key: { } renamedFrom })
            {
                return renamedFrom;
            }

            if (!site.CreatedGroups.TryGetValue(key, out var from))
            {
                break;
            }

            key = from;
        }

        return id.Key;
    }

    /// <summary>Remembers that <paramref name="origin"/> now goes by <paramref name="id"/> at <paramref name="site"/> (an allowlisted origin only), so later checks and calls find it.</summary>
    public static void Follow(ConformanceTarget site, string origin, ReplicationGroupId id)
    {
        if (site.DeclaredAllowlist.FirstOrDefault(d => d.Key == origin) is { } declared)
        {
            if (declared.Key == id.Key)
            {
                site.Renames.TryRemove(origin, out _);
            }
            else
            {
                site.Renames[origin] = id;
            }
        }
    }

    private static async Task<(ConformanceTarget Site, ReplicationGroupId Id, GroupInfo Info)?> ByKnownIdsAsync(CheckScope s, GroupSnapshot side)
    {
        var candidates = new List<ReplicationGroupId>();
        if (s.Target.Renames.TryGetValue(side.Origin, out var renamed))
        {
            candidates.Add(renamed);
        }

        candidates.AddRange(Descendants(s.Target, side.Key));
        candidates.Add(side.Id);
        return await FirstAsync(s, candidates.DistinctBy(c => c.Key).ToList(), $"Find {side.Origin} again (by the ids the run knows for it)").ConfigureAwait(false);
    }

    private static async Task<(ConformanceTarget Site, ReplicationGroupId Id, GroupInfo Info)?> FirstAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> candidates, string step)
    {
        var (infos, _) = await LifecycleSteps.ReadGroupsAsync(s, candidates, step).ConfigureAwait(false);
        return candidates.FirstOrDefault(c => infos.ContainsKey(c.Key)) is { } hit ? (s.Target, hit, infos[hit.Key]) : null;
    }

    private static async Task<(ConformanceTarget Site, ReplicationGroupId Id, GroupInfo Info)?> ByNameAsync(CheckScope s, GroupSnapshot side)
    {
        if (side.Name is not { Length: > 0 } name)
        {
            return null;
        }

        var infos = await s.StepAsync($"Find {side.Origin} again by its fault domain {side.FaultDomainId} and name {name}", () => AllowlistResolver.AllGroupsAsync(s.Client, s.Target.Provider, new HashSet<string?> { side.FaultDomainId }, s.Target.Stopping)).ConfigureAwait(false);
        var match = infos.FirstOrDefault(i => i.GroupId?.FaultDomainId?.Id == side.FaultDomainId && NameOf(i) == name);
        return match?.GroupId is { } id ? (s.Target, id, match) : null;
    }

    /// <summary>The groups the run's reversals made from <paramref name="key"/>, the newest first.</summary>
    private static IEnumerable<ReplicationGroupId> Descendants(ConformanceTarget site, string key)
    {
        var chain = new List<string>();
        var current = key;
        while (chain.Count < 32 && site.CreatedGroups.FirstOrDefault(c => c.Value == current && !chain.Contains(c.Key)) is { Key: { } next })
        {
            chain.Add(next);
            current = next;
        }

        return chain.AsEnumerable().Reverse().Select(ReplicationGroupId.FromKey);
    }

    private static GroupSnapshot Snapshot(ConformanceTarget site, ReplicationGroupId id, GroupInfo? info) =>
        GroupSnapshot.Of(id, info?.CurrentState, info is null ? null : NameOf(info), OriginOf(site, id));

    /// <summary>A group's name: SourceGroupInfo.name, or TargetGroupInfo.name (since 8.0.2); null when not reported.</summary>
    public static string? NameOf(GroupInfo info) => (info as SourceGroupInfo)?.Name ?? (info as TargetGroupInfo)?.Name;
}
