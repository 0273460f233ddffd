using Conformance.Targets;
using Harness.Client;
using Harness.Security;
using Harness.Simulator;

namespace Conformance.Mutants;

/// <summary>A simulated provider (faithful or mutated) on 127.0.0.1 with a logged-in target, for the mutant matrix and the self-tests.</summary>
internal sealed class MutantTarget : IDisposable
{
    /// <summary>The password of every mutant's simulated login.</summary>
    public const string Password = "mutant-matrix-Passw0rd!";

    private readonly IDisposable owner;

    private MutantTarget(SimulatedProviderServer server, ConformanceTarget target, IDisposable owner)
    {
        this.Server = server;
        this.Target = target;
        this.owner = owner;
    }

    /// <summary>The endpoint.</summary>
    public SimulatedProviderServer Server { get; }

    /// <summary>The target the checks run against.</summary>
    public ConformanceTarget Target { get; }

    /// <summary>Starts the simulator and connects; a two-site world (<see cref="SimulatedProviderOptions.Sites"/> 2) is tested at site B, with site A connected as the read-only peer.</summary>
    /// <param name="options">The simulator set-up.</param>
    /// <param name="capabilities">What the profile declares.</param>
    /// <param name="rehearsal">For a dry run: the profile's allowlist and property cases, and no resets between checks (as on a real array).</param>
    /// <param name="asRealProvider">Tests the simulator as a real provider (no reset, no simulator handle, checks sharing the target; a 60 s task timeout and 50 ms polls): for the parallel-checks benchmark and tests.</param>
    public static async Task<MutantTarget> StartAsync(SimulatedProviderOptions options, IReadOnlyDictionary<string, DeclaredCapability>? capabilities = null, Harness.Profiles.Profile? rehearsal = null, bool asRealProvider = false)
    {
        var world = SimulatedWorldServer.Start(options);
        var server = world.ServerOf(world.Provider.Sites[^1]);
        var redactor = new Redactor();
        var ledger = new Harness.Oracle.ExchangeLedger(Harness.Oracle.WireValidator.ForRelease("8.0.3.0"));
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, redactor, TimeSpan.FromSeconds(10)) { Ledger = ledger };
        var anonymous = new Lazy<SmsTransport>(() => new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, redactor, TimeSpan.FromSeconds(10)) { Ledger = ledger });
        var twoSites = world.Provider.Sites.Count > 1;
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, options.UserName, options.Password, twoSites ? world.Provider.Sites[^1].ProviderMoId : null).ConfigureAwait(false);
        if (connection is null)
        {
            world.Dispose();
            throw new InvalidOperationException("could not connect to the simulator: " + failure!.Message);
        }

        PeerSite? peer = null;
        if (twoSites)
        {
            var site = world.Provider.Sites[0];
            var peerTransport = new SmsTransport(world.ServerOf(site).BaseUri, "8.0.3.0", TlsPolicy.System, redactor, TimeSpan.FromSeconds(10)) { Ledger = ledger };
            var (peerConnection, peerFailure) = await ProviderConnector.ConnectAsync(peerTransport, options.UserName, options.Password, site.ProviderMoId).ConfigureAwait(false);
            if (peerConnection is null)
            {
                world.Dispose();
                throw new InvalidOperationException("could not connect to the simulator's peer site: " + peerFailure!.Message);
            }

            // A rehearsal changes at the peer only what the profile's peer allowlist names, as the real run would.
            peer = PeerSite.Of(peerConnection, rehearsal?.Peer is { } rehearsedPeer ? [.. rehearsedPeer.Groups.Select(g => g.ToWire())] : options.Groups.Where(g => g.Site == site.Name).Select(g => Harness.Wire.ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList());
        }

        var target = new ConformanceTarget
        {
            Client = connection.Client,
            CreateUnauthenticatedClient = () => new SmsClient(anonymous.Value),
            Provider = connection.Provider,
            Info = connection.Info,
            InfoAnswer = connection.InfoAnswer,
            InfoCall = connection.InfoCall,
            Allowlist = rehearsal?.Groups.Select(g => g.ToWire()).ToList() ?? options.Groups.Where(g => !twoSites || g.Site == world.Provider.Sites[^1].Name).Select(g => Harness.Wire.ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList(),
            Peer = peer,
            TaskTimeout = asRealProvider ? TimeSpan.FromSeconds(60) : TimeSpan.FromMilliseconds(300),
            PollInterval = TimeSpan.FromMilliseconds(asRealProvider ? 50 : 2),
            PropertyCases = rehearsal is null ? 20 : Run.RunFactory.PropertyCases(rehearsal.PropertyTests, embedded: rehearsal.Target.IsEmbedded),
            Seed = rehearsal is null ? 12345 : rehearsal.PropertyTests.Seed,
            Simulator = asRealProvider || rehearsal is { Target.IsEmbedded: false } ? null : server.Provider,
            MaxConcurrentTasks = rehearsal?.MaxConcurrentTasks ?? 4,
            Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2)),
            Capabilities = capabilities ?? MutantCatalogue.DeclaredImplemented,
            Ledger = ledger,
            Budget = rehearsal is null ? new GroupBudget(null, counts: false) : GroupBudget.For(rehearsal.Budget, rehearsal.Target.IsEmbedded, hasPeer: rehearsal.Peer is not null),
        };
        return new MutantTarget(server, target, world);
    }

    /// <inheritdoc />
    public void Dispose() => this.owner.Dispose();
}
