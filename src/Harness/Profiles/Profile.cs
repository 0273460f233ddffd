using System.ComponentModel.DataAnnotations;

namespace Harness.Profiles;

/// <summary>
/// The provider under test, as described by a validated profile file. Build one with <see cref="ProfileLoader"/>;
/// every field has a documented default and range, checked at load time against profiles/profile.schema.json (the
/// <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>s here are the schema's, a test keeps them equal).
/// The first site's fields (<see cref="Site"/>) are at the top level of the JSON; the optional <see cref="Peer"/> has the same fields.
/// </summary>
internal sealed record Profile
{
    /// <summary>The default <see cref="Release"/>.</summary>
    public const string DefaultRelease = "8.0.3.0";

    /// <summary>The default <see cref="TaskTimeoutSeconds"/>.</summary>
    public const int DefaultTaskTimeoutSeconds = 300;

    /// <summary>The default <see cref="PollIntervalMilliseconds"/>.</summary>
    public const int DefaultPollIntervalMilliseconds = 200;

    /// <summary>The profile's name: 1 to 64 of <c>A-Z a-z 0-9 . _ -</c>. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The first site: target, release, credentials, tls, providerId and groups at the top level of the JSON. Required.</summary>
    public required SiteProfile Site { get; init; }

    /// <summary>
    /// The second site (the JSON's <c>peer</c>): the peer vCenter of a replication pair, or the simulator's second site
    /// when both are embedded. Pairs are discovered from the two providers, never listed. <value>Default: <c>null</c> (one site).</value>
    /// </summary>
    public SiteProfile? Peer { get; init; }

    /// <summary>The first site's target (<see cref="SiteProfile.Target"/>).</summary>
    public ProfileTarget Target => this.Site.Target;

    /// <summary>The first site's release (<see cref="SiteProfile.Release"/>).</summary>
    public string Release => this.Site.Release;

    /// <summary>The first site's credentials (<see cref="SiteProfile.Credentials"/>); <c>null</c> only for an embedded target without any.</summary>
    public CredentialSource? Credentials => this.Site.Credentials;

    /// <summary>The first site's certificate checks (<see cref="SiteProfile.Tls"/>).</summary>
    public TlsSettings Tls => this.Site.Tls;

    /// <summary>The first site's provider id (<see cref="SiteProfile.ProviderId"/>); <c>null</c>: discover.</summary>
    public string? ProviderId => this.Site.ProviderId;

    /// <summary>The default per-call timeout.</summary>
    public const int DefaultCallTimeoutSeconds = 60;

    /// <summary>The default limit of tasks in flight.</summary>
    public const int DefaultMaxConcurrentTasks = 4;

    /// <summary>The most tasks the suite keeps in flight against the provider at once (default 4).</summary>
    [Range(1, 64)]
    public int MaxConcurrentTasks { get; init; } = DefaultMaxConcurrentTasks;

    /// <summary>Whether plain http to a host that is not loopback is accepted (an explicit opt-in).</summary>
    public bool AllowPlainHttp { get; init; }

    /// <summary>How long one HTTP exchange may take, body included (default 60 s).</summary>
    [Range(1, 3600)]
    public int CallTimeoutSeconds { get; init; } = DefaultCallTimeoutSeconds;

    /// <summary>The largest response body read (default 16 MiB); a larger one is aborted, not buffered.</summary>
    [Range(1024, 1073741824)]
    public long MaxResponseBytes { get; init; } = Harness.Client.SmsTransport.DefaultMaxResponseBytes;

    /// <summary>The known-failures baseline file (relative to the profile's folder), if any; <c>--baseline</c> overrides it.</summary>
    public string? Baseline { get; init; }

    /// <summary>The first site's allowlist (<see cref="SiteProfile.Groups"/>): every simulator group by default for the embedded target.</summary>
    public IReadOnlyList<GroupRef> Groups => this.Site.Groups;

    /// <summary>How long to wait for an SMS task to finish, in seconds. <value>Default: 300; range 1..86400.</value></summary>
    [Range(1, 86400)]
    public int TaskTimeoutSeconds { get; init; } = DefaultTaskTimeoutSeconds;

    /// <summary>
    /// Whether every check waits the full task timeout even after a task of this provider was stuck. <value>Default:
    /// false: after the first stuck task the checks that need a task to end are inconclusive at once (see RRG-TASK-2).</value>
    /// </summary>
    public bool KeepWaitingAfterStuckTask { get; init; }

    /// <summary>The first task-poll interval in milliseconds; polling backs off from it. <value>Default: 200; range 10..60000.</value></summary>
    [Range(10, 60000)]
    public int PollIntervalMilliseconds { get; init; } = DefaultPollIntervalMilliseconds;

    /// <summary>
    /// What the provider declares about each SMS method, keyed by method name (one of
    /// <see cref="OperationCapability.KnownOperations"/>). <value>Default: empty (nothing declared).</value>
    /// Read it through <see cref="CapabilityOf"/>.
    /// </summary>
    public IReadOnlyDictionary<string, OperationCapability> Capabilities { get; init; } = new Dictionary<string, OperationCapability>(StringComparer.Ordinal);

    /// <summary>How the property-based checks run. <value>Default: <see cref="PropertyTestSettings.Default"/> (preset "quick").</value></summary>
    public PropertyTestSettings PropertyTests { get; init; } = PropertyTestSettings.Default;

    /// <summary>How calls that fail with ProviderBusy or ProviderUnavailable are retried. <value>Default: <see cref="RetrySettings.Default"/>.</value></summary>
    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>Whether warnings (failed SHOULD clauses) fail the gate, as <c>--strict</c> does. <value>Default: false.</value></summary>
    public bool Strict { get; init; }

    /// <summary>
    /// MUST checks or clauses this provider may leave unverified (inconclusive or broken) without the run becoming
    /// INCOMPLETE, each with a reason and an expiry date. <value>Default: none.</value>
    /// </summary>
    public IReadOnlyList<Reporting.BaselineEntry> AcceptedUnverified { get; init; } = [];

    /// <summary>
    /// How many allowlisted groups a one-site run may consume for good (the profile's <c>budget</c>), or null when the
    /// profile sets none. <value>Default: null, which the run reads as unlimited for the embedded simulator and 0 for a
    /// real provider (nothing irreversible unless the profile says so).</value>
    /// </summary>
    public int? Budget { get; init; }

    /// <summary>The simulator's model. Set exactly when the target is embedded (<see cref="SimulatorSettings.Default"/> if the file has none).</summary>
    public SimulatorSettings? Simulator { get; init; }

    /// <summary>The file the profile was loaded from (full path); <c>null</c> when parsed from text. Not a JSON field.</summary>
    public string? SourcePath { get; init; }

    /// <summary><see cref="TaskTimeoutSeconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan TaskTimeout => TimeSpan.FromSeconds(this.TaskTimeoutSeconds);

    /// <summary><see cref="PollIntervalMilliseconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(this.PollIntervalMilliseconds);

    /// <summary>The declared capability of <paramref name="operation"/>, or <see cref="OperationCapability.Undeclared"/> when the profile declares none.</summary>
    public OperationCapability CapabilityOf(string operation) =>
        this.Capabilities.TryGetValue(operation, out var capability) ? capability : OperationCapability.Undeclared;
}
