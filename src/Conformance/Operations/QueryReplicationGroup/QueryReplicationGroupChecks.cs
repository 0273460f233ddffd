using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.QueryReplicationGroup;

/// <summary>The bodies of the QueryReplicationGroup checks; each only reads.</summary>
internal static class QueryReplicationGroupChecks
{
    /// <summary>The two-site check's name.</summary>
    public const string TopologyName = "Source_and_target_groups_point_at_each_other_across_the_two_sites";

    /// <summary>The most allowlisted ids asked for by id, to compare with the answer without ids.</summary>
    private const int Sample = 16;

    /// <summary>QRG-ALL-1: every allowlisted group the provider describes when asked by id is in the answer without ids (a group the suite reversed earlier in the run no longer is).</summary>
    public static async Task WithoutIdsReturnsEveryGroup(CheckScope s)
    {
        var sample = s.Target.Allowlist.Take(Sample).ToList();
        var held = new List<string>();
        if (sample.Count > 0)
        {
            var byId = await ReadOnlyReads.QueryGroupsAsync(s, sample, $"Call QueryReplicationGroup for {sample.Count} allowlisted group(s)").ConfigureAwait(false);
            held = (byId.Value ?? []).Where(r => r is not GroupErrorResult).Select(r => r.GroupId?.Key).OfType<string>().ToList();
        }

        var all = await ReadOnlyReads.QueryGroupsAsync(s, null, "Call QueryReplicationGroup without ids").ConfigureAwait(false);
        var results = all.Value ?? [];
        s.Step("Expect every entry to be of one kind, and no GroupErrorResult", () =>
        {
            var errors = results.OfType<GroupErrorResult>().Select(r => r.GroupId?.Key).ToList();
            s.Expect(errors.Count == 0, Defect.Result, "every group of the provider, with no GroupErrorResult", $"GroupErrorResult for {string.Join(", ", errors)}", all.Call);
            var described = results.Count(r => r is QueryReplicationGroupSuccessResult);
            s.Expect(described == 0 || described == results.Count, Defect.Result, "only bare GroupOperationResult entries or only QueryReplicationGroupSuccessResult entries (never a hybrid list)", $"{described} described of {results.Count}", all.Call);
        });
        s.Step("Expect every group found by id among the answer", () =>
        {
            var keys = results.Select(r => r.GroupId?.Key).ToHashSet(StringComparer.Ordinal);
            var missing = held.Where(k => !keys.Contains(k)).ToList();
            s.Note(sample.Count == 0 ? $"no allowlist to compare with: {results.Count} group(s) returned" : $"{held.Count} of {sample.Count} allowlisted group(s) found by id, all compared");
            s.Expect(missing.Count == 0, Defect.Result, "all of the provider's groups, every group it describes when asked by id included", $"{results.Count} group(s), without {string.Join(", ", missing)}", all.Call);
        });
    }

