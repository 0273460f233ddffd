using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Harness.Client;

/// <summary>Which server certificates the harness accepts: the system trust store, a pinned SHA-256 thumbprint, or (explicitly) any.</summary>
internal sealed class TlsPolicy
{
    private TlsPolicy(string? pinnedSha256, bool insecure)
    {
        this.PinnedSha256 = pinnedSha256;
        this.Insecure = insecure;
    }

    /// <summary>The pinned thumbprint (64 upper-case hex digits), if any.</summary>
    public string? PinnedSha256 { get; }

    /// <summary>Whether every certificate is accepted (explicit opt-in).</summary>
    public bool Insecure { get; }

    /// <summary>The last certificate refused, for the error message.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Trust the system store (a new policy each time: a refusal belongs to one run).</summary>
    public static TlsPolicy System => new(null, false);

    /// <summary>Accept exactly the certificate with this SHA-256 thumbprint.</summary>
    public static TlsPolicy Pinned(string sha256) => new(sha256.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), false);

    /// <summary>Accept any certificate.</summary>
    public static TlsPolicy AcceptAny => new(null, true);

    /// <summary>The validation callback.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (this.Insecure)
        {
            return true;
        }

        if (this.PinnedSha256 is not null)
        {
            var actual = certificate is null ? null : Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            if (string.Equals(actual, this.PinnedSha256, StringComparison.Ordinal))
            {
                return true;
            }

            this.LastRefusal = $"the server certificate's SHA-256 thumbprint {actual ?? "(none)"} does not match the pinned {this.PinnedSha256} (tls.pinnedSha256)";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        var thumb = certificate is null ? "(none)" : Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        this.LastRefusal = $"the server certificate is not trusted: {Why(certificate, chain, errors)}; pin it with tls.pinnedSha256 = \"{thumb}\" after checking it, or install its CA in the system trust store";
        return false;
    }

    /// <summary>The refusal in words: expired, issued for another host, self-signed or unknown CA.</summary>
    private static string Why(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var reasons = new List<string>();
        using var cert = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var statuses = chain?.ChainStatus.Select(s => s.Status).ToHashSet() ?? [];
        if (cert is not null && (statuses.Contains(X509ChainStatusFlags.NotTimeValid) || cert.NotAfter < DateTime.Now || cert.NotBefore > DateTime.Now))
        {
            reasons.Add(cert.NotAfter < DateTime.Now ? $"expired on {cert.NotAfter:yyyy-MM-dd}" : $"not valid before {cert.NotBefore:yyyy-MM-dd}");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add($"issued for {cert?.GetNameInfo(X509NameType.DnsName, forIssuer: false) ?? "another name"}, not for this host");
        }

        if (statuses.Contains(X509ChainStatusFlags.UntrustedRoot) || statuses.Contains(X509ChainStatusFlags.PartialChain))
        {
            reasons.Add("self-signed or issued by an unknown CA");
        }

        return (reasons.Count > 0 ? string.Join(", ", reasons) + " " : string.Empty) + $"({errors})";
    }
}
