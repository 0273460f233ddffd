using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Restore;

/// <summary>
/// At the start of a run against a real provider: finds each allowlisted group the provider no longer knows by its id
/// under the id it goes by now. A reversal may give a group a new deviceGroupId (replication-lifecycle.md §3), so an
/// earlier run's round trips can leave a lab group, back in its state and orientation, under a new id; it is found by
/// its fault domain and its name (SourceGroupInfo.name, TargetGroupInfo.name since 8.0.2), which is taken to be the
/// allowlisted deviceGroupId, and followed for the rest of the run (<see cref="ConformanceTarget.Renames"/>).
/// </summary>
internal static class AllowlistResolver
{
    /// <summary>Follows every allowlisted group of <paramref name="site"/> that moved; returns a note per group moved or missing.</summary>
    public static async Task<IReadOnlyList<string>> ResolveAsync(ConformanceTarget site, string label, CancellationToken ct)
    {
        var (moved, notes) = await FindAsync(site.Client, site.Provider, site.DeclaredAllowlist, label, ct).ConfigureAwait(false);
        foreach (var (entry, now) in moved)
        {
            site.Renames[entry] = now;
        }

        return notes;
    }

    /// <summary>
    /// The allowlist entries the provider no longer knows by their id, each with the id it goes by now (by its fault
    /// domain and name), and a note per entry moved or missing.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, ReplicationGroupId> Moved, IReadOnlyList<string> Notes)> FindAsync(SmsClient client, ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId> declared, string label, CancellationToken ct)
    {
        var moved = new Dictionary<string, ReplicationGroupId>(StringComparer.Ordinal);
        if (declared.Count == 0)
        {
            return (moved, []);
        }

        var read = await client.QueryReplicationGroupAsync(provider, declared, ct).ConfigureAwait(false);
        if (!read.IsValue || read.Value is null)
        {
            // The checks read the allowlist themselves and report what is wrong.
            return (moved, []);
        }

        var known = read.Value.OfType<QueryReplicationGroupSuccessResult>().Where(q => q.RgInfo is not null).Select(q => q.GroupId?.Key).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Where(d => !known.Contains(d.Key)).ToList();
        if (missing.Count == 0)
        {
            return (moved, []);
        }

        var infos = await AllGroupsAsync(client, provider, missing.Select(m => m.FaultDomainId?.Id).ToHashSet(StringComparer.Ordinal), ct).ConfigureAwait(false);
        var notes = new List<string>();
        var taken = declared.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in missing)
        {
            var match = infos.FirstOrDefault(i => i.GroupId?.FaultDomainId?.Id == entry.FaultDomainId?.Id && PairReader.NameOf(i) == entry.DeviceGroupId?.Id && !taken.Contains(i.GroupId!.Key));
            if (match?.GroupId is { } now)
            {
                taken.Add(now.Key);
                moved[entry.Key] = now;
                notes.Add($"{label} allowlist: {entry} goes by {now} now (found by its fault domain and name; a reversal gave it a new id); the run follows it");
            }
            else
            {
                notes.Add($"{label} allowlist: the provider does not know {entry}, and no group of {entry.FaultDomainId?.Id} is named {entry.DeviceGroupId?.Id}: checks that need it are inconclusive; run ./run.sh restore with the last run's journal, or correct the profile's groups");
            }
        }

        return (moved, notes);
    }

    /// <summary>Every group of the fault domains named, with its info (an "all groups" answer may carry ids only; those are read by id).</summary>
    public static async Task<List<GroupInfo>> AllGroupsAsync(SmsClient client, ManagedObjectReference provider, IReadOnlySet<string?> faultDomains, CancellationToken ct)
    {
        var all = await client.QueryReplicationGroupAsync(provider, null, ct).ConfigureAwait(false);
        var results = all.IsValue ? all.Value ?? [] : [];
        var infos = Infos(results);
        if (infos.Count == 0)
        {
            var ids = results.Select(r => r.GroupId).OfType<ReplicationGroupId>().Where(i => faultDomains.Contains(i.FaultDomainId?.Id)).ToList();
            if (ids.Count > 0 && await client.QueryReplicationGroupAsync(provider, ids, ct).ConfigureAwait(false) is { IsValue: true, Value: { } detailed })
            {
                infos = Infos(detailed);
            }
        }

        return infos;
    }

    private static List<GroupInfo> Infos(IEnumerable<GroupOperationResult> results) =>
        [.. results.OfType<QueryReplicationGroupSuccessResult>().Where(q => q.RgInfo is not null).Select(q =>
        {
            q.RgInfo!.GroupId ??= q.GroupId;
            return q.RgInfo;
        })];
}
