using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire;

/// <summary>A primitive in an anyType slot: <c>{"_typeName":"string","_value":"x"}</c>.</summary>
internal sealed class BoxedPrimitive : DataObject, IUnrecognized
{
    /// <summary>The value.</summary>
    [JsonPropertyName("_value")]
    public JsonElement Value { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }

    /// <summary>Boxes a string, e.g. an entity id in <c>AlarmFilter.entityId</c>.</summary>
    public static BoxedPrimitive OfString(string value) => new() { TypeName = "string", Value = JsonSerializer.SerializeToElement(value) };
}
