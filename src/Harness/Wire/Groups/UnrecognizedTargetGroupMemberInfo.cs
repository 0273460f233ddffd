using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Groups;

/// <summary>A target group member of an unknown type; kept with its raw JSON.</summary>
internal sealed class UnrecognizedTargetGroupMemberInfo : TargetGroupMemberInfo, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
