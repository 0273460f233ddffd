namespace Conformance.Checks;

/// <summary>One operation's clauses and checks.</summary>
/// <param name="Feature">The operation.</param>
/// <param name="Clauses">Every clause, in report order; a clause no check covers is a gap.</param>
/// <param name="Checks">Every check.</param>
internal sealed record Catalogue(string Feature, IReadOnlyList<Clause> Clauses, IReadOnlyList<Check> Checks)
{
    /// <summary>The points the sources leave unconfirmed, each with every reading the checks accept.</summary>
    public IReadOnlyList<UnconfirmedPoint> Unconfirmed { get; init; } = [];

    /// <summary>
    /// The lifecycle tier: the state-changing operations besides Reverse (Sync, TestFailoverStart/Stop, Failover,
    /// PrepareFailover, Promote), each from its description, the shared contracts and the lifecycle contract.
    /// </summary>
    public static IReadOnlyList<Catalogue> Lifecycle { get; } =
    [
        Operations.SyncReplicationGroup.SyncCatalogue.Catalogue,
        Operations.TestFailoverReplicationGroupStart.TestFailoverStartCatalogue.Catalogue,
        Operations.TestFailoverReplicationGroupStop.TestFailoverStopCatalogue.Catalogue,
        Operations.FailoverReplicationGroup.FailoverCatalogue.Catalogue,
        Operations.PrepareFailoverReplicationGroup.PrepareFailoverCatalogue.Catalogue,
        Operations.PromoteReplicationGroup.PromoteCatalogue.Catalogue,
    ];

    /// <summary>Every catalogue of the suite.</summary>
    public static IReadOnlyList<Catalogue> All { get; } =
    [
        new(Operations.ReverseReplicateGroup.ReverseCatalogue.Feature, Operations.ReverseReplicateGroup.ReverseCatalogue.Clauses, Operations.ReverseReplicateGroup.ReverseCatalogue.Checks) { Unconfirmed = Operations.ReverseReplicateGroup.ReverseReadings.Points },

        // The state-changing lifecycle: each operation's shared contracts, lifecycle contract and own checks.
        .. Lifecycle,

        // The read-only tier: every query method, judged without a state-changing call (safe on production).
        new(Operations.QueryProviderInfo.QueryProviderInfoCatalogue.Feature, Operations.QueryProviderInfo.QueryProviderInfoCatalogue.Clauses, Operations.QueryProviderInfo.QueryProviderInfoCatalogue.Checks),
        new(Operations.QueryReplicationGroup.QueryReplicationGroupCatalogue.Feature, Operations.QueryReplicationGroup.QueryReplicationGroupCatalogue.Clauses, Operations.QueryReplicationGroup.QueryReplicationGroupCatalogue.Checks),
        new(Operations.QueryReplicationPeer.QueryReplicationPeerCatalogue.Feature, Operations.QueryReplicationPeer.QueryReplicationPeerCatalogue.Clauses, Operations.QueryReplicationPeer.QueryReplicationPeerCatalogue.Checks),
        new(Operations.QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Feature, Operations.QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Clauses, Operations.QueryPointInTimeReplica.QueryPointInTimeReplicaCatalogue.Checks),
        new(Operations.QueryActiveAlarm.QueryActiveAlarmCatalogue.Feature, Operations.QueryActiveAlarm.QueryActiveAlarmCatalogue.Clauses, Operations.QueryActiveAlarm.QueryActiveAlarmCatalogue.Checks),
        new(Operations.VasaProviderSync.VasaProviderSyncCatalogue.Feature, Operations.VasaProviderSync.VasaProviderSyncCatalogue.Clauses, Operations.VasaProviderSync.VasaProviderSyncCatalogue.Checks),
        Operations.StorageManager.StorageManagerCatalogues.FaultDomain,
        Operations.StorageManager.StorageManagerCatalogues.GroupInfo,

        // The lifecycle as a whole: any sequence of the operations above, on both sites, as the state machine predicts.
        // It runs after the read-only tier: against a real provider it leaves the allowlisted pairs wherever its sequences took them.
        new(Conformance.Lifecycle.LifecycleCatalogue.Feature, Conformance.Lifecycle.LifecycleCatalogue.Clauses, Conformance.Lifecycle.LifecycleCatalogue.Checks) { Unconfirmed = Conformance.Lifecycle.LifecycleCatalogue.Points },

        // Its checks judge the exchanges of all the others: they run in the last stage (RunStage.WireLedger).
        new(Fidelity.FidelityCatalogue.Feature, Fidelity.FidelityCatalogue.Clauses, Fidelity.FidelityCatalogue.Checks),
    ];

    /// <summary>Every check of every catalogue, in stage order (those that judge the run's ledgers last).</summary>
    public static IReadOnlyList<Check> InRunOrder { get; } = All.SelectMany(c => c.Checks).OrderBy(c => c.Stage).ToList();

    /// <summary>Clauses no check covers.</summary>
    public IEnumerable<Clause> Gaps => this.Clauses.Where(c => !this.Checks.Any(k => k.Clauses.Contains(c)));
}
