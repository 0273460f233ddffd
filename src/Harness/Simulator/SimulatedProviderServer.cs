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
/// self-signed certificate, valid, expired or for another host, whose thumbprint is exposed for pinning). With
/// transport faults configured, a raw loopback front (<see cref="LoopbackFront"/>) listens on the public port and
/// WireMock behind it on another loopback port. Always dispose it.
/// </summary>
internal sealed partial class SimulatedProviderServer : IDisposable
{
    /// <summary>How long a <see cref="TransportFaultKind.Hang"/> holds the answer back at most, unless the server is disposed first.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(10);

    private readonly WireMockServer server;
    private readonly LoopbackFront? front;
    private readonly X509Certificate2? certificate;
    private readonly CancellationTokenSource stopping;
    private bool disposed;

    private SimulatedProviderServer(SimulatedProvider provider, int vcenter, WireMockServer server, LoopbackFront? front, X509Certificate2? certificate, CancellationTokenSource stopping, Uri baseUri)
    {
        this.Provider = provider;
        this.Vcenter = vcenter;
        this.server = server;
        this.front = front;
        this.certificate = certificate;
        this.stopping = stopping;
        this.BaseUri = baseUri;
        this.CertificateSha256 = certificate is null ? null : Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    /// <summary>The provider model behind the endpoint.</summary>
    public SimulatedProvider Provider { get; }

    /// <summary>Which of the model's vCenters this endpoint is (0, or 1 for site B's own vCenter).</summary>
    public int Vcenter { get; }

    /// <summary>http(s)://127.0.0.1:port/.</summary>
    public Uri BaseUri { get; }

    /// <summary>SHA-256 thumbprint of the https certificate (upper-case hex), or null over http.</summary>
    public string? CertificateSha256 { get; }

    /// <summary>Starts the endpoint on a free loopback port (or <paramref name="port"/>).</summary>
    /// <param name="options">The provider model, and the transport faults.</param>
    /// <param name="https">Whether to serve https with a fresh self-signed certificate.</param>
    /// <param name="port">The port; 0 for a free one.</param>
    /// <param name="certificate">Which certificate https serves.</param>
    /// <exception cref="ArgumentException">An injected fault or transport fault is invalid.</exception>
    public static SimulatedProviderServer Start(SimulatedProviderOptions options, bool https = false, int port = 0, SimulatedCertificate certificate = SimulatedCertificate.Valid) =>
        Host(new SimulatedProvider(options), 0, https, port, certificate);

    /// <summary>Serves one vCenter of an existing model on a free loopback port (or <paramref name="port"/>).</summary>
    /// <param name="provider">The model; its options' transport faults apply to this endpoint alone.</param>
    /// <param name="vcenter">Which of its vCenters: 0, or 1 for site B's own vCenter.</param>
    /// <param name="https">Whether to serve https with a fresh self-signed certificate.</param>
    /// <param name="port">The port; 0 for a free one.</param>
    /// <param name="certificate">Which certificate https serves.</param>
    /// <exception cref="ArgumentException">A transport fault is invalid, or the model has no such vCenter.</exception>
    public static SimulatedProviderServer Host(SimulatedProvider provider, int vcenter, bool https = false, int port = 0, SimulatedCertificate certificate = SimulatedCertificate.Valid)
    {
        if (!provider.Sites.Any(s => s.Vcenter == vcenter))
        {
            throw new ArgumentException($"The model has no vCenter {vcenter}.", nameof(vcenter));
        }

        var options = provider.Options;
        var plan = options.TransportFaults.Count == 0 ? null : new TransportFaultPlan(options.TransportFaults);
        var serverCertificate = https ? CreateCertificate(certificate) : null;
        var stopping = new CancellationTokenSource();

        // Without transport faults WireMock serves the public port itself, exactly as before.
        var wireMockPort = plan is null && port != 0 ? port : FreePort();
        var wireMockTls = plan is null ? serverCertificate : null;
        var settings = new WireMockServerSettings
        {
            Urls = [$"{(wireMockTls is null ? "http" : "https")}://127.0.0.1:{wireMockPort}"],
            Logger = new WireMockNullLogger(),
            StartAdminInterface = false,
            ReadStaticMappings = false,
            DisableJsonBodyParsing = true,
            AllowBodyForAllHttpMethods = true,
            HandleRequestsSynchronously = false,
            MaxRequestLogCount = 0,
        };
        if (wireMockTls is not null)
        {
            settings.UseSSL = true;
            settings.CertificateSettings = new WireMockCertificateSettings { X509Certificate = wireMockTls };
        }

        var server = WireMockServer.Start(settings);
        server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(provider, vcenter, plan, request, stopping.Token)));
        LoopbackFront? front = null;
        try
        {
            front = plan is null ? null : new LoopbackFront(port, wireMockPort, serverCertificate, plan);
        }
        catch (SocketException)
        {
            server.Stop();
            server.Dispose();
            stopping.Dispose();
            throw;
        }

        var publicPort = front?.Port ?? wireMockPort;
        return new SimulatedProviderServer(provider, vcenter, server, front, serverCertificate, stopping, new Uri($"{(https ? "https" : "http")}://127.0.0.1:{publicPort}/"));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (this.disposed)
        {
            return;
        }

        this.disposed = true;

        // Hanging answers end first, so that WireMock stops promptly.
        this.stopping.Cancel();
        this.front?.Dispose();
        this.server.Stop();
        this.server.Dispose();
        this.certificate?.Dispose();
        this.stopping.Dispose();
    }

    /// <summary>
    /// Answers one request; the configured latency is waited out here, outside the provider's lock. A request the
    /// front tagged with a transport fault gets that fault's answer instead (or the real one as text/plain).
    /// </summary>
    private static async Task<IResponseMessage> AnswerAsync(SimulatedProvider provider, int vcenter, TransportFaultPlan? plan, IRequestMessage request, CancellationToken stopping)
    {
        var headers = request.Headers?.ToDictionary(h => h.Key, h => h.Value.FirstOrDefault() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fault = plan is not null && headers.Remove(LoopbackFront.FaultHeader, out var tag)
            && int.TryParse(tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < plan.Faults.Count
            ? plan.Faults[index]
            : null;
        switch (fault?.Kind)
        {
            case TransportFaultKind.Hang:
                try
                {
                    await Task.Delay(HangLimit, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Disposed: answer nothing useful, and at once.
                }

                return ToMessage(new SimulatedResponse(503, null));
            case TransportFaultKind.MalformedJson or TransportFaultKind.Html or TransportFaultKind.Status:
                return ToMessage(TransportFaultAnswers.For(fault));
        }

        var answer = provider.Handle(request.Method, request.AbsolutePath, headers, request.Body, vcenter);
        if (provider.Options.LatencyMilliseconds > 0)
        {
            await Task.Delay(provider.Options.LatencyMilliseconds, CancellationToken.None).ConfigureAwait(false);
        }

        if (fault?.Kind == TransportFaultKind.WrongContentType && answer.Body is not null)
        {
            answer = answer with { ContentType = "text/plain" };
        }

        return ToMessage(answer);
    }

    private static ResponseMessage ToMessage(SimulatedResponse answer)
    {
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
}
