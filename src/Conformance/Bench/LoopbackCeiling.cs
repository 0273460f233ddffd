using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Bench;

/// <summary>A minimal Kestrel endpoint on 127.0.0.1 that answers every POST with a constant task MoRef: the loopback ceiling.</summary>
internal sealed class LoopbackCeiling : IAsyncDisposable
{
    private const string MoRef = """{"_typeName":"ManagedObjectReference","type":"SmsTask","value":"sms-task-1"}""";
    private readonly WebApplication app;

    private LoopbackCeiling(WebApplication app, Uri baseUri)
    {
        this.app = app;
        this.BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri BaseUri { get; }

    /// <summary>Starts it.</summary>
    public static async Task<LoopbackCeiling> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/{**path}", (HttpContext context) => Results.Content(MoRef, "application/json"));
        await app.StartAsync().ConfigureAwait(false);
        return new LoopbackCeiling(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync().ConfigureAwait(false);
        await this.app.DisposeAsync().ConfigureAwait(false);
    }
}
