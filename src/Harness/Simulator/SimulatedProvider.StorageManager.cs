using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// The storage manager's views over the providers registered in one vCenter: QueryFaultDomain and
/// QueryReplicationGroupInfo (QueryProvider is answered with discovery).
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>QueryFaultDomain: the root fault domains of the providers registered in this vCenter, or of the one named by uid.</summary>
    private SimulatedResponse QueryFaultDomain(JsonElement root, int vcenter)
    {
        var registered = this.Sites.Where(s => s.Vcenter == vcenter).ToList();
        if (root.TryGetProperty("filter", out var filter) && filter.ValueKind != JsonValueKind.Null)
        {
            var id = filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("providerId", out var given) ? given : default;
            if (filter.ValueKind != JsonValueKind.Object || id.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String or JsonValueKind.Null))
            {
                return this.Fault(new InvalidArgument { InvalidProperty = "filter" }, "filter must be a FaultDomainFilter.");
            }

            if (id.ValueKind == JsonValueKind.String)
            {
                var uid = id.GetString();
                registered = registered.Where(s => s.ProviderUid == uid).ToList();
                if (registered.Count == 0)
                {
                    return this.Fault(new NotFound(), $"No provider with uid '{uid}' is registered.");
                }
            }
        }

        var domains = registered.SelectMany(site => site.FaultDomains.Select(fd => new FaultDomainInfo
        {
            Id = fd,
            Name = fd,
            Description = $"Simulated fault domain at site {site.Name}",
            StorageArrayId = site.StorageArrayId,
            Provider = ManagedObjectReference.Of("VasaProvider", site.ProviderMoId),
        }));
        // Declared FaultDomainId[]: written as data objects, so that each FaultDomainInfo keeps its own fields.
        List<DataObject> answer = [.. domains];
        return Json(this.Options.Has(Deviation.FaultDomainMissing) && answer.Count > 0 ? answer[..^1] : answer);
    }

    /// <summary>QueryReplicationGroupInfo: vCenter routes each group to the provider holding it; one result per entry.</summary>
    private SimulatedResponse QueryReplicationGroupInfo(JsonElement root, int vcenter)
    {
        var filter = root.TryGetProperty("rgFilter", out var given) ? given : default;
        if (filter.ValueKind != JsonValueKind.Object)
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "rgFilter" }, "rgFilter is required.");
        }

        if (!TryReadGroupIds(filter, out var ids, out var problem) || ids is null || ids.Count == 0)
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "rgFilter" }, problem ?? "rgFilter.groupId is null or empty.");
        }

        var registered = this.Sites.Where(s => s.Vcenter == vcenter).ToList();
        return Json(ids.Select((id, i) => registered.Any(site => this.TryGroupAt(site, id.Key, out _)) && !(i == 0 && this.Options.Has(Deviation.GroupInfoNotFound))
            ? this.Describe(this.groups[id.Key])
            : (GroupOperationResult)this.Error(id, new NotFound(), $"No provider of this vCenter holds replication group {id}.")).ToList());
    }
}
