using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Tests.Reporting;

/// <summary>
/// A headless Chromium (Debian's package) driven over the Chrome DevTools Protocol with nothing but
/// <see cref="ClientWebSocket"/> and JSON: started with a fresh user-data-dir and --remote-debugging-port=0, the port read
/// from DevToolsActivePort, the browser websocket from /json/version, one page created with Target.createTarget and
/// attached in flat mode. Every wait is bounded; <see cref="DisposeAsync"/> kills the browser's process tree and
/// deletes the user-data-dir.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);
    private readonly Process process;
    private readonly string userDataDir;
    private readonly ConcurrentQueue<string> output;
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private Task receiveLoop = Task.CompletedTask;
    private string? allowedPrefix;
    private string? sessionId;
    private string? targetId;
    private int nextId;

    private HeadlessChromium(Process process, string userDataDir, ConcurrentQueue<string> output)
    {
        this.process = process;
        this.userDataDir = userDataDir;
        this.output = output;
    }

    /// <summary>Requests the page made to anywhere but the allowed origin, refused (see <see cref="BlockAllButAsync"/>).</summary>
    public ConcurrentQueue<string> BlockedRequests { get; } = new();

    /// <summary>Uncaught page exceptions and console errors seen so far (Runtime and Log events).</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>The browser's executable: /usr/bin/chromium, else "chromium" on PATH; null when absent.</summary>
    public static string? FindExecutable()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts the browser, connects to it and opens one blank page of the given size.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(string executable, int width, int height, CancellationToken ct)
    {
        var userDataDir = Path.Combine(Path.GetTempPath(), "vasa-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(userDataDir);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", "--hide-scrollbars",
            // Only 127.0.0.1: every other host name fails to resolve (the page's requests are also refused, see BlockAllBut).
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--user-data-dir=" + userDataDir, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
            $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        void Keep(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null && output.Count < 200)
            {
                output.Enqueue(e.Data);
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            TryDelete(userDataDir);
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, userDataDir, output);
        try
        {
            await browser.ConnectAsync(ct).ConfigureAwait(false);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, ct, browserLevel: true).ConfigureAwait(false);
            browser.targetId = target.GetProperty("targetId").GetString();
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = browser.targetId, ["flatten"] = true }, ct, browserLevel: true).ConfigureAwait(false);
            browser.sessionId = attached.GetProperty("sessionId").GetString();
            await browser.SendAsync("Page.enable", null, ct).ConfigureAwait(false);
            await browser.SendAsync("Runtime.enable", null, ct).ConfigureAwait(false);
            await browser.SendAsync("Log.enable", null, ct).ConfigureAwait(false);
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, ct).ConfigureAwait(false);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Pauses every request of the page (Fetch domain) and fails each one whose URL does not start with
    /// <paramref name="origin"/> (e.g. the report's Google Analytics script), recording it in <see cref="BlockedRequests"/>.
    /// </summary>
    public async Task BlockAllButAsync(Uri origin, CancellationToken ct)
    {
        this.allowedPrefix = origin.GetLeftPart(UriPartial.Authority) + "/";
        var patterns = new JsonArray { new JsonObject { ["urlPattern"] = "*", ["requestStage"] = "Request" } };
        await this.SendAsync("Fetch.enable", new JsonObject { ["patterns"] = patterns }, ct).ConfigureAwait(false);
    }

    /// <summary>Navigates the page (Page.navigate); the caller then polls for what it waits for.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken ct)
    {
        var result = await this.SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, ct).ConfigureAwait(false);
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"navigating to {url} failed: {error.GetString()}");
        }
    }

    /// <summary>Evaluates an expression in the page (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken ct)
    {
        var result = await this.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, ct).ConfigureAwait(false);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            var description = exception.TryGetProperty("exception", out var e) && e.TryGetProperty("description", out var d) ? d.GetString() : exception.GetRawText();
            throw new InvalidOperationException("the page threw: " + description);
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : default;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> every 100 ms until it returns something other than null/undefined/false,
    /// at most <paramref name="timeout"/>; then fails naming <paramref name="what"/>, the last page text and page errors.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string expression, TimeSpan timeout, string what, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await this.EvaluateAsync(expression, ct).ConfigureAwait(false);
            if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                string text;
                try
                {
                    text = (await this.EvaluateAsync("document.body ? document.body.innerText.slice(0, 1500) : '(no body)'", ct).ConfigureAwait(false)).GetString() ?? string.Empty;
                }
                catch (InvalidOperationException e)
                {
                    text = e.Message;
                }

                throw new TimeoutException($"the page did not show {what} within {timeout.TotalSeconds:0} s; page text: {text}; page errors: {string.Join(" | ", this.PageErrors)}");
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A PNG of the viewport (Page.captureScreenshot).</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken ct)
    {
        var result = await this.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, ct).ConfigureAwait(false);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    /// <summary>What the browser printed (at most 200 lines), for failure messages.</summary>
    public string Output => string.Join('\n', this.output);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (this.socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await this.SendAsync("Browser.close", null, close.Token, browserLevel: true).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or WebSocketException or TimeoutException)
                {
                    // Killed below.
                }
            }
        }
        finally
        {
            await this.stop.CancelAsync().ConfigureAwait(false);
            this.socket.Abort();
            this.socket.Dispose();
            try
            {
                if (!this.process.WaitForExit(TimeSpan.FromSeconds(3)))
                {
                    this.process.Kill(entireProcessTree: true);
                    this.process.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone.
            }

            _ = await Task.WhenAny(this.receiveLoop, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
            this.process.Dispose();
            this.stop.Dispose();
            this.sendLock.Dispose();
            TryDelete(this.userDataDir);
        }
    }

    private static void TryDelete(string directory)
    {
        // Chromium's helpers may still be writing for a moment after the kill.
        for (var attempt = 0; attempt < 10 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        // Chromium writes "<port>\n<browser path>" to DevToolsActivePort once it listens.
        var portFile = Path.Combine(this.userDataDir, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        string[] lines = [];
        while (lines.Length < 2 || !int.TryParse(lines[0], out _))
        {
            if (this.process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {this.process.ExitCode} before listening:\n{this.Output}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"chromium wrote no DevToolsActivePort within 20 s:\n{this.Output}");
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
            try
            {
                lines = File.Exists(portFile) ? (await File.ReadAllTextAsync(portFile, ct).ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
            }
            catch (IOException)
            {
                lines = [];
            }
        }

        var port = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var version = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/version"), ct).ConfigureAwait(false);
        using var document = JsonDocument.Parse(version);
        var url = new Uri(document.RootElement.GetProperty("webSocketDebuggerUrl").GetString()!);
        if (url.Host != "127.0.0.1")
        {
            throw new InvalidOperationException("the DevTools endpoint is not on 127.0.0.1: " + url);
        }

        using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connect.CancelAfter(TimeSpan.FromSeconds(10));
        await this.socket.ConnectAsync(url, connect.Token).ConfigureAwait(false);
        this.receiveLoop = Task.Run(this.ReceiveLoopAsync);
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken ct, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref this.nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel)
        {
            message["sessionId"] = this.sessionId ?? throw new InvalidOperationException("no page attached");
        }

        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        this.pending[id] = reply;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await this.sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await this.socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            }
            finally
            {
                this.sendLock.Release();
            }

            try
            {
                return await reply.Task.WaitAsync(CommandTimeout, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"chromium did not answer {method} within {CommandTimeout.TotalSeconds:0} s");
            }
        }
        finally
        {
            this.pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (this.socket.State == WebSocketState.Open && !this.stop.IsCancellationRequested)
            {
                var received = await this.socket.ReceiveAsync(buffer, this.stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                this.Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closed: the pending commands fail below.
        }

        foreach (var waiting in this.pending.Values)
        {
            waiting.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && idElement.TryGetInt32(out var id))
        {
            if (this.pending.TryGetValue(id, out var waiting))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    waiting.TrySetException(new InvalidOperationException("DevTools error: " + error.GetRawText()));
                }
                else
                {
                    waiting.TrySetResult(root.GetProperty("result").Clone());
                }
            }

            return;
        }

        var method = root.TryGetProperty("method", out var m) ? m.GetString() : null;
        if (method == "Fetch.requestPaused")
        {
            var parameters = root.GetProperty("params");
            var requestId = parameters.GetProperty("requestId").GetString();
            var url = parameters.GetProperty("request").GetProperty("url").GetString() ?? string.Empty;
            var allowed = this.allowedPrefix is { } prefix && url.StartsWith(prefix, StringComparison.Ordinal);
            if (!allowed && this.BlockedRequests.Count < 50)
            {
                this.BlockedRequests.Enqueue(url);
            }

            // Answered off the receive loop, which must keep reading to see the replies.
            _ = Task.Run(async () =>
            {
                try
                {
                    await (allowed
                        ? this.SendAsync("Fetch.continueRequest", new JsonObject { ["requestId"] = requestId }, this.stop.Token)
                        : this.SendAsync("Fetch.failRequest", new JsonObject { ["requestId"] = requestId, ["errorReason"] = "BlockedByClient" }, this.stop.Token)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or WebSocketException or TimeoutException or ObjectDisposedException)
                {
                    // The page or the browser went away.
                }
            });
            return;
        }

        if ((method is "Runtime.exceptionThrown" or "Log.entryAdded") && this.PageErrors.Count < 50)
        {
            var text = root.GetProperty("params").GetRawText();
            if (method == "Runtime.exceptionThrown" || text.Contains("\"level\":\"error\"", StringComparison.Ordinal))
            {
                this.PageErrors.Enqueue(text.Length > 500 ? text[..500] : text);
            }
        }
    }
}
