using Harness.Client;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire.Groups;

namespace Harness.Tests.Simulator;

/// <summary>Builds simulated providers and connections for tests.</summary>
internal static class SimulatorFixtures
{
    public const string Password = "s3cret-Passw0rd!";

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
            new("fd-A", "rg-src-1", ReplicationState.Source),
            new("fd-B", "rg-tgt-1", ReplicationState.Target),
            new("fd-B", "rg-int-1", ReplicationState.InTest),
        ],
    };

    public static async Task<ProviderConnection> ConnectAsync(SimulatedProviderServer server, Redactor? redactor = null, TlsPolicy? tls = null)
    {
        tls ??= TlsPolicy.System;
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", tls, redactor ?? new Redactor(), TimeSpan.FromSeconds(10));
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, tls, server.Provider.Options.UserName, Password, null);
        Assert.That(failure, Is.Null, failure?.Message);
        return connection!;
    }
}
