namespace Conformance.Operations;

/// <summary>Where an operation must be called (replication-lifecycle.md §1, the Site column).</summary>
internal enum OperationSite
{
    /// <summary>At either site: the queries.</summary>
    Any,

    /// <summary>At the provider of the source group (PrepareFailover).</summary>
    Source,

    /// <summary>At the provider of the target group (Sync, Failover, TestFailoverStart/Stop, Promote).</summary>
    Target,

    /// <summary>At the provider of the FAILEDOVER group (Reverse).</summary>
    FailedOver,

    /// <summary>At the provider, for no group (VasaProviderSync, Reconnect, the certificate methods).</summary>
    Provider,
}
