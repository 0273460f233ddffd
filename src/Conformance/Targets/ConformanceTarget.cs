using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Provider;

namespace Conformance.Targets;

/// <summary>
/// Everything a check needs about the provider under test, built once per run from the profile: the logged-in
/// client, the provider, its information, the allowlist, timeouts, the run id and, for the embedded target,
/// the simulator's control surface.
/// </summary>
internal sealed class ConformanceTarget
{
    /// <summary>The logged-in client (no observer; checks add their own).</summary>
    public required SmsClient Client { get; init; }

    /// <summary>Creates a client of the same endpoint with no session, for session checks.</summary>
    public required Func<SmsClient> CreateUnauthenticatedClient { get; init; }

    /// <summary>The provider under test.</summary>
    public required ManagedObjectReference Provider { get; init; }

    /// <summary>Its information, when QueryProviderInfo returned one.</summary>
    public VasaProviderInfo? Info { get; init; }

    /// <summary>The answer to QueryProviderInfo when it was not a VasaProviderInfo (why <see cref="Info"/> is null); null otherwise.</summary>
    public ProviderResult<DataObject>? InfoAnswer { get; init; }

    /// <summary>The QueryProviderInfo exchange made while connecting (the evidence when its answer contradicts the profile).</summary>
    public ProviderCall? InfoCall { get; init; }

    /// <summary>The vCenter's name and version, when it says.</summary>
    public string? VcenterAbout { get; init; }

    /// <summary>
    /// The groups the suite may change: the profile's allowlist, each entry under the id it goes by now (a reversal may
    /// give a group a new id; the run's round trips and its start follow it, <see cref="Renames"/>).
    /// </summary>
    public required IReadOnlyList<ReplicationGroupId> Allowlist
    {
        get => this.Renames.IsEmpty ? this.declared : [.. this.declared.Select(d => this.Renames.TryGetValue(d.Key, out var now) ? now : d)];
        init => this.declared = value;
    }

    private readonly IReadOnlyList<ReplicationGroupId> declared = [];

    /// <summary>The allowlist as the profile declares it.</summary>
    public IReadOnlyList<ReplicationGroupId> DeclaredAllowlist => this.declared;

    /// <summary>Allowlist entries that go by another id now: declared key → the id found (by the round trips' renames, links or name).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, ReplicationGroupId> Renames { get; } = new(StringComparer.Ordinal);

    /// <summary>Each pair as the run first found it, and whether a failed restore stopped the run (shared with the peer side).</summary>
    public Restore.RestoreLedger Restores { get; init; } = new();


    /// <summary>How long a task may take before it is a stuck task.</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first poll interval.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Number of property cases.</summary>
    public int PropertyCases { get; init; } = 50;

    /// <summary>A fixed seed for property checks (VASA_SEED or the profile), else a fresh one per run.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Unique per run; part of every id the suite makes up.</summary>
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The peer site, connected for reading only, when the profile names one (<c>peer</c>); null: one site.</summary>
    public PeerSite? Peer { get; init; }

    /// <summary>The simulated provider, for the embedded target only. Its reset brings the initial ids back, so the target forgets the renames it followed.</summary>
    public SimulatedProvider? Simulator
    {
        get => this.simulator;
        init
        {
            this.simulator = value;
            if (value is not null)
            {
                value.WasReset += this.Renames.Clear;
            }
        }
    }

    private readonly SimulatedProvider? simulator;

    /// <summary>Shared scenarios, run once per target and read by several checks.</summary>
    public ScenarioCache Scenarios { get; } = new();

    /// <summary>The run's group leases (shared with <see cref="PeerSide"/>): which check is using which group, so that checks running at once use disjoint groups.</summary>
    public GroupLeases Leases { get; init; } = new();

    /// <summary>The key a group of this site is leased under: the site's endpoint and the group (two sites may use the same ids).</summary>
    public string LeaseKey(ReplicationGroupId id) => $"{this.Client.Transport.BaseUri}|{id.Key}";

    /// <summary>Records every state-changing call the suite makes.</summary>
    public ChangeJournal Journal { get; init; } = new();

    /// <summary>Every exchange of the run, judged by VMware's type definitions (shared by all lanes); null where nothing keeps one.</summary>
    public Harness.Oracle.ExchangeLedger? Ledger { get; init; }

    /// <summary>The first stuck task and the methods that fell silent in this run (shared by all lanes), so that no check waits again for the same cause.</summary>
    public FailFast FailFast { get; init; } = new();

    /// <summary>How transient faults are retried.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>What the profile declares per operation; undeclared operations are expected to be implemented.</summary>
    public IReadOnlyDictionary<string, DeclaredCapability> Capabilities { get; init; } = new Dictionary<string, DeclaredCapability>();

    /// <summary>Every fault answer seen from a state-changing operation in this run (shared by all lanes), for the fault-contract checks.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<FaultSighting> Faults { get; init; } = new();

    /// <summary>The declaration for an operation.</summary>
    public DeclaredCapability CapabilityOf(string operation) => this.Capabilities.GetValueOrDefault(operation, DeclaredCapability.Undeclared);

    /// <summary>The batch limit to exceed: the provider's maxBatchSize, else the limit the profile declares.</summary>
    public long? BatchLimit(string operation) => this.Info?.MaxBatchSize is > 0 ? this.Info.MaxBatchSize : this.CapabilityOf(operation).BatchLimit;

    /// <summary>How many groups the run may consume for good (the profile's budget), and what it has consumed; shared by every lane and the peer side.</summary>
    public GroupBudget Budget { get; init; } = new(null, counts: false);

