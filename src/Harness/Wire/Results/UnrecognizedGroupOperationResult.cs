using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Results;

/// <summary>A result whose <c>_typeName</c> is unknown or missing; kept with its raw JSON.</summary>
internal sealed class UnrecognizedGroupOperationResult : GroupOperationResult, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
