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

    /// <summary>The groups the suite may change.</summary>
    public required IReadOnlyList<ReplicationGroupId> Allowlist { get; init; }

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

    /// <summary>The simulated provider, for the embedded target only.</summary>
    public SimulatedProvider? Simulator { get; init; }

    /// <summary>Shared scenarios, run once per target and read by several checks.</summary>
    public ScenarioCache Scenarios { get; } = new();

    /// <summary>Records every state-changing call the suite makes.</summary>
    public ChangeJournal Journal { get; } = new();

    /// <summary>A task waiter with the profile's timeout and poll interval.</summary>
    public TaskWaiter Waiter => new(this.TaskTimeout, this.PollInterval);

    /// <summary>A made-up group id that cannot exist: <c>conformance-{purpose}-{n}-{runId}</c> in an allowlisted fault domain.</summary>
    public ReplicationGroupId NonexistentGroup(string purpose, int n = 0) =>
        ReplicationGroupId.Of(this.Allowlist.FirstOrDefault()?.FaultDomainId?.Id ?? "conformance-fd", $"conformance-{purpose}-{n}-{this.RunId}");

    /// <summary>Whether an id is one the suite made up in this run.</summary>
    public bool IsGenerated(ReplicationGroupId id) =>
        id.DeviceGroupId?.Id is { } dg && dg.StartsWith("conformance-", StringComparison.Ordinal) && dg.EndsWith("-" + this.RunId, StringComparison.Ordinal);

    /// <summary>Whether the suite may send this id to a state-changing call.</summary>
    public bool MayChange(ReplicationGroupId id) => this.IsGenerated(id) || this.Allowlist.Any(a => a.Key == id.Key);
}
