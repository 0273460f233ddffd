using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Groups;

/// <summary>Group information of an unknown type; kept with its raw JSON.</summary>
internal sealed class UnrecognizedGroupInfo : GroupInfo, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string? CurrentState =>
        this.Raw.ValueKind == JsonValueKind.Object && this.Raw.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()
            : null;
}
