namespace Conformance.Checks;

/// <summary>One operation's clauses and checks.</summary>
/// <param name="Feature">The operation.</param>
/// <param name="Clauses">Every clause, in report order; a clause no check covers is a gap.</param>
/// <param name="Checks">Every check.</param>
internal sealed record Catalogue(string Feature, IReadOnlyList<Clause> Clauses, IReadOnlyList<Check> Checks)
{
    /// <summary>The points the sources leave unconfirmed, each with every reading the checks accept.</summary>
    public IReadOnlyList<UnconfirmedPoint> Unconfirmed { get; init; } = [];

    /// <summary>Every catalogue of the suite.</summary>
    public static IReadOnlyList<Catalogue> All { get; } =
    [
        new(Operations.ReverseReplicateGroup.ReverseCatalogue.Feature, Operations.ReverseReplicateGroup.ReverseCatalogue.Clauses, Operations.ReverseReplicateGroup.ReverseCatalogue.Checks) { Unconfirmed = Operations.ReverseReplicateGroup.ReverseReadings.Points },

        // The read-only tier: every query method, judged without a state-changing call (safe on production).
        new(QueryProviderInfo.QueryProviderInfoCatalogue.Feature, QueryProviderInfo.QueryProviderInfoCatalogue.Clauses, QueryProviderInfo.QueryProviderInfoCatalogue.Checks),
        new(QueryReplicationGroup.QueryReplicationGroupCatalogue.Feature, QueryReplicationGroup.QueryReplicationGroupCatalogue.Clauses, QueryReplicationGroup.QueryReplicationGroupCatalogue.Checks),
        new(QueryReplicationPeer.QueryReplicationPeerCatalogue.Feature, QueryReplicationPeer.QueryReplicationPeerCatalogue.Clauses, QueryReplicationPeer.QueryReplicationPeerCatalogue.Checks),
        new(QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Feature, QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Clauses, QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Checks),
        new(QueryActiveAlarm.QueryActiveAlarmCatalogue.Feature, QueryActiveAlarm.QueryActiveAlarmCatalogue.Clauses, QueryActiveAlarm.QueryActiveAlarmCatalogue.Checks),
        new(VasaProviderSync.VasaProviderSyncCatalogue.Feature, VasaProviderSync.VasaProviderSyncCatalogue.Clauses, VasaProviderSync.VasaProviderSyncCatalogue.Checks),
        StorageManager.StorageManagerCatalogues.FaultDomain,
        StorageManager.StorageManagerCatalogues.GroupInfo,

        // Its checks judge the exchanges of all the others: they run in the last stage (RunStage.WireLedger).
        new(Fidelity.FidelityCatalogue.Feature, Fidelity.FidelityCatalogue.Clauses, Fidelity.FidelityCatalogue.Checks),
    ];

    /// <summary>Every check of every catalogue, in stage order (those that judge the run's ledgers last).</summary>
    public static IReadOnlyList<Check> InRunOrder { get; } = All.SelectMany(c => c.Checks).OrderBy(c => c.Stage).ToList();

    /// <summary>Clauses no check covers.</summary>
    public IEnumerable<Clause> Gaps => this.Clauses.Where(c => !this.Checks.Any(k => k.Clauses.Contains(c)));
}
