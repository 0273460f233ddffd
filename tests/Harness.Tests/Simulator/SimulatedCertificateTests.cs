using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Harness.Client;
using Harness.Security;
using Harness.Simulator;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>The https endpoint's certificates: valid, expired and for another host, each refused by the system trust store and accepted when pinned.</summary>
[TestFixture]
public sealed class SimulatedCertificateTests
{
    [TestCase(SimulatedCertificate.Valid, "self-signed or issued by an unknown CA")]
    [TestCase(SimulatedCertificate.Expired, "expired on")]
    [TestCase(SimulatedCertificate.WrongHost, "issued for vcenter.invalid, not for this host")]
    public async Task An_untrusted_certificate_is_refused_by_the_system_trust_store_naming_the_reason_and_the_thumbprint(SimulatedCertificate certificate, string reason)
    {
        using var server = SimulatedProviderServer.Start(Options(), https: true, certificate: certificate);
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Redactor(), TimeSpan.FromSeconds(5));

        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, server.Provider.Options.UserName, Password, null);

        Assert.Multiple(() =>
        {
            Assert.That(connection, Is.Null);
            Assert.That(failure?.Message, Does.Contain("not trusted").And.Contain(reason).And.Contain(server.CertificateSha256!));
        });
    }

    [TestCase(SimulatedCertificate.Valid)]
    [TestCase(SimulatedCertificate.Expired)]
    [TestCase(SimulatedCertificate.WrongHost)]
    public async Task A_pinned_certificate_is_accepted_whatever_else_is_wrong_with_it(SimulatedCertificate certificate)
    {
        using var server = SimulatedProviderServer.Start(Options(), https: true, certificate: certificate);

        var connection = await ConnectAsync(server, tls: TlsPolicy.Pinned(server.CertificateSha256!));

        Assert.That(connection.Info?.SupportedProviderProfile, Does.Contain("Replication"));
    }

    [TestCase(SimulatedCertificate.Valid, "CN=127.0.0.1", false)]
    [TestCase(SimulatedCertificate.Expired, "CN=127.0.0.1", true)]
    [TestCase(SimulatedCertificate.WrongHost, "CN=vcenter.invalid", false)]
    public async Task The_served_certificate_is_the_one_asked_for(SimulatedCertificate certificate, string subject, bool expired)
    {
        using var server = SimulatedProviderServer.Start(Options(), https: true, certificate: certificate);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.BaseUri.Port);
        X509Certificate2? seen = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, cert, _, _) =>
        {
            seen = cert is null ? null : new X509Certificate2(cert);
            return true;
        });
        await tls.AuthenticateAsClientAsync("127.0.0.1");

        Assert.Multiple(() =>
        {
            Assert.That(seen?.Subject, Is.EqualTo(subject));
            Assert.That(seen!.NotAfter < DateTime.Now, Is.EqualTo(expired));
            Assert.That(Convert.ToHexString(seen.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)), Is.EqualTo(server.CertificateSha256));
        });
    }
}
