using Conformance.Checks;

namespace Conformance.Operations.QueryReplicationPeer;

/// <summary>The clauses of VasaProvider.QueryReplicationPeer and the checks that enforce them; every check only reads.</summary>
internal static class QueryReplicationPeerCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "QueryReplicationPeer";

    private const string Doc = "reference sms-json-api.md §3.3 (QueryReplicationPeer) [doc]";

    public static readonly Clause All = new("QRP-ALL-1", ClauseLevel.Must, "With a null or empty faultDomainId the provider returns a result for every source fault domain: every fault domain holding one of its SOURCE groups is a sourceDomain of the answer.", Doc) { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that a null or empty input returns results for all source fault domains" };
    public static readonly Clause Length = new("QRP-LEN-1", ClauseLevel.Must, "With a non-empty faultDomainId the answer holds one QueryReplicationPeerResult per input entry, each sourceDomain matching an input id.", Doc) { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents one result per input entry, with the same length, and sourceDomain matching an input id" };
    public static readonly Clause NotFound = new("QRP-NF-1", ClauseLevel.Must, "A fault domain the provider does not hold gets a result whose error holds NotFound.", Doc + ", per-entry faults") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents NotFound as the per-entry fault of an unknown id" };
    public static readonly Clause Duplicate = new("QRP-DUP-1", ClauseLevel.Must, "A fault domain repeated in the input gets a result whose error holds DuplicateEntry for the repeat.", Doc + ", per-entry faults") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents DuplicateEntry as the per-entry fault of a repeated id" };
    public static readonly Clause ErrorWhenNoTarget = new("QRP-RES-1", ClauseLevel.Must, "A result without targetDomain has error set.", Doc + ", result fields") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents error as \"must be set when targetDomain is not set\"" };
    public static readonly Clause NotBoth = new("QRP-RES-2", ClauseLevel.Should, "A result with targetDomain has no error: error is set exactly when targetDomain is unset.", "replication-lifecycle.md §4 QRP-RES-1 (the converse, inferred)") { Basis = LevelBasis.Inferred, Why = "VMware documents only that error is set when targetDomain is not; the converse is inferred" };
    public static readonly Clause Topology = new("QRP-TOPO-1", ClauseLevel.Should, "Across the two sites of a pair, the peer's fault domain that sources a group of the site under test names that group's fault domain among its targetDomain.", "replication-lifecycle.md §4 QRP-TOPO-1, §5 (needs the peer site in the profile)") { Basis = LevelBasis.Inferred, Why = "that QueryReplicationPeer at one site agrees with the groups at the other is inferred from the pairs" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [All, Length, NotFound, Duplicate, ErrorWhenNoTarget, NotBoth, Topology];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("QueryReplicationPeer_without_ids_returns_every_source_fault_domain", All, Feature, QueryReplicationPeerChecks.WithoutIdsReturnsEverySourceDomain),
        new("QueryReplicationPeer_answers_one_result_per_requested_fault_domain", Length, Feature, QueryReplicationPeerChecks.OneResultPerId),
        new("QueryReplicationPeer_answers_an_unknown_fault_domain_with_NotFound", NotFound, Feature, QueryReplicationPeerChecks.UnknownIdGetsNotFound),
        new("QueryReplicationPeer_flags_a_repeated_fault_domain_with_DuplicateEntry", Duplicate, Feature, QueryReplicationPeerChecks.RepeatedIdGetsDuplicateEntry),
        new("A_peer_result_without_targetDomain_has_an_error", ErrorWhenNoTarget, Feature, QueryReplicationPeerChecks.ErrorWhenNoTargetDomain),
        new("A_peer_result_with_targetDomain_has_no_error", NotBoth, Feature, QueryReplicationPeerChecks.NoErrorWithTargetDomain),
        new(QueryReplicationPeerChecks.TopologyName, Topology, Feature, QueryReplicationPeerChecks.PeerTargetsThisSite) { Exclusive = true },
    ];
}
