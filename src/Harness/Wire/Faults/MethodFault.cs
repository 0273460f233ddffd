namespace Harness.Wire.Faults;

/// <summary>The base of every fault. Abstract here: a body's <c>_typeName</c> always selects a concrete type,
/// or <see cref="UnrecognizedFault"/> when the name is unknown or missing.</summary>
internal abstract class MethodFault : DataObject
{
    /// <summary>The underlying fault, itself a MethodFault.</summary>
    public MethodFault? FaultCause { get; set; }

    /// <summary>Messages with catalogue keys.</summary>
    public List<LocalizableMessage>? FaultMessage { get; set; }

    /// <summary>Whether this fault is, or derives from, the fault named <paramref name="wireName"/>.</summary>
    public bool IsA(string wireName) =>
        string.Equals(this.TypeName, wireName, StringComparison.Ordinal)
        || Serialization.WireTypeRegistry.IsSubtypeOf(this.GetType(), wireName);
}
