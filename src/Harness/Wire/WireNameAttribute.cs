namespace Harness.Wire;

/// <summary>Gives a wire type whose C# name differs from its WSDL name its <c>_typeName</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The WSDL type name.</summary>
    public string Name { get; } = name;
}
