using Harness.Simulator;
using Harness.Wire.Groups;
using System.ComponentModel.DataAnnotations;

namespace Harness.Profiles;

/// <summary>The model the embedded simulator serves. Only for the embedded target; every field has a default.</summary>
internal sealed record SimulatorSettings
{
    /// <summary>
    /// Twelve groups over fault domains <c>fd-A</c> and <c>fd-B</c>: six FAILEDOVER, two SOURCE, two TARGET,
    /// one INTEST and one REMOTE_FAILEDOVER.
    /// </summary>
    public static IReadOnlyList<SimulatedGroup> DefaultGroups { get; } =
    [
        new("fd-A", "rg-fo-1", ReplicationState.FailedOver),
        new("fd-A", "rg-fo-2", ReplicationState.FailedOver),
        new("fd-A", "rg-fo-3", ReplicationState.FailedOver),
        new("fd-B", "rg-fo-4", ReplicationState.FailedOver),
        new("fd-B", "rg-fo-5", ReplicationState.FailedOver),
        new("fd-B", "rg-fo-6", ReplicationState.FailedOver),
        new("fd-A", "rg-src-1", ReplicationState.Source),
        new("fd-B", "rg-src-2", ReplicationState.Source),
        new("fd-A", "rg-tgt-1", ReplicationState.Target),
        new("fd-B", "rg-tgt-2", ReplicationState.Target),
        new("fd-A", "rg-test-1", ReplicationState.InTest),
        new("fd-B", "rg-rfo-1", ReplicationState.RemoteFailedOver),
    ];

    /// <summary>The settings used when an embedded profile has no <c>simulator</c> block. Declared after <see cref="DefaultGroups"/>, which it uses.</summary>
    public static SimulatorSettings Default { get; } = new();

    /// <summary>The default two-site world: <see cref="Default"/> with <c>sites</c> 2 and the default <see cref="Pairs"/>.</summary>
    public static SimulatorSettings TwoSites { get; } = new() { Sites = 2, Groups = SimulatedPairs.Layout(SimulatedPairs.Default) };

    /// <summary>
    /// The groups and their initial states. <value>Default: <see cref="DefaultGroups"/>.</value> Ids are unique. With
    /// <see cref="Sites"/> 2 they are the groups of both sites, laid out from <see cref="Pairs"/> (<see cref="SimulatedPairs.Layout"/>).
    /// </summary>
    public IReadOnlyList<SimulatedGroup> Groups { get; init; } = DefaultGroups;

    /// <summary>
    /// 1: one VASA provider holds every group. 2: a two-site world, a provider at site A and one at site B, whose groups
    /// come in pairs (<see cref="Pairs"/>) that replicate to each other. <value>Default: 1; range 1..2.</value>
    /// </summary>
    [Range(1, 2)]
    public int Sites { get; init; } = 1;

    /// <summary>
    /// With <see cref="Sites"/> 2: how many pairs start with their site-B twin in each state (TARGET, FAILEDOVER, INTEST);
    /// the site-A twin is the SOURCE. <value>Default: <see cref="SimulatedPairs.Default"/>; each count 0..1000.</value>
    /// </summary>
    public IReadOnlyDictionary<string, int> Pairs { get; init; } = SimulatedPairs.Default;

    /// <summary>
    /// With <see cref="Sites"/> 2: whether one vCenter serves both providers (two VasaProvider moIds on one port);
    /// otherwise each site has its own vCenter, on its own port. <value>Default: <c>false</c>.</value>
    /// </summary>
    public bool SameVcenter { get; init; }

    /// <summary>The maxBatchSize QueryProviderInfo reports. <value>Default: 8; <c>null</c> means not reported.</value></summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? MaxBatchSize { get; init; } = 8;

    /// <summary>The batch limit actually enforced: more groups in one call fail with TooMany. <value>Default: 8; <c>null</c> means no limit.</value></summary>
    [Range(1, int.MaxValue)]
    public int? BatchLimit { get; init; } = 8;

    /// <summary>Whether the TooMany fault carries maxBatchSize. <value>Default: <c>true</c>.</value></summary>
    public bool TooManyReportsMaxBatchSize { get; init; } = true;

    /// <summary>How many QuerySmsTaskInfo polls a task stays non-terminal (queued, then running). <value>Default: 2; range 0..1000.</value></summary>
    [Range(0, 1000)]
    public int TaskPollsToComplete { get; init; } = 2;

    /// <summary>The provider name reported. <value>Default: "Simulated VASA provider".</value></summary>
    public string ProviderName { get; init; } = "Simulated VASA provider";

    /// <summary>The provider version reported. <value>Default: "1.0.0".</value></summary>
    public string ProviderVersion { get; init; } = "1.0.0";

    /// <summary>The VASA version reported. <value>Default: "5.0".</value></summary>
    public string VasaVersion { get; init; } = "5.0";

    /// <summary>How long every response is held back, in milliseconds. <value>Default: 0; range 0..60000.</value></summary>
    [Range(0, 60000)]
    public int LatencyMilliseconds { get; init; }