    /// <summary>Cancelled when the run is interrupted (Ctrl-C, SIGTERM, or run.sh's stop file).</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>The most tasks kept in flight at once (the profile's maxConcurrentTasks).</summary>
    public int MaxConcurrentTasks
    {
        get => this.maxConcurrentTasks;
        init
        {
            this.maxConcurrentTasks = value;
            this.TaskSlots = new SemaphoreSlim(value, value);
        }
    }

    /// <summary>One slot per task in flight; a state-changing call takes one, the end of its task (or of the check) gives it back.</summary>
    public SemaphoreSlim TaskSlots { get; private init; } = new(DefaultConcurrentTasks, DefaultConcurrentTasks);

    private const int DefaultConcurrentTasks = 4;
    private readonly int maxConcurrentTasks = DefaultConcurrentTasks;

    /// <summary>Tasks the suite started whose end it has not seen yet: task moId → its groups.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> OpenTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call's latency by operation, in milliseconds (all checks, scenarios and property cases).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<double>> Latencies { get; } = new(StringComparer.Ordinal);

    /// <summary>How long each task the suite waited for took to end (for the performance envelope in the report).</summary>
    public System.Collections.Concurrent.ConcurrentBag<TimeSpan> TaskDurations { get; } = [];

    /// <summary>A task waiter with the profile's timeout and poll interval.</summary>
    public TaskWaiter Waiter => new(this.TaskTimeout, this.PollInterval);

    /// <summary>The same provider and session with other limits (and fresh scenarios and journal): for benchmarks and tests.</summary>
    public ConformanceTarget With(int? propertyCases = null, ulong? seed = null, int? maxConcurrentTasks = null, TimeSpan? taskTimeout = null, GroupBudget? budget = null) => new()
    {
        Client = this.Client,
        CreateUnauthenticatedClient = this.CreateUnauthenticatedClient,
        Provider = this.Provider,
        Info = this.Info,
        InfoAnswer = this.InfoAnswer,
        InfoCall = this.InfoCall,
        VcenterAbout = this.VcenterAbout,
        Allowlist = this.Allowlist,
        TaskTimeout = taskTimeout ?? this.TaskTimeout,
        PollInterval = this.PollInterval,
        PropertyCases = propertyCases ?? this.PropertyCases,
        Seed = seed ?? this.Seed,
        RunId = this.RunId,
        Simulator = this.Simulator,
        Peer = this.Peer,
        Retry = this.Retry,
        Capabilities = this.Capabilities,
        Stopping = this.Stopping,
        MaxConcurrentTasks = maxConcurrentTasks ?? this.MaxConcurrentTasks,
        Ledger = this.Ledger,
        Budget = budget ?? this.Budget,
        FailFast = new FailFast { KeepWaitingAfterStuckTask = this.FailFast.KeepWaitingAfterStuckTask },
    };

    private ConformanceTarget? peerSide;

    /// <summary>
    /// The peer site as a target of its own (its client, provider and allowlist), sharing this run's journal, ledger,
    /// simulator, fault sightings and fail-fast memory: the lifecycle calls it where an operation must be called at the
    /// other end (PrepareFailover at the source, failback). Null without a peer. Its own peer is this site.
    /// </summary>
    public ConformanceTarget? PeerSide => this.Peer is not { } peer ? null : LazyInitializer.EnsureInitialized(ref this.peerSide, () => new ConformanceTarget
    {
        Client = peer.Client,
        CreateUnauthenticatedClient = this.CreateUnauthenticatedClient,
        Provider = peer.Provider,
        Info = peer.Info,
        Allowlist = peer.Allowlist,
        TaskTimeout = this.TaskTimeout,
        PollInterval = this.PollInterval,
        PropertyCases = this.PropertyCases,
        Seed = this.Seed,
        RunId = this.RunId,
        Simulator = this.Simulator,
        Peer = new PeerSite { Client = this.Client, Provider = this.Provider, Info = this.Info, Allowlist = this.Allowlist },
        Retry = this.Retry,
        Capabilities = this.Capabilities,
        Stopping = this.Stopping,
        MaxConcurrentTasks = this.MaxConcurrentTasks,
        Journal = this.Journal,
        Restores = this.Restores,
        Ledger = this.Ledger,
        Faults = this.Faults,
        FailFast = this.FailFast,
        Leases = this.Leases,
        Budget = this.Budget,
    });

    /// <summary>A fault domain id that cannot exist: <c>conformance-fd-{runId}</c>. Any group in it is made up.</summary>
    public string NonexistentFaultDomain => "conformance-fd-" + this.RunId;

    /// <summary>A made-up group id that cannot exist: <c>conformance-{purpose}-{n}-{runId}</c> in an allowlisted fault domain.</summary>
    public ReplicationGroupId NonexistentGroup(string purpose, int n = 0) =>
        ReplicationGroupId.Of(this.Allowlist.FirstOrDefault()?.FaultDomainId?.Id ?? "conformance-fd", $"conformance-{purpose}-{n}-{this.RunId}");

    /// <summary>Whether an id is one the suite made up in this run.</summary>
    public bool IsGenerated(ReplicationGroupId id) =>
        id.FaultDomainId?.Id == this.NonexistentFaultDomain
        || (id.DeviceGroupId?.Id is { } dg && dg.StartsWith("conformance-", StringComparison.Ordinal) && dg.EndsWith("-" + this.RunId, StringComparison.Ordinal));

    /// <summary>New source groups that the suite's own reversals created (tracked, like csi-test's resources, so they may be touched again and are reported).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> CreatedGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the suite may send this id to a state-changing call: allowlisted, made up, or created by the suite from an allowlisted group.</summary>
    public bool MayChange(ReplicationGroupId id) => this.IsGenerated(id) || this.declared.Any(a => a.Key == id.Key) || this.CreatedGroups.ContainsKey(id.Key) || this.Renames.Values.Any(r => r.Key == id.Key);
}
