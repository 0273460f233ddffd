using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Faults;

/// <summary>A fault whose <c>_typeName</c> is not in the model (or is absent). Never dropped: the raw JSON is kept.</summary>
internal sealed class UnrecognizedFault : MethodFault, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
