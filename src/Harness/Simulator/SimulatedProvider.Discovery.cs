using Harness.Wire.Provider;

namespace Harness.Simulator;

/// <summary>Discovery: the provider's information.</summary>
internal sealed partial class SimulatedProvider
{
    private VasaProviderInfo ProviderInfo() => new()
    {
        Uid = "sim-" + ProviderMoId,
        Name = this.Options.ProviderName,
        Version = this.Options.ProviderVersion,
        Url = "https://vasa.simulator.invalid:8443/vasa/version.xml",
        Status = "online",
        VasaVersion = this.Options.VasaVersion,
        SupportedProviderProfile = this.Options.Has(Deviation.NoReplicationProfile) ? ["ProfileBasedManagement"] : ["ProfileBasedManagement", "Replication"],
        MaxBatchSize = this.Options.MaxBatchSize,
    };
}
