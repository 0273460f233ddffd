using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Tests.Reporting;

/// <summary>
/// Serves one folder read-only over http://127.0.0.1:&lt;free port&gt;/ (index.html at /), for a multi-file report
/// that the browser cannot open from file://. Records every request path that was not found, for diagnostics.
/// </summary>
internal sealed class StaticFileServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".ico"] = "image/x-icon",
        [".webp"] = "image/webp",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".map"] = "application/json; charset=utf-8",
    };

    private readonly HttpListener listener;
    private readonly string root;
    private readonly Task loop;

    private StaticFileServer(HttpListener listener, string root, Uri baseUri)
    {
        this.listener = listener;
        this.root = root;
        this.BaseUri = baseUri;
        this.loop = Task.Run(this.AcceptLoopAsync);
    }

    /// <summary>The address the folder is served at, ending in a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>Paths requested but not found (404).</summary>
    public ConcurrentQueue<string> NotFound { get; } = new();

    /// <summary>Every path requested.</summary>
    public ConcurrentQueue<string> Requested { get; } = new();

    /// <summary>Starts serving <paramref name="folder"/> on a free loopback port.</summary>
    public static StaticFileServer Start(string folder)
    {
        var root = Path.GetFullPath(folder);
        HttpListenerException? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new StaticFileServer(listener, root, new Uri(prefix));
            }
            catch (HttpListenerException e)
            {
                // Another process took the port between probing and binding: try another one.
                last = e;
                listener.Close();
            }
        }

        throw new InvalidOperationException("could not bind an HttpListener on 127.0.0.1", last);
    }

    public void Dispose()
    {
        try
        {
            this.listener.Stop();
        }
        finally
        {
            this.listener.Close();
        }

        // The accept loop ends once the listener is closed; never wait on it unboundedly.
        _ = this.loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (this.listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await this.listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => this.Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
            this.Requested.Enqueue(path);
            if (context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                return;
            }

            var relative = path.TrimStart('/');
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            var file = Path.GetFullPath(Path.Combine(this.root, relative));
            if (!file.StartsWith(this.root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                this.NotFound.Enqueue(path);
                response.StatusCode = 404;
                return;
            }

            var bytes = File.ReadAllBytes(file);
            response.StatusCode = 200;
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.ContentLength64 = bytes.Length;
            response.Headers["Cache-Control"] = "no-store";
            if (context.Request.HttpMethod == "GET")
            {
                response.OutputStream.Write(bytes);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The browser went away or the server is stopping; nothing to answer.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed.
            }
        }
    }
}
