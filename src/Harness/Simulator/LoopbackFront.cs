using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Harness.Simulator;

/// <summary>
/// A raw loopback TCP front for the WireMock host, there only when transport faults are configured: it reads each
/// request (one per connection), decides with the <see cref="TransportFaultPlan"/> whether the exchange breaks, and
/// either breaks it itself (<see cref="TransportFaultKind.Reset"/>, <see cref="TransportFaultKind.Trickle"/>,
/// <see cref="TransportFaultKind.Oversized"/>: byte-level behaviour WireMock cannot produce) or forwards it to the
/// WireMock host, tagging the kinds WireMock answers with <see cref="FaultHeader"/>. Terminates TLS when given a
/// certificate. Every wait is bounded and ends when it is disposed.
/// </summary>
internal sealed class LoopbackFront : IDisposable
{
    /// <summary>The header naming the index of the transport fault the WireMock host answers.</summary>
    public const string FaultHeader = "x-simulated-transport-fault";

    private const int MaxBufferedResponseBytes = 16 * 1024 * 1024;
    private const int OversizedChunkBytes = 64 * 1024;
    private static readonly TimeSpan TrickleInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlySet<string> DroppedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Proxy-Connection", FaultHeader };

    private readonly TcpListener listener;
    private readonly int backendPort;
    private readonly X509Certificate2? certificate;
    private readonly TransportFaultPlan plan;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<TcpClient, byte> connections = new();
    private readonly Task acceptLoop;

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port) in front of the WireMock host on <paramref name="backendPort"/>.</summary>
    public LoopbackFront(int port, int backendPort, X509Certificate2? certificate, TransportFaultPlan plan)
    {
        this.backendPort = backendPort;
        this.certificate = certificate;
        this.plan = plan;
        this.listener = new TcpListener(IPAddress.Loopback, port);
        this.listener.Start();
        this.Port = ((IPEndPoint)this.listener.LocalEndpoint).Port;
        this.acceptLoop = Task.Run(this.AcceptAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        this.stopping.Cancel();
        this.listener.Stop();
        foreach (var connection in this.connections.Keys)
        {
            connection.Dispose();
        }

        // The accept loop ends as soon as the listener stops; bounded anyway.
        _ = this.acceptLoop.Wait(TimeSpan.FromSeconds(5));
        this.stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var ct = this.stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await this.listener.AcceptTcpClientAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            this.connections.TryAdd(connection, 0);
            _ = Task.Run(() => this.ServeAsync(connection, ct), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient connection, CancellationToken ct)
    {
        SslStream? tls = null;
        try
        {
            connection.NoDelay = true;
            Stream stream = connection.GetStream();
            if (this.certificate is not null)
            {
                tls = new SslStream(stream, leaveInnerStreamOpen: true);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(ct);
                handshake.CancelAfter(RequestTimeout);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = this.certificate, ApplicationProtocols = [SslApplicationProtocol.Http11] }, handshake.Token).ConfigureAwait(false);
            }

            LoopbackRequest? request;
            using (var reading = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                reading.CancelAfter(RequestTimeout);
                request = await LoopbackRequest.ReadAsync(stream, reading.Token).ConfigureAwait(false);
            }

            if (request is null)
            {
                return;
            }

            var index = this.plan.Take(SimulatedTransportFault.OperationOf(request.Path));
            var fault = index < 0 ? null : this.plan.Faults[index];
            switch (fault?.Kind)
            {
                case TransportFaultKind.Oversized:
                    await WriteOversizedAsync(stream, fault.SizeBytes, ct).ConfigureAwait(false);
                    break;
                case TransportFaultKind.Reset:
                    await this.ResetAsync(connection, stream, request, ct).ConfigureAwait(false);
                    break;
                case TransportFaultKind.Trickle:
                    await this.TrickleAsync(stream, request, ct).ConfigureAwait(false);
                    break;
                default:
                    await this.ForwardAsync(stream, request, fault is null ? null : index, ct).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception)
        {
            // The client went away (or refused the certificate), the backend closed, or the front is stopping:
            // nothing more to serve on this connection, and nobody to tell.
        }
        finally
        {
            this.connections.TryRemove(connection, out _);
            tls?.Dispose();
            connection.Dispose();
        }
    }

    /// <summary>Sends the request to the WireMock host and relays its answer as it comes.</summary>
    private async Task ForwardAsync(Stream client, LoopbackRequest request, int? faultIndex, CancellationToken ct)
    {
        using var backend = new TcpClient();
        await backend.ConnectAsync(IPAddress.Loopback, this.backendPort, ct).ConfigureAwait(false);
        var stream = backend.GetStream();
        var extra = faultIndex is { } i ? [new KeyValuePair<string, string>(FaultHeader, i.ToString(CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string>>();
        await stream.WriteAsync(request.ToBytes(extra, DroppedHeaders), ct).ConfigureAwait(false);
        await stream.CopyToAsync(client, ct).ConfigureAwait(false);
        await client.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The WireMock host's whole answer, split into head (with its blank line) and body bytes.</summary>
    private async Task<(byte[] Head, byte[] Body)> FetchAsync(LoopbackRequest request, CancellationToken ct)
    {
        using var backend = new TcpClient();
        await backend.ConnectAsync(IPAddress.Loopback, this.backendPort, ct).ConfigureAwait(false);
        var stream = backend.GetStream();
        await stream.WriteAsync(request.ToBytes([], DroppedHeaders), ct).ConfigureAwait(false);
        using var answer = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (answer.Length + read > MaxBufferedResponseBytes)
            {
                throw new IOException("the backend's answer is too large to buffer");
            }

            answer.Write(buffer, 0, read);
        }

        var all = answer.ToArray();
        var end = LoopbackRequest.IndexOfBlankLine(all, all.Length);
        if (end < 0)
        {
            throw new IOException("the backend's answer has no complete head");
        }

        return (all[..(end + 4)], all[(end + 4)..]);
    }

    /// <summary>The real head and half of the real body, then the connection is closed (short of the length the head announced).</summary>
    private async Task ResetAsync(TcpClient connection, Stream client, LoopbackRequest request, CancellationToken ct)
    {
        var (head, body) = await this.FetchAsync(request, ct).ConfigureAwait(false);
        await client.WriteAsync(head, ct).ConfigureAwait(false);
        await client.WriteAsync(body.AsMemory(0, body.Length / 2), ct).ConfigureAwait(false);
        await client.FlushAsync(ct).ConfigureAwait(false);

        // A FIN rather than an RST: an RST can overtake the bytes already sent, and the client would not see the
        // headers; this way it always sees headers, part of the body, then the end of the connection.
        connection.Client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>The real head at once, then the real body one byte every 200 ms (until the client leaves or the front stops).</summary>
    private async Task TrickleAsync(Stream client, LoopbackRequest request, CancellationToken ct)
    {
        var (head, body) = await this.FetchAsync(request, ct).ConfigureAwait(false);
        await client.WriteAsync(head, ct).ConfigureAwait(false);
        await client.FlushAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < body.Length; i++)
        {
            await Task.Delay(TrickleInterval, ct).ConfigureAwait(false);
            await client.WriteAsync(body.AsMemory(i, 1), ct).ConfigureAwait(false);
            await client.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>HTTP 200 application/json, chunked (no Content-Length), <paramref name="size"/> bytes of a MoRef padded out; generated, never held whole.</summary>
    private static async Task WriteOversizedAsync(Stream client, long size, CancellationToken ct)
    {
        const string Head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        await client.WriteAsync(Encoding.ASCII.GetBytes(Head), ct).ConfigureAwait(false);
        var prefix = "{\"_typeName\":\"ManagedObjectReference\",\"type\":\"SmsTask\",\"value\":\""u8.ToArray();
        var suffix = "\"}"u8.ToArray();
        var framed = size >= prefix.Length + suffix.Length;
        var chunk = new byte[OversizedChunkBytes];
        for (long offset = 0; offset < size;)
        {
            var length = (int)Math.Min(OversizedChunkBytes, size - offset);
            chunk.AsSpan(0, length).Fill((byte)'x');
            for (var p = offset; framed && p < Math.Min(offset + length, prefix.Length); p++)
            {
                chunk[p - offset] = prefix[p];
            }

            for (var p = Math.Max(offset, size - suffix.Length); framed && p < offset + length; p++)
            {
                chunk[p - offset] = suffix[p - (size - suffix.Length)];
            }

            await client.WriteAsync(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), ct).ConfigureAwait(false);
            await client.WriteAsync(chunk.AsMemory(0, length), ct).ConfigureAwait(false);
            await client.WriteAsync("\r\n"u8.ToArray(), ct).ConfigureAwait(false);
            offset += length;
        }

        await client.WriteAsync("0\r\n\r\n"u8.ToArray(), ct).ConfigureAwait(false);
        await client.FlushAsync(ct).ConfigureAwait(false);
    }
}
