using Harness.Client;
using Harness.Wire;
using Harness.Wire.Provider;

namespace Conformance.Targets;

/// <summary>
/// The peer site of a replication pair (the profile's <c>peer</c>): the two-site clauses query it next to the provider
/// under test. The lifecycle sends it state-changing calls (PrepareFailover at the source, failback) only for the
/// groups its own allowlist names (the peer's <c>groups</c>; none by default), through
/// <see cref="ConformanceTarget.PeerSide"/>.
/// </summary>
internal sealed record PeerSite
{
    /// <summary>The logged-in client of the peer's vCenter.</summary>
    public required SmsClient Client { get; init; }

    /// <summary>The peer's provider.</summary>
    public required ManagedObjectReference Provider { get; init; }

    /// <summary>Its information, when QueryProviderInfo returned one.</summary>
    public VasaProviderInfo? Info { get; init; }

    /// <summary>The peer's groups the suite may change (the profile's <c>peer.groups</c>; every peer group of the embedded world).</summary>
    public IReadOnlyList<ReplicationGroupId> Allowlist { get; init; } = [];

    /// <summary>The peer site read through <paramref name="connection"/>, allowed to change <paramref name="allowlist"/>.</summary>
    public static PeerSite Of(ProviderConnection connection, IReadOnlyList<ReplicationGroupId>? allowlist = null) => new() { Client = connection.Client, Provider = connection.Provider, Info = connection.Info, Allowlist = allowlist ?? [] };

    /// <summary>Why a two-site clause does not apply to a run without a peer.</summary>
    public const string Missing = "needs the peer site in the profile (\"peer\"): the clause compares the two sites of a replication pair";
}
