namespace Harness.Wire;

/// <summary>A globally unique fault domain id.</summary>
internal class FaultDomainId : DataObject
{
    /// <summary>The id.</summary>
    public string? Id { get; set; }
}
