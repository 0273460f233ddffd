using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Harness.Simulator;

/// <summary>
/// Hosts a <see cref="SimulatedProvider"/> on 127.0.0.1 with WireMock.Net, over http or https (a fresh
/// self-signed certificate whose thumbprint is exposed for pinning). Always dispose it.
/// </summary>
internal sealed class SimulatedProviderServer : IDisposable
{
    private readonly WireMockServer server;

    private SimulatedProviderServer(SimulatedProvider provider, WireMockServer server, Uri baseUri, string? thumbprint)
    {
        this.Provider = provider;
        this.server = server;
        this.BaseUri = baseUri;
        this.CertificateSha256 = thumbprint;
    }

    /// <summary>The provider model behind the endpoint.</summary>
    public SimulatedProvider Provider { get; }

    /// <summary>http(s)://127.0.0.1:port/.</summary>
    public Uri BaseUri { get; }

    /// <summary>SHA-256 thumbprint of the https certificate (upper-case hex), or null over http.</summary>
    public string? CertificateSha256 { get; }

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public static SimulatedProviderServer Start(SimulatedProviderOptions options, bool https = false, int port = 0)
    {
        var provider = new SimulatedProvider(options);
        var chosenPort = port == 0 ? FreePort() : port;
        X509Certificate2? certificate = https ? SelfSignedCertificate() : null;
        var settings = new WireMockServerSettings
        {
            Urls = [$"{(https ? "https" : "http")}://127.0.0.1:{chosenPort}"],
            Logger = new WireMockNullLogger(),
            StartAdminInterface = false,
            ReadStaticMappings = false,
            DisableJsonBodyParsing = true,
            AllowBodyForAllHttpMethods = true,
            HandleRequestsSynchronously = false,
            MaxRequestLogCount = 0,
        };
        if (certificate is not null)
        {
            settings.UseSSL = true;
            settings.CertificateSettings = new WireMockCertificateSettings { X509Certificate = certificate };
        }

        var server = WireMockServer.Start(settings);
        server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(provider, request)));
        var thumbprint = certificate is null ? null : Convert.ToHexString(SHA256.HashData(certificate.RawData));
        return new SimulatedProviderServer(provider, server, new Uri($"{(https ? "https" : "http")}://127.0.0.1:{chosenPort}/"), thumbprint);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        this.server.Stop();
        this.server.Dispose();
    }

    /// <summary>Answers one request; the configured latency is waited out here, outside the provider's lock.</summary>
    private static async Task<IResponseMessage> AnswerAsync(SimulatedProvider provider, IRequestMessage request)
    {
        var headers = request.Headers?.ToDictionary(h => h.Key, h => h.Value.FirstOrDefault() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var answer = provider.Handle(request.Method, request.AbsolutePath, headers, request.Body);
        if (provider.Options.LatencyMilliseconds > 0)
        {
            await Task.Delay(provider.Options.LatencyMilliseconds).ConfigureAwait(false);
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            Headers = new Dictionary<string, WireMockList<string>>(),
        };
        if (answer.Body is not null)
        {
            response.Headers["Content-Type"] = new WireMockList<string>(answer.ContentType + "; charset=utf-8");
            response.BodyData = new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        }

        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
