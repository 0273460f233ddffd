using Conformance.Checks;

namespace Conformance.Operations.QueryProviderInfo;

/// <summary>
/// The clauses of VasaProvider.QueryProviderInfo and the checks that enforce them; every check only reads. That the
/// profiles include Replication (replication-lifecycle.md's QPI-2) is RRG-CAP-1, checked once, by
/// ReverseReplicateGroup_Task's capability check.
/// </summary>
internal static class QueryProviderInfoCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "QueryProviderInfo";

    public static readonly Clause IsVasaProviderInfo = new("QPI-1", ClauseLevel.Must, "QueryProviderInfo on a VasaProvider returns a VasaProviderInfo (its _typeName VasaProviderInfo).", "reference sms-json-api.md §2 (VasaProviderInfo); replication-lifecycle.md §1, §4 QPI-1") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions make a VASA provider's information a VasaProviderInfo, the type that carries supportedProviderProfile and maxBatchSize" };
    public static readonly Clause MaxBatchSize = new("QPI-3", ClauseLevel.Should, "VasaProviderInfo.maxBatchSize is unset or at least 0.", "reference sms-json-api.md §2, §8 (maxBatchSize); replication-lifecycle.md §4 QPI-3") { Basis = LevelBasis.Inferred, Why = "VMware documents maxBatchSize as a long where unset or 0 or less means no common limit; that a provider does not send a negative value is inferred" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [IsVasaProviderInfo, MaxBatchSize];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("QueryProviderInfo_returns_a_VasaProviderInfo", IsVasaProviderInfo, Feature, QueryProviderInfoChecks.ReturnsVasaProviderInfo) { Ungated = true },
        new("QueryProviderInfo_maxBatchSize_is_unset_or_not_negative", MaxBatchSize, Feature, QueryProviderInfoChecks.MaxBatchSizeNotNegative) { Ungated = true },
    ];
}
