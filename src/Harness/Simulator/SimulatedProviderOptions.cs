namespace Harness.Simulator;

/// <summary>How the simulated provider is set up: its groups, its legitimate behaviour knobs, and any deviations.</summary>
public sealed record SimulatedProviderOptions
{
    /// <summary>The initial groups. With <see cref="Sites"/> 2 each names its site and its peer (see <see cref="SimulatedPairs.Layout"/>).</summary>
    public required IReadOnlyList<SimulatedGroup> Groups { get; init; }

    /// <summary>
    /// 1: one VASA provider (<see cref="SimulatedProvider.ProviderMoId"/>) holds every group. 2: a two-site world, site A's
    /// provider (<see cref="SimulatedProvider.ProviderMoId"/>) and site B's (<see cref="SimulatedProvider.PeerProviderMoId"/>),
    /// each holding its own groups, in pairs that point at each other.
    /// </summary>
    public int Sites { get; init; } = 1;

    /// <summary>With <see cref="Sites"/> 2: whether one vCenter serves both providers (otherwise each site has its own vCenter, served on its own port).</summary>
    public bool SameVcenter { get; init; }

    /// <summary>How many active alarms each provider holds (Red and Yellow, never Green).</summary>
    public int AlarmsPerSite { get; init; } = 5;

    /// <summary>How many alarms one QueryActiveAlarm page holds at most (then a pageMarker leads to the next).</summary>
    public int AlarmPageSize { get; init; } = 2;

    /// <summary>How many point-in-time replicas each target group (TARGET, FAILEDOVER or INTEST) starts with.</summary>
    public int ReplicasPerGroup { get; init; } = 3;

    /// <summary><c>VasaProviderInfo.maxBatchSize</c>; null means not reported.</summary>
    public long? MaxBatchSize { get; init; } = 8;

    /// <summary>The batch limit really enforced (more groups: TooMany); null means none.</summary>
    public int? BatchLimit { get; init; } = 8;

    /// <summary>Whether TooMany carries maxBatchSize.</summary>
    public bool TooManyReportsMaxBatchSize { get; init; } = true;

    /// <summary>What TooMany.maxBatchSize states instead of the enforced limit (null: the limit). 0 or negative is VMware's documented "one group per call".</summary>
    public long? TooManyMaxBatchSize { get; init; }

    /// <summary>How many polls a task stays non-terminal (the first of several sees it queued, the others running).</summary>
    public int TaskPollsToComplete { get; init; } = 2;

    /// <summary>
    /// The least time a task takes, from its creation, in milliseconds: it becomes terminal only once
    /// <see cref="TaskPollsToComplete"/> polls have happened and this much time has passed. 0: no minimum.
    /// </summary>
    public int TaskDurationMilliseconds { get; init; }

    /// <summary>
    /// How many running polls take progress to 100: each running poll adds <c>100 / ProgressSteps</c> (integer),
    /// capped at 99. Queued reports 0, success 100, error keeps the last value. At least 1.
    /// </summary>
    public int ProgressSteps { get; init; } = 2;

    /// <summary>How long every response is held back, in milliseconds (by the HTTP host, outside the model's lock). 0: none.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>
    /// Faults to inject, in order: a call of an operation gets the fault of the first entry for that operation that
    /// is not used up (an entry with <see cref="SimulatedFault.Times"/> = N is used up after N calls). The counts
    /// last for the provider's lifetime (<see cref="SimulatedProvider.Reset"/> keeps them).
    /// </summary>
    public IReadOnlyList<SimulatedFault> Faults { get; init; } = [];

    /// <summary>
    /// Breaks in the HTTP exchange, in order: a call of an operation gets the first entry for that operation that is
    /// not used up (see <see cref="SimulatedTransportFault"/>). Served by <see cref="SimulatedProviderServer"/> only
    /// (the model itself is transport-free); empty: the endpoint is exactly the faithful one.
    /// </summary>
    public IReadOnlyList<SimulatedTransportFault> TransportFaults { get; init; } = [];

    /// <summary>Whether a reversed group gets a new device group id (otherwise it keeps its id).</summary>
    public bool NewDeviceGroupIdOnReverse { get; init; } = true;

    /// <summary>Whether task results are sent as a bare JSON array instead of a boxed ArrayOfGroupOperationResult (unconfirmed which vCenter sends; both are accepted).</summary>
    public bool BareTaskResults { get; init; }

    /// <summary>Where a per-group error of a replication task (Reverse and the lifecycle tasks) goes (see <see cref="PerGroupErrorReading"/>; unconfirmed which vCenter takes, reference §6.4).</summary>
    public PerGroupErrorReading PerGroupErrors { get; init; } = PerGroupErrorReading.GroupErrorResult;

    /// <summary>
    /// What repeating a transition gives: reversing an already reversed group, failing over a FAILEDOVER group, starting
    /// a test of an INTEST group, stopping the test of a TARGET group (see <see cref="RepeatReading"/>; inferred, reference §8).
    /// </summary>
    public RepeatReading Repeats { get; init; } = RepeatReading.AlreadyDone;

    /// <summary>The readings of the lifecycle's unconfirmed transitions (see <see cref="SimulatedLifecycleReadings"/>).</summary>
    public SimulatedLifecycleReadings Lifecycle { get; init; } = new();

    /// <summary>What a request that breaks its method's declared parameters gets, before the model sees it (see <see cref="Simulator.RequestShapeFault"/>).</summary>
    public RequestShapeFault RequestShapeFault { get; init; } = RequestShapeFault.InvalidRequest;

    /// <summary>Provider name.</summary>
    public string ProviderName { get; init; } = "Simulated VASA provider";

    /// <summary>Provider version.</summary>
    public string ProviderVersion { get; init; } = "1.0.0";

    /// <summary>VASA version.</summary>
    public string VasaVersion { get; init; } = "5.0";

    /// <summary>The user name Login accepts.</summary>
    public string UserName { get; init; } = "administrator@vsphere.local";

    /// <summary>The password Login accepts.</summary>
    public required string Password { get; init; }

    /// <summary>Deliberate contract breaks.</summary>
    public IReadOnlySet<Deviation> Deviations { get; init; } = new HashSet<Deviation>();

    /// <summary>Whether a deviation is on.</summary>
    public bool Has(Deviation deviation) => this.Deviations.Contains(deviation);
}
