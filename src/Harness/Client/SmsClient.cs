using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Flurl.Http;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Provider;
using Harness.Wire.Requests;
using Harness.Wire.Results;
using Harness.Wire.Serialization;
using Harness.Wire.Tasks;

namespace Harness.Client;

/// <summary>
/// The SMS JSON API client. Every call returns a <see cref="ProviderResult{T}"/> and reports its
/// <see cref="ProviderCall"/> to the observer, so each exchange lands in the current check's report.
/// </summary>
internal sealed partial class SmsClient
{
    private const string SessionHeader = "vmware-api-session-id";

    /// <summary>The request headers as recorded (the session id masked): [no session / session] × [no body / body].</summary>
    private static readonly IReadOnlyDictionary<string, string>[] RecordedRequestHeaders =
    [
        new Dictionary<string, string> { ["Accept"] = "application/json" },
        new Dictionary<string, string> { ["Accept"] = "application/json", [SessionHeader] = Security.Redactor.Mask },
        new Dictionary<string, string> { ["Accept"] = "application/json", ["Content-Type"] = "application/json" },
        new Dictionary<string, string> { ["Accept"] = "application/json", [SessionHeader] = Security.Redactor.Mask, ["Content-Type"] = "application/json" },
    ];
    private readonly Action<ProviderCall>? observer;
    private readonly Action<string>? gate;

    /// <summary>Creates a client over a shared transport.</summary>
    /// <param name="transport">The shared connection.</param>
    /// <param name="observer">Told of every exchange, once it is recorded.</param>
    /// <param name="gate">Told the operation before each exchange is sent: the caller's policy, which may stop its own work there by throwing (e.g. a check that must not call a method that fell silent earlier in the run). The client itself never throws for an answer.</param>
    public SmsClient(SmsTransport transport, Action<ProviderCall>? observer = null, Action<string>? gate = null)
    {
        this.Transport = transport;
        this.observer = observer;
        this.gate = gate;
    }

    /// <summary>The shared transport.</summary>
    public SmsTransport Transport { get; }

    /// <summary>The same session, reporting exchanges to another observer.</summary>
    public SmsClient WithObserver(Action<ProviderCall>? callObserver) => new(this.Transport, callObserver, this.gate);

    /// <summary>The same session and observer, with another gate before each exchange.</summary>
    public SmsClient WithGate(Action<string>? callGate) => new(this.Transport, this.observer, callGate);

    /// <summary><c>GET ServiceInstance/ServiceInstance/content</c> (no session needed).</summary>
    public Task<ProviderResult<ServiceContent>> RetrieveServiceContentAsync(CancellationToken ct = default) =>
        this.SendAsync<ServiceContent>("RetrieveServiceContent", HttpMethod.Get, this.Transport.Url("ServiceInstance", "ServiceInstance", "content"), null, false, ct);

