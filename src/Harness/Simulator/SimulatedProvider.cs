using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Serialization;

namespace Harness.Simulator;

/// <summary>
/// A faithful vCenter SMS endpoint for one VASA provider, with a replication-group model; or, with
/// <see cref="SimulatedProviderOptions.Sites"/> 2, a two-site world of two providers whose groups replicate to each
/// other, served by one vCenter or by one vCenter per site (<see cref="SimulatedSite.Vcenter"/>). Transport-free: the
/// HTTP hosts (<see cref="SimulatedProviderServer"/>, one per vCenter) hand every request to <see cref="Handle"/>.
/// Partial files hold one API area each.
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>The provider's moId (site A's, in a two-site world).</summary>
    public const string ProviderMoId = "vasa-provider-1";

    /// <summary>Site B's provider moId, in a two-site world.</summary>
    public const string PeerProviderMoId = "vasa-provider-2";

    private readonly object gate = new();
    private readonly List<RecordedRequest> requests = [];

    /// <summary>Creates the provider in its initial state.</summary>
    /// <exception cref="ArgumentException">An injected fault names an unknown operation or fault, or routes a non-task operation to a task.</exception>
    public SimulatedProvider(SimulatedProviderOptions options)
    {
        ValidateFaults(options.Faults);
        this.Sites = SitesOf(options);
        this.Options = options;
        this.injectionCounts = new int[options.Faults.Count];
        this.Reset();
    }

    /// <summary>How it was set up.</summary>
    public SimulatedProviderOptions Options { get; }

    /// <summary>Every request received, in order (method, path, body).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (this.gate)
            {
                return this.requests.ToList();
            }
        }
    }

    /// <summary>The current groups, in model order.</summary>
    public IReadOnlyList<SimulatedGroup> Groups
    {
        get
        {
            lock (this.gate)
            {
                return this.groups.Values.ToList();
            }
        }
    }

    /// <summary>
    /// Puts the groups back to their initial state and forgets every task, every reversal, every prepared pair and
    /// every Sync in flight (sessions stay valid, and so do the counts of injected faults).
    /// </summary>
    public void Reset()
    {
        lock (this.gate)
        {
            this.groups.Clear();
            foreach (var g in this.Options.Groups)
            {
                this.groups[g.Key] = g;
            }

            this.tasks.Clear();
            this.openTasks = 0;
            this.reversed.Clear();
            this.ResetLifecycle();
            this.SeedReplicas();
            this.SeedAlarms();
        }

        this.WasReset?.Invoke();
    }

    /// <summary>Raised after <see cref="Reset"/>: whoever follows groups across new ids forgets them (the initial ids are back).</summary>
    public event Action? WasReset;

    /// <summary>Answers one request that reached vCenter <paramref name="vcenter"/> (0, or 1 for site B's own vCenter).</summary>
    public SimulatedResponse Handle(string method, string path, IReadOnlyDictionary<string, string> headers, string? body, int vcenter = 0)
    {
        lock (this.gate)
        {
            this.requests.Add(new RecordedRequest(method, path, body, DateTimeOffset.UtcNow) { Vcenter = vcenter });
            var answer = this.Dispatch(method, path, headers, body, vcenter);
            return this.BendsShapes ? this.BendShape(path[(path.LastIndexOf('/') + 1)..], answer) : answer;
        }
    }

    private SimulatedResponse Dispatch(string method, string path, IReadOnlyDictionary<string, string> headers, string? body, int vcenter)
    {
        // /sdk/vim25/{release}/[sms/]{MoType}/{moId}/{Method}
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 5 || parts[0] != "sdk" || parts[1] != "vim25")
        {
            return new SimulatedResponse(404, "<html><body>Not found</body></html>", "text/html");
        }

        var isSms = parts[3] == "sms";
        var rest = parts.Skip(isSms ? 4 : 3).ToArray();
        if (rest.Length != 3)
        {
            return new SimulatedResponse(404, "<html><body>Not found</body></html>", "text/html");
        }

        var (moType, moId, operation) = (rest[0], rest[1], rest[2]);
        if (!isSms)
        {
            return method == "POST" && this.RefuseOffSpecRequest(parts[2], moType, operation, body) is { } refusedVim
                ? refusedVim
                : this.HandleVim(method, moType, moId, operation, headers, body, vcenter);
        }

        if (method != "POST")
        {
            return this.Fault(new InvalidRequest(), "SMS methods are invoked with POST");
        }

        if (!this.HasSession(headers, vcenter))
        {
            return this.Fault(new NotAuthenticated(), "The session is not authenticated.");
        }

        if (this.TryInjectFault(operation, this.ProviderAt(moId, vcenter) ?? this.Sites.First(x => x.Vcenter == vcenter), out var injected))
        {
            return injected;
        }

        if (!TryParseBody(body, out var root))
        {
            return this.Fault(new InvalidRequest(), "The request body is not a JSON object.");
        }

        if (this.RefuseOffSpecRequest(parts[2], moType, operation, root) is { } refused)
        {
            return refused;
        }

        this.release = parts[2];
        if (moType == "VasaProvider")
        {
            return this.ProviderAt(moId, vcenter) is { } site
                ? this.DispatchProvider(site, operation, root)
                : this.Fault(new ManagedObjectNotFound { Obj = ManagedObjectReference.Of(moType, moId) }, $"No VasaProvider '{moId}'.");
        }

        return (moType, operation) switch
        {
            ("SmsServiceInstance", "QueryStorageManager") when moId == "ServiceInstance" => Json(ManagedObjectReference.Of("SmsStorageManager", "SmsStorageManager")),
            ("SmsStorageManager", "QueryProvider") when moId == "SmsStorageManager" => Json(this.Sites.Where(x => x.Vcenter == vcenter).Select(x => ManagedObjectReference.Of("VasaProvider", x.ProviderMoId)).ToArray()),
            ("SmsStorageManager", "QueryFaultDomain") when moId == "SmsStorageManager" => this.QueryFaultDomain(root, vcenter),
            ("SmsStorageManager", "QueryReplicationGroupInfo") when moId == "SmsStorageManager" => this.QueryReplicationGroupInfo(root, vcenter),
            ("SmsTask", "QuerySmsTaskInfo") => this.QuerySmsTaskInfo(moId, vcenter),
            ("SmsTask", "QuerySmsTaskResult") => this.QuerySmsTaskResult(moId, vcenter),
            _ => this.Fault(new InvalidRequest(), $"Method '{operation}' is not available on '{moType}'."),
        };
    }

    /// <summary>A VasaProvider method, on the site's provider.</summary>
    private SimulatedResponse DispatchProvider(SimulatedSite site, string operation, JsonElement root) => operation switch
    {
        "QueryProviderInfo" => this.Options.Has(Deviation.ProviderInfoNotVasaProviderInfo)
            ? Json<DataObject>(new Harness.Wire.Provider.SmsProviderInfo { Uid = site.ProviderUid, Name = this.Options.ProviderName, Version = this.Options.ProviderVersion })
            : Json(this.ProviderInfo(site)),
        "QueryReplicationGroup" => this.QueryReplicationGroup(root, site),
        "ReverseReplicateGroup_Task" => this.ReverseReplicateGroup(root, site),
        "QueryReplicationPeer" => this.QueryReplicationPeer(root, site),
        "QueryPointInTimeReplica" => this.QueryPointInTimeReplica(root, site),
        "QueryActiveAlarm" => this.QueryActiveAlarm(root, site),
        "VasaProviderSync_Task" => this.VasaProviderSync(root, site),
        _ when LifecycleByMethod.TryGetValue(operation, out var lifecycle) => this.StartLifecycle(lifecycle, root, site),
        _ => this.Fault(new InvalidRequest(), $"Method '{operation}' is not available on 'VasaProvider'."),
    };

    private static bool TryParseBody(string? body, out JsonElement root)
    {
        root = default;
        if (string.IsNullOrWhiteSpace(body))
        {
            // Methods without parameters may be sent with no body at all (vim_rs does).
            root = JsonDocument.Parse("{}").RootElement.Clone();
            return true;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SimulatedResponse Json<T>(T value) => new(200, WireJson.Serialize(value));
}
