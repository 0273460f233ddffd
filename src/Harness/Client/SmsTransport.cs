using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http;
using Harness.Security;

namespace Harness.Client;

/// <summary>
/// The connection shared by every <see cref="SmsClient"/> of a run: base URL, release, TLS policy, the
/// session header and the redactor. Created once per run.
/// </summary>
internal sealed class SmsTransport : IDisposable
{
    private readonly HttpClient httpClient;
    private readonly string prefix = Guid.NewGuid().ToString("N")[..6];
    private long calls;

    /// <summary>Creates the transport.</summary>
    /// <param name="baseUri">https://vcenter (or loopback http).</param>
    /// <param name="release">The vim25 release segment, e.g. 8.0.3.0.</param>
    /// <param name="tls">Which server certificates to accept.</param>
    /// <param name="redactor">Masks secrets in every recorded exchange.</param>
    /// <param name="callTimeout">Per-call timeout.</param>
    /// <param name="maxResponseBytes">The largest response body read; a larger one is aborted, not buffered.</param>
    public SmsTransport(Uri baseUri, string release, TlsPolicy tls, Redactor redactor, TimeSpan callTimeout, long maxResponseBytes = DefaultMaxResponseBytes)
    {
        this.MaxResponseBytes = maxResponseBytes;
        this.Tls = tls;
        this.BaseUri = baseUri;
        this.Release = release;
        this.Redactor = redactor;
        this.CallTimeout = callTimeout;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = tls.Validate },
        };
        this.httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        // Per-client settings, so that each request only adds its URL and session: any status is an outcome, the
        // deadline is the client's own (one per exchange, body included), and every request accepts JSON.
        this.Flurl = new FlurlClient(this.httpClient).AllowAnyHttpStatus().WithTimeout(Timeout.InfiniteTimeSpan).WithHeader("Accept", "application/json");
    }

    /// <summary>16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>Which server certificates are accepted (and why the last one was refused).</summary>
    public TlsPolicy Tls { get; }

    /// <summary>The largest response body read.</summary>
    public long MaxResponseBytes { get; }

    /// <summary>The vCenter base URL.</summary>
    public Uri BaseUri { get; }

    /// <summary>The vim25 release segment.</summary>
    public string Release { get; }

    /// <summary>The redactor for every recorded exchange.</summary>
    public Redactor Redactor { get; }

    /// <summary>Per-call timeout.</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>The Flurl client.</summary>
    public IFlurlClient Flurl { get; }

    /// <summary>The current <c>vmware-api-session-id</c>, once logged in.</summary>
    public string? SessionId { get; private set; }

    /// <summary>Cancelled when the run is interrupted: every call and every wait stops.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>Logs in again after the session expired (set once the first login succeeded); true when it worked.</summary>
    public Func<CancellationToken, Task<bool>>? Relogin { get; set; }

    /// <summary>Where every exchange over this transport is judged by the oracle, when the run keeps one.</summary>
    public Oracle.ExchangeLedger? Ledger { get; set; }

    /// <summary>How many times the session was renewed.</summary>
    public int Relogins { get; set; }

    /// <summary>A short id for the next exchange, unique in the run: this transport's prefix and a counter.</summary>
    public string NextCorrelationId() => $"{this.prefix}-{Interlocked.Increment(ref this.calls):x5}";

    /// <summary>Adopts a session id (registered as a secret first).</summary>
    public void SetSession(string? sessionId)
    {
        this.Redactor.AddSecret(sessionId);
        this.SessionId = sessionId;
    }

    /// <summary>URL of a vim25 path below the release segment.</summary>
    public string Url(params string[] segments) =>
        new Uri(this.BaseUri, "/sdk/vim25/" + Uri.EscapeDataString(this.Release) + "/" + string.Join('/', segments.Select(Uri.EscapeDataString))).ToString();

    /// <inheritdoc />
    public void Dispose()
    {
        this.Flurl.Dispose();
        this.httpClient.Dispose();
    }
}
