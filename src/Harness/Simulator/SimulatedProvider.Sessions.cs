using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Provider;

namespace Harness.Simulator;

/// <summary>Sessions: ServiceContent, Login, Logout and the session check.</summary>
internal sealed partial class SimulatedProvider
{
    private const string SessionHeader = "vmware-api-session-id";
    /// <summary>Every live session id, with the vCenter that issued it (a session is valid only there).</summary>
    private readonly Dictionary<string, int> sessions = new(StringComparer.Ordinal);

    /// <summary>Called with every session id issued (for leak tests: the ids must never show up in any output).</summary>
    public Action<string>? SessionIssued { get; set; }

    /// <summary>Ends every session (as if they had expired).</summary>
    public void ExpireSessions()
    {
        lock (this.gate)
        {
            this.sessions.Clear();
        }
    }

    private bool HasSession(IReadOnlyDictionary<string, string> headers, int vcenter) =>
        this.Options.Has(Deviation.NoSessionCheck)
        || (headers.TryGetValue(SessionHeader, out var id) && this.sessions.TryGetValue(id, out var issuer) && issuer == vcenter);

    private SimulatedResponse HandleVim(string method, string moType, string moId, string operation, IReadOnlyDictionary<string, string> headers, string? body, int vcenter)
    {
        switch (moType, moId, operation)
        {
            case ("ServiceInstance", "ServiceInstance", "content") when method == "GET":
                return Json(new ServiceContent
                {
                    RootFolder = ManagedObjectReference.Of("Folder", "group-d1"),
                    PropertyCollector = ManagedObjectReference.Of("PropertyCollector", "propertyCollector"),
                    SessionManager = ManagedObjectReference.Of("SessionManager", "SessionManager"),
                    About = JsonSerializer.SerializeToElement(new
                    {
                        _typeName = "AboutInfo",
                        name = "Simulated vCenter Server",
                        fullName = "Simulated vCenter Server 8.0.3 (VASA conformance simulator)",
                        vendor = "VASA conformance suite",
                        version = "8.0.3",
                        build = "0",
                        osType = "linux-x64",
                        productLineId = "vpx",
                        apiType = "VirtualCenter",
                        apiVersion = "8.0.3.0",
                    }),
                });
            case ("SessionManager", "SessionManager", "Login") when method == "POST":
                return this.Login(body, vcenter);
            case ("SessionManager", "SessionManager", "Logout") when method == "POST":
                if (!this.HasSession(headers, vcenter))
                {
                    return this.Fault(new NotAuthenticated(), "The session is not authenticated.");
                }

                this.sessions.Remove(headers[SessionHeader]);
                return SimulatedResponse.NoContent;
            default:
                return this.Fault(new InvalidRequest(), $"'{moType}/{moId}/{operation}' is not available in this simulator.");
        }
    }

    private SimulatedResponse Login(string? body, int vcenter)
    {
        if (!TryParseBody(body, out var root))
        {
            return this.Fault(new InvalidRequest(), "The request body is not a JSON object.");
        }

        var user = root.TryGetProperty("userName", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var password = root.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (user != this.Options.UserName || password != this.Options.Password)
        {
            return this.Fault(new InvalidLogin(), "Cannot complete login due to an incorrect user name or password.");
        }

        var id = Guid.NewGuid().ToString("N");
        this.sessions.Add(id, vcenter);
        this.SessionIssued?.Invoke(id);
        var now = DateTimeOffset.UtcNow;
        var session = new UserSession
        {
            Key = Guid.NewGuid().ToString(),
            UserName = user,
            FullName = user,
            LoginTime = now,
            LastActiveTime = now,
            Locale = "en",
            MessageLocale = "en",
            ExtensionSession = false,
            IpAddress = "127.0.0.1",
            UserAgent = "VASA conformance simulator",
            CallCount = 0,
        };
        return Json(session) with { Headers = new Dictionary<string, string> { [SessionHeader] = id } };
    }
}
