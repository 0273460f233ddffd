namespace Harness.Wire.Faults;

/// <summary>The provider is not the active one for the entities; mapping names the active one.</summary>
internal sealed class InactiveProvider : MethodFault
{
    /// <summary>Which provider is active for which fault domains.</summary>
    public List<FaultDomainProviderMapping>? Mapping { get; set; }
}
