namespace Harness.Wire;

/// <summary>A fault domain with its description, as <c>QueryFaultDomain</c> may return it.</summary>
internal sealed class FaultDomainInfo : FaultDomainId
{
    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>The storage array it belongs to (drives which provider is active).</summary>
    public string? StorageArrayId { get; set; }

    /// <summary>Nested fault domains (vSphere ignores them).</summary>
    public List<FaultDomainId>? Children { get; set; }

    /// <summary>The provider serving it.</summary>
    public ManagedObjectReference? Provider { get; set; }
}
