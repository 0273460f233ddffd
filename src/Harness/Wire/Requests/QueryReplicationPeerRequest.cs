namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryReplicationPeer</c>; null or empty means every source fault domain.</summary>
internal sealed class QueryReplicationPeerRequest
{
    /// <summary>The source fault domains to query.</summary>
    public List<FaultDomainId>? FaultDomainId { get; set; }
}