    /// <summary>
    /// The least time a task takes from its creation, in milliseconds: it becomes terminal only after
    /// <see cref="TaskPollsToComplete"/> polls and this much time. <value>Default: 0; range 0..3600000.</value>
    /// </summary>
    [Range(0, 3600000)]
    public int TaskDurationMilliseconds { get; init; }

    /// <summary>
    /// How many running polls take progress to 100: each adds 100 / progressSteps (integer), capped at 99.
    /// <value>Default: 2; range 1..100.</value>
    /// </summary>
    [Range(1, 100)]
    public int ProgressSteps { get; init; } = 2;

    /// <summary>Faults to inject, in order (see <see cref="SimulatedProviderOptions.Faults"/>). <value>Default: empty.</value></summary>
    public IReadOnlyList<FaultInjection> Faults { get; init; } = [];

    /// <summary>Breaks in the HTTP exchange, in order (see <see cref="SimulatedProviderOptions.TransportFaults"/>). <value>Default: empty.</value></summary>
    public IReadOnlyList<TransportFault> TransportFaults { get; init; } = [];

    /// <summary>
    /// What a request whose body breaks its method's declared parameters gets, as vCenter's strict deserializer would
    /// answer it: <c>InvalidRequest</c>, <c>InvalidArgument</c> (which one vCenter sends is unconfirmed) or <c>none</c>
    /// (lenient). <value>Default: <c>InvalidRequest</c>.</value>
    /// </summary>
    public RequestShapeFault RequestShapeFault { get; init; } = RequestShapeFault.InvalidRequest;

    /// <summary>
    /// Where a per-group error of a replication task (Reverse and the lifecycle tasks) goes, each a faithful reading of an unconfirmed point
    /// (reference §6.4): <c>groupErrorResult</c> (a GroupErrorResult in a successful task), <c>taskError</c> (the task
    /// ends in error) or <c>wholeCallFault</c> (HTTP 500 on the call); with the last two one refused group refuses the
    /// whole call, which changes nothing. <value>Default: <c>groupErrorResult</c>.</value>
    /// </summary>
    public PerGroupErrorReading PerGroupErrors { get; init; } = PerGroupErrorReading.GroupErrorResult;

    /// <summary>
    /// What reversing an already reversed group gives (by its old or new id, later or concurrently), each a faithful
    /// reading of an inferred point (reference §8): <c>alreadyDone</c> (a success with an AlreadyDone warning) or
    /// <c>refused</c> (refused as any group, where <see cref="PerGroupErrors"/> says). <value>Default: <c>alreadyDone</c>.</value>
    /// </summary>
    public RepeatReading Repeats { get; init; } = RepeatReading.AlreadyDone;

    /// <summary>
    /// How the replication lifecycle's unconfirmed transitions are read (<c>lifecycle</c>: concurrentSync,
    /// peerAfterFailover, plannedFailoverNeedsPrepare, testFailoverStartResult, testFailoverStopWithoutForce,
    /// promoteCapable, peerAfterPromote), each a faithful reading. <value>Default: every reading's default (see <see cref="SimulatedLifecycleReadings"/>).</value>
    /// </summary>
    public SimulatedLifecycleReadings Lifecycle { get; init; } = new();

    /// <summary>Names of deliberate contract breaks to switch on, each one of <see cref="ProfileLoadOptions.KnownDeviations"/>. <value>Default: empty.</value></summary>
    public IReadOnlyList<string> Deviations { get; init; } = [];

    /// <summary>The simulated provider's options for these settings, accepting the given login.</summary>
    /// <exception cref="ArgumentException">A deviation name is not a <see cref="Deviation"/> (a validated profile never has one).</exception>
    public SimulatedProviderOptions ToOptions(string userName, string password) => new()
    {
        Groups = this.Groups,
        Sites = this.Sites,
        SameVcenter = this.SameVcenter,
        MaxBatchSize = this.MaxBatchSize,
        BatchLimit = this.BatchLimit,
        TooManyReportsMaxBatchSize = this.TooManyReportsMaxBatchSize,
        TaskPollsToComplete = this.TaskPollsToComplete,
        TaskDurationMilliseconds = this.TaskDurationMilliseconds,
        ProgressSteps = this.ProgressSteps,
        LatencyMilliseconds = this.LatencyMilliseconds,
        Faults = this.Faults.Select(f => f.ToSimulated()).ToList(),
        TransportFaults = this.TransportFaults.Select(f => f.ToSimulated()).ToList(),
        ProviderName = this.ProviderName,
        ProviderVersion = this.ProviderVersion,
        VasaVersion = this.VasaVersion,
        UserName = userName,
        Password = password,
        Deviations = this.Deviations.Select(Enum.Parse<Deviation>).ToHashSet(),
        RequestShapeFault = this.RequestShapeFault,
        PerGroupErrors = this.PerGroupErrors,
        Repeats = this.Repeats,
        Lifecycle = this.Lifecycle,
    };
}
