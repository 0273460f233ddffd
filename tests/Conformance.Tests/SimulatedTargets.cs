using Conformance.Targets;
using Harness.Client;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire.Groups;

namespace Conformance.Tests;

/// <summary>Conformance targets backed by a simulated provider with chosen deviations.</summary>
internal sealed class SimulatedTargets : IDisposable
{
    public const string Password = "self-test-Passw0rd!";

    private SimulatedTargets(SimulatedProviderServer server, ConformanceTarget target)
    {
        this.Server = server;
        this.Target = target;
    }

    public SimulatedProviderServer Server { get; }

    public ConformanceTarget Target { get; }

    public static SimulatedProviderOptions Options(params Deviation[] deviations) => new()
    {
        Password = Password,
        TaskPollsToComplete = 1,
        Deviations = deviations.ToHashSet(),
        Groups =
        [
            new("fd-A", "rg-fo-1", ReplicationState.FailedOver),
            new("fd-A", "rg-fo-2", ReplicationState.FailedOver),
            new("fd-B", "rg-fo-3", ReplicationState.FailedOver),
            new("fd-B", "rg-fo-4", ReplicationState.FailedOver),
            new("fd-A", "rg-fo-5", ReplicationState.FailedOver),
            new("fd-B", "rg-fo-6", ReplicationState.FailedOver),
            new("fd-A", "rg-fo-7", ReplicationState.FailedOver),
            new("fd-B", "rg-fo-8", ReplicationState.FailedOver),
            new("fd-A", "rg-src-1", ReplicationState.Source),
            new("fd-B", "rg-tgt-1", ReplicationState.Target),
            new("fd-A", "rg-int-1", ReplicationState.InTest),
            new("fd-B", "rg-rfo-1", ReplicationState.RemoteFailedOver),
        ],
    };

    public static async Task<SimulatedTargets> StartAsync(SimulatedProviderOptions options, IReadOnlyDictionary<string, DeclaredCapability>? capabilities = null)
    {
        var server = SimulatedProviderServer.Start(options);
        var redactor = new Redactor();
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, redactor, TimeSpan.FromSeconds(10));
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, TlsPolicy.System, options.UserName, options.Password, null);
        if (connection is null)
        {
            server.Dispose();
            Assert.Fail("could not connect to the simulator: " + failure!.Message);
        }

        var target = new ConformanceTarget
        {
            Client = connection!.Client,
            CreateUnauthenticatedClient = () => new SmsClient(new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, redactor, TimeSpan.FromSeconds(10))),
            Provider = connection.Provider,
            Info = connection.Info,
            Allowlist = options.Groups.Select(g => Harness.Wire.ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId)).ToList(),
            TaskTimeout = TimeSpan.FromMilliseconds(300),
            PollInterval = TimeSpan.FromMilliseconds(2),
            PropertyCases = 20,
            Seed = 12345,
            Simulator = server.Provider,
            Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2)),
            Capabilities = capabilities ?? new Dictionary<string, DeclaredCapability> { ["ReverseReplicateGroup_Task"] = new(true, null, true) },
        };
        return new SimulatedTargets(server, target);
    }

    public void Dispose() => this.Server.Dispose();
}
