using Conformance.Checks;

namespace Conformance.Operations.QueryReplicationGroup;

/// <summary>The clauses of VasaProvider.QueryReplicationGroup and the checks that enforce them; every check only reads.</summary>
internal static class QueryReplicationGroupCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "QueryReplicationGroup";

    private const string Doc = "reference sms-json-api.md §3.3 (QueryReplicationGroup) [doc]";

    public static readonly Clause All = new("QRG-ALL-1", ClauseLevel.Must, "With a null or empty groupId the provider returns all of its groups: only bare GroupOperationResult entries or only QueryReplicationGroupSuccessResult entries, never a mix and never a GroupErrorResult.", Doc + "; replication-lifecycle.md §4") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that a null or empty input returns all of the provider's groups, never a hybrid list" };
    public static readonly Clause Length = new("QRG-LEN-1", ClauseLevel.Must, "With a non-empty groupId the answer holds exactly one result per input entry (matched by groupId, in any order).", Doc) { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that the result array has the same length as the input, one result per entry" };
    public static readonly Clause NotFound = new("QRG-NF-1", ClauseLevel.Must, "An id the provider does not hold gets a GroupErrorResult whose error holds NotFound (per entry, not a whole-call fault).", Doc + ", per-entry faults") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents NotFound as the per-entry fault of an unknown id" };
    public static readonly Clause Duplicate = new("QRG-DUP-1", ClauseLevel.Must, "An id repeated in the input gets a GroupErrorResult whose error holds DuplicateEntry for the repeat.", Doc + ", per-entry faults") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents DuplicateEntry as the per-entry fault of an id repeated in the input" };
    public static readonly Clause Result = new("QRG-RES-1", ClauseLevel.Must, "Each QueryReplicationGroupSuccessResult carries rgInfo, a SourceGroupInfo or a TargetGroupInfo, whose state is a ReplicationReplicationState value.", Doc + "; reference §2 (GroupInfo types)") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare rgInfo a SourceGroupInfo or TargetGroupInfo and state a ReplicationReplicationState" };
    public static readonly Clause Topology = new("QRG-TOPO-1", ClauseLevel.Should, "Across the two sites of a pair, a source group's replica names a target group at the peer whose sourceInfo names the source group back, and a target group's source lists it as a replica.", "replication-lifecycle.md §4 QRG-TOPO-1, §5 (needs the peer site in the profile)") { Basis = LevelBasis.Inferred, Why = "VMware documents replica and sourceInfo separately; that the two providers' views agree is inferred" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [All, Length, NotFound, Duplicate, Result, Topology];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("QueryReplicationGroup_without_ids_returns_every_group_and_no_hybrid_list", All, Feature, QueryReplicationGroupChecks.WithoutIdsReturnsEveryGroup),
        new("QueryReplicationGroup_answers_one_result_per_requested_id", Length, Feature, QueryReplicationGroupChecks.OneResultPerId),
        new("QueryReplicationGroup_answers_an_unknown_id_with_a_per_entry_NotFound", NotFound, Feature, QueryReplicationGroupChecks.UnknownIdGetsNotFound),
        new("QueryReplicationGroup_flags_a_repeated_id_with_DuplicateEntry", Duplicate, Feature, QueryReplicationGroupChecks.RepeatedIdGetsDuplicateEntry),
        new("QueryReplicationGroup_describes_each_group_as_Source_or_TargetGroupInfo_in_a_legal_state", Result, Feature, QueryReplicationGroupChecks.EachGroupHasALegalInfo),
        new(QueryReplicationGroupChecks.TopologyName, Topology, Feature, QueryReplicationGroupChecks.SitesPointAtEachOther) { Exclusive = true },
    ];
}
