namespace Harness.Simulator;

/// <summary>One site of the simulated world: a VASA provider registered in a vCenter, with its fault domains.</summary>
/// <param name="Name">The site's name, <see cref="SimulatedPairs.SiteA"/> or <see cref="SimulatedPairs.SiteB"/>.</param>
/// <param name="ProviderMoId">The VasaProvider's moId.</param>
/// <param name="Vcenter">Which vCenter (endpoint) it is registered in: 0, or 1 for site B when the sites have a vCenter each.</param>
/// <param name="FaultDomains">Its fault domain ids.</param>
public sealed record SimulatedSite(string Name, string ProviderMoId, int Vcenter, IReadOnlyList<string> FaultDomains)
{
    /// <summary>The provider's <c>SmsProviderInfo.uid</c> (what <c>FaultDomainFilter.providerId</c> names).</summary>
    public string ProviderUid => "sim-" + this.ProviderMoId;

    /// <summary>The storage array behind the provider.</summary>
    public string StorageArrayId => "sim-array-" + this.Name;
}
