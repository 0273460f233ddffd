using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Harness.Simulator;

/// <summary>The self-signed certificates the https endpoint serves.</summary>
internal sealed partial class SimulatedProviderServer
{
    /// <summary>The host name the <see cref="SimulatedCertificate.WrongHost"/> certificate is issued for.</summary>
    public const string WrongHostName = "vcenter.invalid";

    private static X509Certificate2 CreateCertificate(SimulatedCertificate kind)
    {
        using var key = RSA.Create(2048);
        var subject = kind == SimulatedCertificate.WrongHost ? WrongHostName : "127.0.0.1";
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        if (kind == SimulatedCertificate.WrongHost)
        {
            san.AddDnsName(WrongHostName);
        }
        else
        {
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        var (notBefore, notAfter) = kind == SimulatedCertificate.Expired ? (now.AddDays(-30), now.AddDays(-1)) : (now.AddDays(-1), now.AddDays(30));
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
