using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire;

/// <summary>A data object whose <c>_typeName</c> is unknown to the model, or missing. Kept with its raw JSON.</summary>
internal sealed class UnrecognizedDataObject : DataObject, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
