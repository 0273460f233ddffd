namespace Harness.Wire.Faults;

/// <summary>A moId does not exist.</summary>
internal sealed class ManagedObjectNotFound : RuntimeFault
{
    /// <summary>The missing object.</summary>
    public ManagedObjectReference? Obj { get; set; }
}
