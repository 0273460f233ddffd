using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.QueryReplicationPeer;

/// <summary>The bodies of the QueryReplicationPeer checks; each only reads.</summary>
internal static class QueryReplicationPeerChecks
{
    /// <summary>The two-site check's name.</summary>
    public const string TopologyName = "The_peer_site_names_this_site_fault_domain_among_its_targetDomain";

    /// <summary>QRP-ALL-1.</summary>
    public static async Task WithoutIdsReturnsEverySourceDomain(CheckScope s)
    {
        var sources = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).OfType<SourceGroupInfo>().Select(g => g.GroupId?.FaultDomainId?.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var r = await PeersAsync(s, null, "Call QueryReplicationPeer without ids").ConfigureAwait(false);
        if (sources.Count == 0)
        {
            s.Note($"the provider reports no SOURCE group, so no fault domain must be a source domain ({r.Value?.Count ?? 0} returned)");
            return;
        }

        s.Step("Expect every fault domain of a SOURCE group among the source domains", () =>
        {
            var answered = (r.Value ?? []).Select(p => p.SourceDomain?.Id).ToHashSet(StringComparer.Ordinal);
            var missing = sources.Where(d => !answered.Contains(d)).ToList();
            s.Expect(missing.Count == 0, Defect.Result, $"a result for every source fault domain ({string.Join(", ", sources)})", $"source domains [{string.Join(", ", answered)}], without {string.Join(", ", missing)}", r.Call);
        });
    }

    /// <summary>QRP-LEN-1.</summary>
    public static async Task OneResultPerId(CheckScope s)
    {
        var (asked, r) = await KnownAndMadeUpAsync(s).ConfigureAwait(false);
        s.Step("Expect exactly one result per requested fault domain", () =>
        {
            var results = r.Value ?? [];
            var unmatched = asked.Where(d => results.Count(p => p.SourceDomain?.Id == d.Id) != 1).Select(d => d.Id).ToList();
            s.Expect(results.Count == asked.Count && unmatched.Count == 0, Defect.Result, $"{asked.Count} results, one per requested fault domain", $"{results.Count} result(s){(unmatched.Count == 0 ? string.Empty : "; not exactly one for " + string.Join(", ", unmatched))}", r.Call);
        });
    }

    /// <summary>QRP-NF-1.</summary>
    public static async Task UnknownIdGetsNotFound(CheckScope s)
    {
        var unknown = ReadOnlyReads.MadeUpFaultDomain(s);
        var r = await PeersAsync(s, [unknown], $"Call QueryReplicationPeer for made-up fault domain {unknown.Id}").ConfigureAwait(false);
        s.Step("Expect a result whose error holds NotFound", () =>
        {
            var entry = (r.Value ?? []).FirstOrDefault(p => p.SourceDomain?.Id == unknown.Id);
            s.Expect(entry?.Error?.Any(f => f.IsA("NotFound")) == true, Defect.Result, $"a result for {unknown.Id} whose error holds NotFound", entry is null ? "no result for it" : $"error {ReadOnlyReads.Names(entry.Error)}", r.Call);
        });
    }

    /// <summary>QRP-DUP-1.</summary>
    public static async Task RepeatedIdGetsDuplicateEntry(CheckScope s)
    {
        var known = await KnownDomainAsync(s).ConfigureAwait(false);
        var r = await PeersAsync(s, [known, known], $"Call QueryReplicationPeer for {known.Id} twice").ConfigureAwait(false);
        s.Step("Expect DuplicateEntry for the repeat", () =>
        {
            var results = r.Value ?? [];
            s.Expect(results.Any(p => p.Error?.Any(f => f.IsA("DuplicateEntry")) == true), Defect.Result, $"a result holding DuplicateEntry for the repeat of {known.Id}", $"{results.Count} result(s), errors {string.Join("; ", results.Select(p => ReadOnlyReads.Names(p.Error)))}", r.Call);
        });
    }

    /// <summary>QRP-RES-1.</summary>
    public static Task ErrorWhenNoTargetDomain(CheckScope s) => EveryResultAsync(s, (p, call) =>
        s.Expect(p.TargetDomain is { Count: > 0 } || p.Error is { Count: > 0 }, Defect.Result, $"error set on the result for {p.SourceDomain?.Id}, which has no targetDomain", "neither targetDomain nor error", call));

    /// <summary>QRP-RES-2.</summary>
    public static Task NoErrorWithTargetDomain(CheckScope s) => EveryResultAsync(s, (p, call) =>
        s.Expect(p.TargetDomain is not { Count: > 0 } || p.Error is not { Count: > 0 }, Defect.Result, $"no error on the result for {p.SourceDomain?.Id}, which has targetDomain", $"targetDomain and error {ReadOnlyReads.Names(p.Error)}", call));