    /// <summary><c>SessionManager.Login</c>; on success adopts the returned session header.</summary>
    public async Task<ProviderResult<UserSession>> LoginAsync(ManagedObjectReference sessionManager, string userName, string password, CancellationToken ct = default)
    {
        this.Transport.Redactor.AddSecret(password);
        var body = WireJson.Serialize(new LoginRequest { UserName = userName, Password = password, Locale = "en" });
        var result = await this.SendAsync<UserSession>("Login", HttpMethod.Post, this.Transport.Url("SessionManager", sessionManager.Value ?? string.Empty, "Login"), body, false, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary><c>SmsServiceInstance.QueryStorageManager</c>.</summary>
    public Task<ProviderResult<ManagedObjectReference>> QueryStorageManagerAsync(CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("SmsServiceInstance", "ServiceInstance", "QueryStorageManager", null, false, ct);

    /// <summary><c>SmsStorageManager.QueryProvider</c>.</summary>
    public Task<ProviderResult<List<ManagedObjectReference>>> QueryProviderAsync(ManagedObjectReference storageManager, CancellationToken ct = default) =>
        this.SmsAsync<List<ManagedObjectReference>>("SmsStorageManager", storageManager.Value ?? string.Empty, "QueryProvider", null, false, ct);

    /// <summary><c>QueryProviderInfo</c> on a provider.</summary>
    public Task<ProviderResult<DataObject>> QueryProviderInfoAsync(ManagedObjectReference provider, CancellationToken ct = default) =>
        this.SmsAsync<DataObject>(provider.Type ?? "VasaProvider", provider.Value ?? string.Empty, "QueryProviderInfo", null, false, ct);

    /// <summary><c>QueryReplicationGroup</c>; null or empty means every group.</summary>
    public Task<ProviderResult<List<GroupOperationResult>>> QueryReplicationGroupAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, CancellationToken ct = default) =>
        this.SmsAsync<List<GroupOperationResult>>("VasaProvider", provider.Value ?? string.Empty, "QueryReplicationGroup", WireJson.Serialize(new QueryReplicationGroupRequest { GroupId = Fresh(groups) }), false, ct);

    /// <summary><c>ReverseReplicateGroup_Task</c> with the given groups (null sends <c>{}</c>).</summary>
    public Task<ProviderResult<ManagedObjectReference>> ReverseReplicateGroupAsync(ManagedObjectReference provider, IReadOnlyList<ReplicationGroupId>? groups, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "ReverseReplicateGroup_Task", WireJson.Serialize(new ReverseReplicateGroupRequest { GroupId = Fresh(groups) }), true, ct);

    /// <summary><c>ReverseReplicateGroup_Task</c> with a body exactly as given (for input checks): the exchange is marked as a probe.</summary>
    public Task<ProviderResult<ManagedObjectReference>> ReverseReplicateGroupRawAsync(ManagedObjectReference provider, string body, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, "ReverseReplicateGroup_Task", body, true, ct, probe: true);

    /// <summary>Any VasaProvider <c>*_Task</c> method with a body exactly as given (for input checks): the exchange is marked as a probe.</summary>
    public Task<ProviderResult<ManagedObjectReference>> TaskRawAsync(ManagedObjectReference provider, string method, string body, CancellationToken ct = default) =>
        this.SmsAsync<ManagedObjectReference>("VasaProvider", provider.Value ?? string.Empty, method, body, true, ct, probe: true);

    /// <summary><c>SmsTask.QuerySmsTaskInfo</c>.</summary>
    public Task<ProviderResult<SmsTaskInfo>> QuerySmsTaskInfoAsync(ManagedObjectReference task, CancellationToken ct = default) =>
        this.SmsAsync<SmsTaskInfo>(task.Type ?? "SmsTask", task.Value ?? string.Empty, "QuerySmsTaskInfo", null, false, ct);

    /// <summary><c>SmsTask.QuerySmsTaskResult</c>; an empty 200 or a 204 gives a null value.</summary>
    public Task<ProviderResult<DataObject>> QuerySmsTaskResultAsync(ManagedObjectReference task, CancellationToken ct = default) =>
        this.SmsAsync<DataObject>(task.Type ?? "SmsTask", task.Value ?? string.Empty, "QuerySmsTaskResult", null, false, ct);

    /// <summary>Copies of the ids with only their two wire properties: an id read from a provider may carry fields it echoed (kept in Extra), which must not be sent on.</summary>
    private static List<ReplicationGroupId>? Fresh(IReadOnlyList<ReplicationGroupId>? groups) =>
        groups?.Select(g => ReplicationGroupId.Of(g.FaultDomainId?.Id ?? string.Empty, g.DeviceGroupId?.Id ?? string.Empty)).ToList();

    private Task<ProviderResult<T>> SmsAsync<T>(string moType, string moId, string method, string? body, bool changesState, CancellationToken ct, bool probe = false) =>
        this.SendAsync<T>(method, HttpMethod.Post, this.Transport.Url("sms", moType, moId, method), body ?? "{}", changesState, ct, probe);

    private async Task<ProviderResult<T>> SendAsync<T>(string operation, HttpMethod verb, string url, string? body, bool changesState, CancellationToken ct, bool probe = false)
    {
        this.gate?.Invoke(operation);
        var hadSession = this.Transport.SessionId is not null;
        var result = await this.SendOnceAsync<T>(operation, verb, url, body, changesState, ct, probe).ConfigureAwait(false);
        if (hadSession && result.Kind == OutcomeKind.Fault && result.Fault is NotAuthenticated or InvalidSession && this.Transport.Relogin is { } relogin)
        {
            // The session expired mid-run: log in again once, and repeat the call once.
            if (await relogin(ct).ConfigureAwait(false))
            {
                this.Transport.Relogins++;
                return await this.SendOnceAsync<T>(operation, verb, url, body, changesState, ct, probe).ConfigureAwait(false);
            }
        }

        return result;
    }

    private async Task<ProviderResult<T>> SendOnceAsync<T>(string operation, HttpMethod verb, string url, string? body, bool changesState, CancellationToken ct, bool probe)
    {
        var redactor = this.Transport.Redactor;
        var request = this.Transport.Flurl.Request(url);
        var session = this.Transport.SessionId;
        if (session is not null)
        {
            request = request.WithHeader(SessionHeader, session);
        }

        var requestHeaders = RecordedRequestHeaders[(session is null ? 0 : 1) + (body is null ? 0 : 2)];

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        int? status = null;
        string? responseBody = null;
        string? contentType = null;
        var responseHeaders = new Dictionary<string, string>();
        string? transportError = null;
        var timedOut = false;
        var overCap = false;
        // One deadline for the whole exchange, body included: a response that trickles in is cut off like one that never
        // comes. It also ends when the run is interrupted (Ctrl-C).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, this.Transport.Stopping);
        deadline.CancelAfter(this.Transport.CallTimeout);
        try
        {
            using var content = body is null ? null : new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await request.SendAsync(verb, content, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            status = response.StatusCode;
            foreach (var (name, value) in response.Headers)
            {
                responseHeaders[name] = value;
            }

            contentType = response.ResponseMessage.Content.Headers.ContentType?.MediaType;
            if (contentType is not null)
            {
                responseHeaders["Content-Type"] = response.ResponseMessage.Content.Headers.ContentType!.ToString();
            }

            (responseBody, transportError) = await this.ReadCappedAsync(response.ResponseMessage.Content, deadline.Token).ConfigureAwait(false);
            overCap = transportError is not null;
            if (transportError is null && status is >= 200 and < 300 && response.Headers.TryGetFirst(SessionHeader, out var newSession) && !string.IsNullOrEmpty(newSession))
            {
                this.Transport.SetSession(newSession);
            }
        }
        catch (FlurlHttpTimeoutException)
        {
            (transportError, timedOut) = (this.TimeoutMessage(), true);
        }
        catch (FlurlHttpException ex) when (ex.InnerException is OperationCanceledException && deadline.IsCancellationRequested && !ct.IsCancellationRequested && !this.Transport.Stopping.IsCancellationRequested)
        {
            (transportError, timedOut) = (this.TimeoutMessage(), true);
        }
        catch (FlurlHttpException ex)
        {
            transportError = Broken(status, Describe(ex.InnerException ?? ex));
        }
        catch (HttpRequestException ex)
        {
            transportError = Broken(status, Describe(ex));
        }
        catch (IOException ex)
        {
            transportError = Broken(status, Describe(ex));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || this.Transport.Stopping.IsCancellationRequested)
        {
            transportError = "cancelled";
        }
        catch (OperationCanceledException)
        {
            (transportError, timedOut) = (this.TimeoutMessage(), true);
        }

        clock.Stop();
        var call = new ProviderCall
        {
            CorrelationId = this.Transport.NextCorrelationId(),
            Operation = operation,
            HttpMethod = verb.Method,
            Url = redactor.Redact(url),
            RequestHeaders = requestHeaders,
            RequestBody = body is null ? null : redactor.Redact(body),
            Status = status,
            ResponseHeaders = responseHeaders.ToDictionary(kv => kv.Key, kv => Security.Redactor.IsSecretHeader(kv.Key) ? Security.Redactor.Mask : redactor.Redact(kv.Value)),
            ResponseBody = responseBody is null ? null : redactor.Redact(responseBody),
            StartedAt = started,
            Elapsed = clock.Elapsed,
            TransportError = transportError is null ? null : redactor.Redact(transportError),
            ChangesState = changesState,
            Probe = probe,
            TimedOut = timedOut,
            OverCap = overCap,
        };
        this.Transport.Ledger?.Record(call);
        this.observer?.Invoke(call);

        if (transportError is not null)
        {
            return ProviderResult<T>.Transport(call.TransportError!, call);
        }

        return Interpret<T>(status!.Value, contentType, responseBody ?? string.Empty, call);
    }

    /// <summary>A failure after the headers arrived is a connection broken mid-response, not a failed connect.</summary>
    private static string Broken(int? status, string problem) =>
        status is { } s ? $"connection broken after the HTTP {s} headers, while reading the body: {problem.Replace("connection failed: ", string.Empty, StringComparison.Ordinal).Replace("connection broken: ", string.Empty, StringComparison.Ordinal)}" : problem;

    private string TimeoutMessage() => $"no complete answer within {this.Transport.CallTimeout.TotalSeconds:0.#} s (the per-call timeout, callTimeoutSeconds)";

    /// <summary>Reads the body, aborting (not buffering) once it exceeds the transport's cap.</summary>
    private async Task<(string? Body, string? Problem)> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        var cap = this.Transport.MaxResponseBytes;
        if (content.Headers.ContentLength is > 0 and var length && length > cap)
        {
            return (null, $"response body of {length} bytes exceeds the {cap} byte cap (maxResponseBytes); aborted unread");
        }

        if (content.Headers.ContentLength is not null)
        {
            // The length is known and within the cap: read it at once.
            return (await content.ReadAsStringAsync(ct).ConfigureAwait(false), null);
        }

        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    return (null, $"response body exceeds the {cap} byte cap (maxResponseBytes); aborted after {buffer.Length + read} bytes");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    /// <summary>Classifies a response: value, fault, or violation of the wire contract.</summary>
    internal static ProviderResult<T> Interpret<T>(int status, string? contentType, string body, ProviderCall call)
    {
        var isJson = contentType is not null && contentType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        if (status == 500)
        {
            if (!isJson)
            {
                return ProviderResult<T>.Violation($"HTTP 500 with content type '{contentType ?? "(none)"}' instead of a JSON MethodFault body", call);
            }

            if (!body.TrimStart().StartsWith('{') || !WireJson.TryDeserialize<MethodFault>(body, out var fault, out _) || fault is null)
            {
                return ProviderResult<T>.Violation("HTTP 500 without a MethodFault body (the body is not a JSON object)", call);
            }

            return ProviderResult<T>.Faulted(fault, call);
        }

        if (status is 200 or 204)
        {
            if (status == 204 || body.Length == 0)
            {
                return default(T) is null && (typeof(T) == typeof(DataObject) || status == 204)
                    ? ProviderResult<T>.Ok(default!, call)
                    : ProviderResult<T>.Violation($"HTTP {status} with an empty body where a {typeof(T).Name} was expected", call);
            }

            if (!isJson)
            {
                return ProviderResult<T>.Violation($"HTTP {status} with content type '{contentType ?? "(none)"}' instead of application/json", call);
            }

            if (!WireJson.TryDeserialize<T>(body, out var value, out var error) || value is null)
            {
                return ProviderResult<T>.Violation($"HTTP {status} body is not a {typeof(T).Name}: {error ?? "null"}", call);
            }

            return ProviderResult<T>.Ok(value, call);
        }

        var hint = status switch
        {
            401 or 403 => " (authentication or permission refused outside the MethodFault contract)",
            404 => " (wrong URL, release or moId?)",
            502 or 503 or 504 => " (a proxy or the service is down)",
            _ => string.Empty,
        };
        return ProviderResult<T>.Violation(string.Create(CultureInfo.InvariantCulture, $"HTTP {status} is neither 200 nor a 500 MethodFault{hint}"), call);
    }

    private static string Describe(Exception ex)
    {
        var root = ex;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        return root switch
        {
            System.Net.Sockets.SocketException se => $"connection failed: {se.SocketErrorCode} ({se.Message})",
            System.Security.Authentication.AuthenticationException => $"TLS handshake refused: {root.Message}",
            IOException io => $"connection broken: {io.Message}",
            _ => root.Message,
        };
    }
}
