using Conformance.Checks;

namespace Conformance.Operations.StorageManager;

/// <summary>
/// The clauses of SmsStorageManager's QueryFaultDomain and QueryReplicationGroupInfo (vCenter's views over its
/// registered providers) that the sources confirm, and the checks that enforce them; every check only reads.
/// </summary>
internal static class StorageManagerCatalogues
{
    /// <summary>QueryFaultDomain's feature.</summary>
    public const string FaultDomainFeature = "QueryFaultDomain";

    /// <summary>QueryReplicationGroupInfo's feature.</summary>
    public const string GroupInfoFeature = "QueryReplicationGroupInfo";

    public static readonly Clause FaultDomainsCoverGroups = new("QFD-1", ClauseLevel.Should, "QueryFaultDomain for the provider (filter.providerId = its uid) lists, as a root or a child, the fault domain of every group the provider reports.", "reference sms-json-api.md §3.2 (QueryFaultDomain) [doc]; replication-lifecycle.md §1 (SmsStorageManager)") { Basis = LevelBasis.Inferred, Why = "VMware documents QueryFaultDomain as returning the providers' fault domains; that they cover the provider's groups is inferred" };
    public static readonly Clause GroupInfoAgrees = new("QRGI-1", ClauseLevel.Should, "QueryReplicationGroupInfo for the provider's groups describes each of them in the state QueryReplicationGroup reports.", "reference sms-json-api.md §3.2 (QueryReplicationGroupInfo: vCenter routes each group to its provider); replication-lifecycle.md §1") { Basis = LevelBasis.Inferred, Why = "VMware documents QueryReplicationGroupInfo as vCenter's routing of the query to each group's provider; that both answers agree is inferred" };

    /// <summary>QueryFaultDomain's catalogue.</summary>
    public static Catalogue FaultDomain { get; } = new(FaultDomainFeature, [FaultDomainsCoverGroups],
    [
        new("QueryFaultDomain_lists_the_fault_domain_of_every_group_of_the_provider", FaultDomainsCoverGroups, FaultDomainFeature, StorageManagerChecks.FaultDomainsCoverGroups),
    ]);

    /// <summary>QueryReplicationGroupInfo's catalogue.</summary>
    public static Catalogue GroupInfo { get; } = new(GroupInfoFeature, [GroupInfoAgrees],
    [
        new("QueryReplicationGroupInfo_agrees_with_QueryReplicationGroup", GroupInfoAgrees, GroupInfoFeature, StorageManagerChecks.GroupInfoAgrees) { Exclusive = true },
    ]);
}