    /// <summary>QRG-LEN-1.</summary>
    public static async Task OneResultPerId(CheckScope s)
    {
        var known = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).Select(i => i.GroupId).OfType<ReplicationGroupId>().Take(2).ToList();
        List<ReplicationGroupId> asked = [.. known, s.Target.NonexistentGroup("qrg-len")];
        var r = await ReadOnlyReads.QueryGroupsAsync(s, asked, $"Call QueryReplicationGroup for {string.Join(", ", asked)}").ConfigureAwait(false);
        s.Step("Expect exactly one result per requested id", () =>
        {
            var results = r.Value ?? [];
            var unmatched = asked.Where(g => results.Count(x => x.GroupId?.Key == g.Key) != 1).Select(g => g.Key).ToList();
            s.Expect(results.Count == asked.Count && unmatched.Count == 0, Defect.Result, $"{asked.Count} results, one per requested id", $"{results.Count} result(s){(unmatched.Count == 0 ? string.Empty : "; not exactly one for " + string.Join(", ", unmatched))}", r.Call);
        });
    }

    /// <summary>QRG-NF-1.</summary>
    public static async Task UnknownIdGetsNotFound(CheckScope s)
    {
        var unknown = s.Target.NonexistentGroup("qrg-nf");
        var r = await ReadOnlyReads.QueryGroupsAsync(s, [unknown], $"Call QueryReplicationGroup for made-up group {unknown}").ConfigureAwait(false);
        s.Step("Expect a GroupErrorResult holding NotFound", () =>
        {
            var entry = (r.Value ?? []).FirstOrDefault(x => x.GroupId?.Key == unknown.Key);
            var error = entry as GroupErrorResult;
            s.Expect(error?.Error?.Any(f => f.IsA("NotFound")) == true, Defect.Result, $"a GroupErrorResult for {unknown} whose error holds NotFound", entry is null ? "no result for it" : $"{entry.TypeName} with {ReadOnlyReads.Names(error?.Error)}", r.Call);
        });
    }

    /// <summary>QRG-DUP-1.</summary>
    public static async Task RepeatedIdGetsDuplicateEntry(CheckScope s)
    {
        var group = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).Select(i => i.GroupId).OfType<ReplicationGroupId>().FirstOrDefault();
        s.Require(group is not null, "the provider reports no group to repeat");
        var r = await ReadOnlyReads.QueryGroupsAsync(s, [group!, group!], $"Call QueryReplicationGroup for {group} twice").ConfigureAwait(false);
        s.Step("Expect DuplicateEntry for the repeat", () =>
        {
            var results = r.Value ?? [];
            var flagged = results.OfType<GroupErrorResult>().Any(e => e.Error?.Any(f => f.IsA("DuplicateEntry")) == true);
            s.Expect(flagged, Defect.Result, $"a GroupErrorResult holding DuplicateEntry for the repeat of {group}", $"{results.Count} result(s): {string.Join(", ", results.Select(x => x.TypeName))}", r.Call);
        });
    }

    /// <summary>QRG-RES-1.</summary>
    public static async Task EachGroupHasALegalInfo(CheckScope s)
    {
        var all = await ReadOnlyReads.QueryGroupsAsync(s, null, "Call QueryReplicationGroup without ids").ConfigureAwait(false);
        var described = (all.Value ?? []).OfType<QueryReplicationGroupSuccessResult>().ToList();
        if (described.Count == 0)
        {
            s.NotExercised("the provider described no group (no groups, or bare ids only)");
        }

        s.Step("Expect each rgInfo to be a SourceGroupInfo or TargetGroupInfo in a ReplicationReplicationState", () =>
        {
            foreach (var result in described)
            {
                var state = result.RgInfo switch
                {
                    SourceGroupInfo source => source.State,
                    TargetGroupInfo target => target.State,
                    _ => null,
                };
                s.Expect(result.RgInfo is SourceGroupInfo or TargetGroupInfo, Defect.Result, $"rgInfo of {result.GroupId} to be a SourceGroupInfo or TargetGroupInfo", result.RgInfo?.TypeName ?? "no rgInfo", all.Call);
                s.Expect(state is not null && ReplicationState.All.Contains(state), Defect.Result, $"the state of {result.GroupId} to be one of {string.Join(", ", ReplicationState.All)}", $"'{state}'", all.Call);
            }
        });
    }

    /// <summary>QRG-TOPO-1.</summary>
    public static async Task SitesPointAtEachOther(CheckScope s)
    {
        var peer = ReadOnlyReads.Peer(s);
        var ours = await ReadOnlyReads.QueryGroupsAsync(s, null, "Call QueryReplicationGroup without ids at the site under test").ConfigureAwait(false);
        var theirs = await ReadOnlyReads.QueryPeerGroupsAsync(s, peer).ConfigureAwait(false);
        s.Step("Expect every cross-site link to be named from both ends", () =>
        {
            var links = 0;
            foreach (var (here, there, evidence) in new[] { (ours, theirs, theirs.Call), (theirs, ours, ours.Call) })
            {
                var remote = Infos(there.Value);
                foreach (var info in Infos(here.Value).Values)
                {
                    switch (info)
                    {
                        case SourceGroupInfo source:
                            foreach (var target in (source.Replica ?? []).Select(t => t.TargetGroupId).OfType<ReplicationGroupId>().Where(t => remote.ContainsKey(t.Key)))
                            {
                                links++;
                                var back = remote[target.Key] as TargetGroupInfo;
                                s.Expect(back?.SourceInfo?.SourceGroupId?.Key == source.GroupId?.Key, Defect.Result, $"{target}, a replica of {source.GroupId}, to name {source.GroupId} as its sourceInfo", back is null ? $"{remote[target.Key].TypeName}" : $"sourceInfo {back.SourceInfo?.SourceGroupId?.Key ?? "(none)"}", evidence);
                            }

                            break;
                        case TargetGroupInfo target when target.SourceInfo?.SourceGroupId is { } sourceId && sourceId.FaultDomainId?.Id is { } domain && remote.Values.Any(g => g.GroupId?.FaultDomainId?.Id == domain):
                            links++;
                            var listed = remote.GetValueOrDefault(sourceId.Key) is SourceGroupInfo src && (src.Replica ?? []).Any(t => t.TargetGroupId?.Key == target.GroupId?.Key);
                            s.Expect(listed, Defect.Result, $"{sourceId}, the source {target.GroupId} names, to be a SourceGroupInfo at the other site listing {target.GroupId} as a replica", remote.ContainsKey(sourceId.Key) ? $"{remote[sourceId.Key].TypeName} without that replica" : "no such group at the other site", evidence);
                            break;
                    }
                }
            }

            s.Require(links > 0, "no replication link between the two sites' groups: is the peer the replication partner of the provider under test?");
            s.Note($"{links} cross-site link(s) checked from both ends");
        });
    }

    private static Dictionary<string, GroupInfo> Infos(List<GroupOperationResult>? results) =>
        (results ?? []).OfType<QueryReplicationGroupSuccessResult>().Select(r => r.RgInfo).OfType<GroupInfo>().Where(i => i.GroupId is not null)
            .GroupBy(i => i.GroupId!.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