    /// <summary>QRP-TOPO-1.</summary>
    public static async Task PeerTargetsThisSite(CheckScope s)
    {
        var peer = ReadOnlyReads.Peer(s);
        var targets = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).OfType<TargetGroupInfo>().ToList();
        var client = s.Watch(peer.Client);
        var r = await s.StepAsync($"Call QueryReplicationPeer without ids at the peer site ({peer.Provider.Value})", async () =>
        {
            var answer = await ProviderCalls.CallAsync(s, "QueryReplicationPeer", () => client.QueryReplicationPeerAsync(peer.Provider, null), underTest: false).ConfigureAwait(false);
            ReadOnlyReads.ExpectValue(s, answer, "QueryReplicationPeerResult[] from the peer site");
            return answer;
        }).ConfigureAwait(false);
        s.Step("Expect each peer source domain of this site's target groups to name their fault domain", () =>
        {
            var bySource = (r.Value ?? []).Where(p => p.SourceDomain?.Id is not null).GroupBy(p => p.SourceDomain!.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var checkedLinks = 0;
            foreach (var target in targets)
            {
                if (target.SourceInfo?.SourceGroupId?.FaultDomainId?.Id is { } source && bySource.TryGetValue(source, out var result) && target.GroupId?.FaultDomainId?.Id is { } here)
                {
                    checkedLinks++;
                    s.Expect((result.TargetDomain ?? []).Any(d => d.Id == here), Defect.Result, $"the peer's source domain {source} to name {here}, the fault domain of its target group {target.GroupId}, among its targetDomain", $"targetDomain [{string.Join(", ", (result.TargetDomain ?? []).Select(d => d.Id))}]", r.Call);
                }
            }

            s.Require(checkedLinks > 0, "no target group of this site names a source fault domain the peer reports: is the peer the replication partner of the provider under test?");
            s.Note($"{checkedLinks} target group(s) checked against the peer's QueryReplicationPeer");
        });
    }

    private static Task<ProviderResult<List<QueryReplicationPeerResult>>> PeersAsync(CheckScope s, IReadOnlyList<FaultDomainId>? ids, string step) =>
        s.StepAsync(step, async () =>
        {
            var r = await ProviderCalls.CallAsync(s, QueryReplicationPeerCatalogue.Feature, () => s.Client.QueryReplicationPeerAsync(s.Target.Provider, ids)).ConfigureAwait(false);
            ReadOnlyReads.ExpectValue(s, r, "QueryReplicationPeerResult[]");
            return r;
        });

    /// <summary>A fault domain of the provider: a source domain from QueryReplicationPeer, else a group's fault domain.</summary>
    private static async Task<FaultDomainId> KnownDomainAsync(CheckScope s)
    {
        var all = await PeersAsync(s, null, "Call QueryReplicationPeer without ids").ConfigureAwait(false);
        var id = (all.Value ?? []).Select(p => p.SourceDomain?.Id).OfType<string>().FirstOrDefault();
        s.Require(id is not null, "QueryReplicationPeer without ids named no source fault domain");
        return new FaultDomainId { Id = id };
    }

    private static async Task<(List<FaultDomainId> Asked, ProviderResult<List<QueryReplicationPeerResult>> Answer)> KnownAndMadeUpAsync(CheckScope s)
    {
        List<FaultDomainId> asked = [await KnownDomainAsync(s).ConfigureAwait(false), ReadOnlyReads.MadeUpFaultDomain(s)];
        var r = await PeersAsync(s, asked, $"Call QueryReplicationPeer for {string.Join(", ", asked.Select(d => d.Id))}").ConfigureAwait(false);
        return (asked, r);
    }

    /// <summary>Judges every result of the answers without ids and with a known and a made-up fault domain.</summary>
    private static async Task EveryResultAsync(CheckScope s, Action<QueryReplicationPeerResult, ProviderCall> judge)
    {
        var all = await PeersAsync(s, null, "Call QueryReplicationPeer without ids").ConfigureAwait(false);
        var (_, some) = await KnownAndMadeUpAsync(s).ConfigureAwait(false);
        s.Step("Judge every result", () =>
        {
            foreach (var (answer, call) in new[] { (all.Value, all.Call), (some.Value, some.Call) })
            {
                foreach (var p in answer ?? [])
                {
                    judge(p, call);
                }
            }
        });
    }
}
