namespace Harness.Simulator;

/// <summary>
/// The whole simulated world on 127.0.0.1: one model (<see cref="SimulatedProvider"/>) and one endpoint per vCenter in
/// it, so a two-site world with a vCenter per site listens on two ports, and every other world on one. Always dispose it.
/// </summary>
internal sealed class SimulatedWorldServer : IDisposable
{
    private SimulatedWorldServer(SimulatedProvider provider, IReadOnlyList<SimulatedProviderServer> servers)
    {
        this.Provider = provider;
        this.Servers = servers;
    }

    /// <summary>The model behind every endpoint.</summary>
    public SimulatedProvider Provider { get; }

    /// <summary>One endpoint per vCenter, in vCenter order.</summary>
    public IReadOnlyList<SimulatedProviderServer> Servers { get; }

    /// <summary>Starts the world: one endpoint per vCenter, on free ports or on the given ones (vCenter order; 0 or missing: a free one).</summary>
    /// <param name="options">The model.</param>
    /// <param name="https">Whether every endpoint serves https (each with its own self-signed certificate).</param>
    /// <param name="ports">The ports, by vCenter.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SimulatedProvider"/>).</exception>
    public static SimulatedWorldServer Start(SimulatedProviderOptions options, bool https = false, IReadOnlyList<int>? ports = null)
    {
        var provider = new SimulatedProvider(options);
        var servers = new List<SimulatedProviderServer>();
        try
        {
            foreach (var vcenter in provider.Sites.Select(s => s.Vcenter).Distinct().Order())
            {
                servers.Add(SimulatedProviderServer.Host(provider, vcenter, https, ports?.ElementAtOrDefault(vcenter) ?? 0));
            }
        }
        catch
        {
            servers.ForEach(s => s.Dispose());
            throw;
        }

        return new SimulatedWorldServer(provider, servers);
    }

    /// <summary>The endpoint of the vCenter the site's provider is registered in.</summary>
    public SimulatedProviderServer ServerOf(SimulatedSite site) => this.Servers.Single(s => s.Vcenter == site.Vcenter);

    /// <summary>The endpoint of the named site's vCenter.</summary>
    public SimulatedProviderServer ServerOf(string siteName) => this.ServerOf(this.Provider.Site(siteName));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var server in this.Servers)
        {
            server.Dispose();
        }
    }
}
