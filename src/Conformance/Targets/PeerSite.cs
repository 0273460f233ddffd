using Harness.Client;
using Harness.Wire;
using Harness.Wire.Provider;

namespace Conformance.Targets;

/// <summary>
/// The peer site of a replication pair (the profile's <c>peer</c>), connected for reading only: the two-site clauses
/// query it next to the provider under test. The suite sends it no state-changing call.
/// </summary>
internal sealed record PeerSite
{
    /// <summary>The logged-in client of the peer's vCenter.</summary>
    public required SmsClient Client { get; init; }

    /// <summary>The peer's provider.</summary>
    public required ManagedObjectReference Provider { get; init; }

    /// <summary>Its information, when QueryProviderInfo returned one.</summary>
    public VasaProviderInfo? Info { get; init; }

    /// <summary>The peer site read through <paramref name="connection"/>.</summary>
    public static PeerSite Of(ProviderConnection connection) => new() { Client = connection.Client, Provider = connection.Provider, Info = connection.Info };

    /// <summary>Why a two-site clause does not apply to a run without a peer.</summary>
    public const string Missing = "needs the peer site in the profile (\"peer\"): the clause compares the two sites of a replication pair";
}
