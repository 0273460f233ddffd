using Conformance.Checks;

namespace Conformance.Operations.VasaProviderSync;

/// <summary>
/// The clauses of VasaProviderSync_Task, a refresh of vCenter's cache of the provider that changes no replication
/// state, and the checks that enforce them. Only the basics: the task contract in general is judged elsewhere.
/// </summary>
internal static class VasaProviderSyncCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "VasaProviderSync_Task";

    public static readonly Clause EndsWell = new("VPS-1", ClauseLevel.Must, "The call answers a task MoRef, and the task ends in success, or in error with ProviderSyncFailed (or a subtype).", "reference sms-json-api.md §3.2 (VasaProviderSync_Task faults); replication-lifecycle.md §1, §4 VPS-1") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions declare ProviderSyncFailed (subtype SyncInProgress) as the method's failure and a task as its answer" };
    public static readonly Clause Concurrent = new("VPS-2", ClauseLevel.Should, "A sync requested while another runs is refused with SyncInProgress, or is accepted as a task of its own.", "reference sms-json-api.md §3.2, fault table (SyncInProgress); replication-lifecycle.md §4 VPS-2") { Basis = LevelBasis.Inferred, Why = "VMware documents SyncInProgress for a sync requested while another is running; that a provider may instead accept it is the reference's leniency" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [EndsWell, Concurrent];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("VasaProviderSync_ends_in_success_or_ProviderSyncFailed", EndsWell, Feature, VasaProviderSyncChecks.SyncEndsWell) { Exclusive = true },
        new("A_concurrent_VasaProviderSync_gets_SyncInProgress_or_runs", Concurrent, Feature, VasaProviderSyncChecks.ConcurrentSyncIsRefusedOrRuns) { Exclusive = true },
    ];
}
