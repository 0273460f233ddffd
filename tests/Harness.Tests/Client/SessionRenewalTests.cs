using Harness.Client;
using Harness.Simulator;
using Harness.Tests.Simulator;

namespace Harness.Tests.Client;

[TestFixture]
public sealed class SessionRenewalTests
{
    [Test]
    public async Task A_session_that_expires_mid_run_is_renewed_once_and_the_call_goes_on()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var connection = await SimulatorFixtures.ConnectAsync(server);
        var before = connection.Client.Transport.SessionId;
        server.Provider.ExpireSessions();

        var query = await connection.Client.QueryReplicationGroupAsync(connection.Provider, null);
        Assert.Multiple(() =>
        {
            Assert.That(query.Kind, Is.EqualTo(OutcomeKind.Value), query.Describe());
            Assert.That(connection.Client.Transport.Relogins, Is.EqualTo(1));
            Assert.That(connection.Client.Transport.SessionId, Is.Not.EqualTo(before));
        });
    }

    [Test]
    public async Task A_session_refused_again_after_renewal_is_reported_as_NotAuthenticated_not_retried_forever()
    {
        using var server = SimulatedProviderServer.Start(SimulatorFixtures.Options());
        var connection = await SimulatorFixtures.ConnectAsync(server);
        connection.Client.Transport.Relogin = _ => Task.FromResult(false);
        server.Provider.ExpireSessions();

        var query = await connection.Client.QueryReplicationGroupAsync(connection.Provider, null);
        Assert.Multiple(() =>
        {
            Assert.That(query.FaultName, Is.EqualTo("NotAuthenticated"));
            Assert.That(connection.Client.Transport.Relogins, Is.EqualTo(0));
        });
    }
}
