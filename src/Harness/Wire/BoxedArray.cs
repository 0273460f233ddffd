using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Wire.Serialization;

namespace Harness.Wire;

/// <summary>An array in an anyType slot: <c>{"_typeName":"ArrayOfX","_value":[…]}</c>.</summary>
internal sealed class BoxedArray : DataObject, IUnrecognized
{
    /// <summary>The items, as received.</summary>
    [JsonPropertyName("_value")]
    public JsonElement Value { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }

    /// <summary>Reads the items as <typeparamref name="T"/>, or says why they are not.</summary>
    public bool TryReadItems<T>(out List<T>? items, out string? error)
    {
        items = null;
        error = null;
        if (this.Value.ValueKind != JsonValueKind.Array)
        {
            error = $"_value of {this.TypeName} is {this.Value.ValueKind}, not an array";
            return false;
        }

        try
        {
            items = this.Value.Deserialize<List<T>>(WireJson.Options);
            return items is not null;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Boxes items under the given array type name, e.g. <c>ArrayOfGroupOperationResult</c>.</summary>
    public static BoxedArray Of<T>(string arrayTypeName, IEnumerable<T> items) => new()
    {
        TypeName = arrayTypeName,
        Value = JsonSerializer.SerializeToElement(items.ToList(), WireJson.Options),
    };
}
