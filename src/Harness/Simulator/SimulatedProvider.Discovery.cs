using System.Text.Json;
using Harness.Wire.Faults;
using Harness.Wire.Provider;

namespace Harness.Simulator;

/// <summary>Discovery and provider upkeep: the provider's information, and VasaProviderSync_Task.</summary>
internal sealed partial class SimulatedProvider
{
    private VasaProviderInfo ProviderInfo(SimulatedSite site) => new()
    {
        Uid = site.ProviderUid,
        Name = this.Sites.Count == 1 ? this.Options.ProviderName : $"{this.Options.ProviderName} (site {site.Name})",
        Version = this.Options.ProviderVersion,
        Url = "https://vasa.simulator.invalid:8443/vasa/version.xml",
        Status = "online",
        VasaVersion = this.Options.VasaVersion,
        SupportedProviderProfile = this.Options.Has(Deviation.NoReplicationProfile) ? ["ProfileBasedManagement"] : ["ProfileBasedManagement", "Replication"],
        MaxBatchSize = this.Options.Has(Deviation.NegativeMaxBatchSize) ? -1 : this.Options.MaxBatchSize,
    };

    /// <summary>
    /// VasaProviderSync_Task: a task that refreshes nothing the model holds and ends with a void result. An arrayId
    /// other than the site's array is InvalidArgument; a sync while another of this provider is unfinished is SyncInProgress.
    /// </summary>
    private SimulatedResponse VasaProviderSync(JsonElement root, SimulatedSite site)
    {
        if (root.TryGetProperty("arrayId", out var array) && array.ValueKind != JsonValueKind.Null
            && !(array.ValueKind == JsonValueKind.String && array.GetString() == site.StorageArrayId))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "arrayId" }, $"The provider has no array {array}; its array is {site.StorageArrayId}.");
        }

        if (this.tasks.Values.FirstOrDefault(t => t.Kind == SimulatedTaskKind.ProviderSync && t.Site == site && t.Completed is null) is { } running)
        {
            return this.Options.Has(Deviation.ConcurrentSyncAsReplicationFault)
                ? this.Fault(new SmsReplicationFault(), $"A sync of this provider is in progress ({running.Id}).")
                : this.Fault(new SyncInProgress(), $"A sync of this provider is in progress ({running.Id}).");
        }

        return this.StartTask([], site, kind: SimulatedTaskKind.ProviderSync);
    }
}
