namespace Harness.Wire.Faults;

/// <summary>Which provider is active for which fault domains (in <see cref="InactiveProvider.Mapping"/>).</summary>
internal sealed class FaultDomainProviderMapping : DataObject
{
    /// <summary>The active provider (required).</summary>
    public ManagedObjectReference? ActiveProvider { get; set; }

    /// <summary>The fault domains it is active for.</summary>
    public List<FaultDomainId>? FaultDomainId { get; set; }
}
