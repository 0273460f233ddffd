using Harness.Wire.Filters;

namespace Harness.Wire.Requests;

/// <summary>The body of <c>QueryFaultDomain</c> (on SmsStorageManager); no filter means the root fault domains of every provider.</summary>
internal sealed class QueryFaultDomainRequest
{
    /// <summary>The filter.</summary>
    public FaultDomainFilter? Filter { get; set; }
}
