namespace Harness.Wire.Filters;

/// <summary>The filter of <c>QueryFaultDomain</c>.</summary>
internal sealed class FaultDomainFilter : DataObject
{
    /// <summary>Only this provider's fault domains: its <c>SmsProviderInfo.uid</c>. Unset: every provider.</summary>
    public string? ProviderId { get; set; }
}
