using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Wire.Serialization;

namespace Harness.Wire;

/// <summary>
/// Base of every vim25/SMS data object. <see cref="TypeName"/> is the wire <c>_typeName</c>: for a known type it
/// defaults to the registered WSDL name; for an unrecognised object it is whatever the provider sent.
/// Fields the model does not know are kept in <see cref="Extra"/>, never dropped.
/// </summary>
public abstract class DataObject
{
    private string? typeName;

    /// <summary>The WSDL type name sent as <c>_typeName</c>.</summary>
    [JsonPropertyName("_typeName")]
    [JsonPropertyOrder(-100)]
    public string? TypeName
    {
        get => this.typeName ?? WireTypeRegistry.NameOf(this.GetType());
        set => this.typeName = value;
    }

    /// <summary>Fields present on the wire that this model does not declare.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
