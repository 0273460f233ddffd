using Conformance.Checks;

namespace Conformance.Operations.QueryPointInTimeReplica;

/// <summary>The clauses of VasaProvider.QueryPointInTimeReplica (asked of the target site's groups) and the checks that enforce them; every check only reads.</summary>
internal static class QueryPointInTimeReplicaCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "QueryPointInTimeReplica";

    private const string Doc = "reference sms-json-api.md §3.2, §3.3 (QueryPointInTimeReplica) [doc]";

    public static readonly Clause EmptyGroupId = new("QPIT-ARG-1", ClauseLevel.Must, "An empty groupId is refused with InvalidArgument.", Doc + ", faults") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents InvalidArgument for a null or empty groupId" };
    public static readonly Clause AllThree = new("QPIT-ARG-2", ClauseLevel.Should, "A replicaTimeQueryParam with fromDate, toDate and number all set is refused with InvalidArgument.", Doc + "; replication-lifecycle.md §4 QPIT-ARG-2") { Basis = LevelBasis.Inferred, Why = "VMware documents that vSphere sets at most two of the three fields and InvalidArgument for an invalid queryParam; that all three is invalid is inferred" };
    public static readonly Clause Entries = new("QPIT-RES-1", ClauseLevel.Must, "The answer holds one entry per requested group, each a QueryPointInTimeReplicaSuccessResult, a QueryPointInTimeReplicaSummaryResult or a GroupErrorResult.", Doc) { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents each result element as a GroupErrorResult, a SuccessResult or a SummaryResult" };
    public static readonly Clause Details = new("QPIT-RES-2", ClauseLevel.Must, "preferDetails = true gets a QueryPointInTimeReplicaSuccessResult per group (or TooMany for a group with too many replicas).", Doc + ", queryParam.preferDetails") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents preferDetails true as asking for SuccessResult, and TooMany per group when there are too many" };
    public static readonly Clause Number = new("QPIT-NUM-1", ClauseLevel.Should, "A query with toDate and number returns at most number replicas per group.", Doc + ", replicaTimeQueryParam") { Basis = LevelBasis.Inferred, Why = "VMware documents number as a field of the time query; that it caps the replicas returned is inferred" };
    public static readonly Clause Range = new("QPIT-RANGE-1", ClauseLevel.Must, "A query with fromDate and toDate returns only replicas taken at or after fromDate (inclusive) and before toDate (exclusive).", Doc + ", replicaTimeQueryParam") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents fromDate as inclusive and toDate as exclusive" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [EmptyGroupId, AllThree, Entries, Details, Number, Range];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("QueryPointInTimeReplica_refuses_an_empty_groupId_with_InvalidArgument", EmptyGroupId, Feature, QueryPointInTimeReplicaChecks.EmptyGroupIdIsRefused),
        new("QueryPointInTimeReplica_refuses_fromDate_toDate_and_number_together", AllThree, Feature, QueryPointInTimeReplicaChecks.AllThreeAreRefused),
        new("QueryPointInTimeReplica_answers_one_Success_Summary_or_Error_entry_per_group", Entries, Feature, QueryPointInTimeReplicaChecks.OneEntryPerGroup),
        new("QueryPointInTimeReplica_with_preferDetails_answers_details", Details, Feature, QueryPointInTimeReplicaChecks.PreferDetailsGetsDetails),
        new("QueryPointInTimeReplica_returns_at_most_number_replicas", Number, Feature, QueryPointInTimeReplicaChecks.NumberCapsTheReplicas),
        new("QueryPointInTimeReplica_returns_only_replicas_within_the_time_range", Range, Feature, QueryPointInTimeReplicaChecks.OnlyReplicasWithinTheRange),
    ];
}
