using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// Sites: which provider (in which vCenter) holds which groups and fault domains, and QueryReplicationPeer. In a two-site world each site's fault domains replicate to the other's; in the
/// one-site world a fault domain replicates to an implied <c>{id}-peer</c>, the source the target groups name.
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>The release named in the URL of the request being answered.</summary>
    private string? release;

    /// <summary>The sites: one, or A and B.</summary>
    public IReadOnlyList<SimulatedSite> Sites { get; }

    /// <summary>The site of that name.</summary>
    /// <exception cref="InvalidOperationException">There is no such site.</exception>
    public SimulatedSite Site(string name) => this.Sites.Single(s => s.Name == name);

    /// <summary>The current groups the site's provider holds, in model order.</summary>
    public IReadOnlyList<SimulatedGroup> GroupsAt(SimulatedSite site)
    {
        lock (this.gate)
        {
            return this.groups.Values.Where(g => this.Holds(site, g)).ToList();
        }
    }

    /// <summary>The sites the options describe, after checking that every group belongs to one and that pairs point at each other.</summary>
    private static List<SimulatedSite> SitesOf(SimulatedProviderOptions options)
    {
        List<string> DomainsOf(IEnumerable<SimulatedGroup> groups, string fallback)
        {
            var domains = groups.Select(g => g.FaultDomainId).Distinct(StringComparer.Ordinal).ToList();
            return domains.Count == 0 ? [fallback] : domains;
        }

        if (options.Sites == 1)
        {
            return [new SimulatedSite(SimulatedPairs.SiteA, ProviderMoId, 0, DomainsOf(options.Groups, SimulatedPairs.FaultDomainA))];
        }

        if (options.Sites != 2)
        {
            throw new ArgumentException($"Sites must be 1 or 2, not {options.Sites}.", nameof(options));
        }

        var keys = options.Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
        foreach (var g in options.Groups)
        {
            if (g.Site is not (SimulatedPairs.SiteA or SimulatedPairs.SiteB))
            {
                throw new ArgumentException($"{g.Key} names no site; in a two-site world every group is at site A or B.", nameof(options));
            }

            if (g.Peer is not null && !(keys.TryGetValue(g.Peer, out var peer) && peer.Site != g.Site && peer.Peer == g.Key))
            {
                throw new ArgumentException($"{g.Key}'s peer {g.Peer} is not a group at the other site that names it back.", nameof(options));
            }
        }

        var a = options.Groups.Where(g => g.Site == SimulatedPairs.SiteA).ToList();
        var b = options.Groups.Where(g => g.Site == SimulatedPairs.SiteB).ToList();
        var shared = a.Select(g => g.FaultDomainId).Intersect(b.Select(g => g.FaultDomainId), StringComparer.Ordinal).FirstOrDefault();
        if (shared is not null)
        {
            throw new ArgumentException($"Fault domain {shared} is at both sites; each site has its own.", nameof(options));
        }

        return
        [
            new SimulatedSite(SimulatedPairs.SiteA, ProviderMoId, 0, DomainsOf(a, SimulatedPairs.FaultDomainA)),
            new SimulatedSite(SimulatedPairs.SiteB, PeerProviderMoId, options.SameVcenter ? 0 : 1, DomainsOf(b, SimulatedPairs.FaultDomainB)),
        ];
    }

    /// <summary>The site whose provider has this moId and is registered in this vCenter.</summary>
    private SimulatedSite? ProviderAt(string moId, int vcenter) => this.Sites.FirstOrDefault(s => s.ProviderMoId == moId && s.Vcenter == vcenter);

    /// <summary>Whether the site's provider holds the group (in the one-site world it holds every group).</summary>
    private bool Holds(SimulatedSite site, SimulatedGroup group) => this.Sites.Count == 1 || group.Site == site.Name;

    /// <summary>The group, if the site's provider holds it.</summary>
    private bool TryGroupAt(SimulatedSite site, string key, out SimulatedGroup group) =>
        this.groups.TryGetValue(key, out group!) && this.Holds(site, group);

    /// <summary>The fault domains a fault domain of the site replicates to.</summary>
    private List<FaultDomainId> PeerDomains(SimulatedSite site, string faultDomain) =>
        this.Options.Has(Deviation.PeerTargetDomainWrong) ? [new FaultDomainId { Id = "fd-elsewhere" }]
        : this.Sites.Count == 1
            ? [new FaultDomainId { Id = faultDomain + "-peer" }]
            : this.Sites.Where(s => s != site).SelectMany(s => s.FaultDomains).Select(id => new FaultDomainId { Id = id }).ToList();

    /// <summary>QueryReplicationPeer: per source fault domain of the site, its target fault domains; no input means all of them.</summary>
    private SimulatedResponse QueryReplicationPeer(JsonElement root, SimulatedSite site)
    {
        if (!TryReadFaultDomainIds(root, out var ids))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "faultDomainId" }, "faultDomainId must be an array of FaultDomainId, each with an id.");
        }

        if (ids is null || ids.Count == 0)
        {
            var all = site.FaultDomains.Select(fd => new QueryReplicationPeerResult { SourceDomain = new FaultDomainId { Id = fd }, TargetDomain = this.PeerDomains(site, fd), Error = this.BothSet() }).ToList();
            return Json(this.Options.Has(Deviation.PeerQueryReturnsHalf) ? all.Skip(all.Count / 2).ToList() : all);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<QueryReplicationPeerResult>();
        foreach (var id in ids)
        {
            var result = new QueryReplicationPeerResult { SourceDomain = new FaultDomainId { Id = id } };
            if (!seen.Add(id) && !this.Options.Has(Deviation.PeerDuplicateNotFlagged))
            {
                result.Error = [this.Decorate(new DuplicateEntry(), $"{id} is listed more than once.")];
            }
            else if (site.FaultDomains.Contains(id, StringComparer.Ordinal))
            {
                result.TargetDomain = this.PeerDomains(site, id);
                result.Error = this.BothSet();
            }
            else if (!this.Options.Has(Deviation.PeerUnknownDomainWithoutError))
            {
                result.Error = [this.Decorate(new NotFound(), $"No fault domain {id} at this provider.")];
            }

            results.Add(result);
        }

        return Json(this.Options.Has(Deviation.PeerQueryDropsLastResult) ? results[..^1] : results);
    }

    /// <summary>The error a result with targetDomain carries under <see cref="Deviation.PeerErrorAndTargetBothSet"/>; else none.</summary>
    private List<MethodFault>? BothSet() =>
        this.Options.Has(Deviation.PeerErrorAndTargetBothSet) ? [this.Decorate(new QueryExecutionFault(), "Simulated error next to targetDomain.")] : null;

    /// <summary>Reads <c>faultDomainId</c>: absent or null gives null; an entry that is not an object with a string id fails.</summary>
    private static bool TryReadFaultDomainIds(JsonElement root, out List<string>? ids)
    {
        ids = null;
        if (!root.TryGetProperty("faultDomainId", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        ids = [];
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            ids.Add(id.GetString()!);
        }

        return true;
    }
}
