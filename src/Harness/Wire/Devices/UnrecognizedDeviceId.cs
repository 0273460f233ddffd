using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Devices;

/// <summary>A device id whose <c>_typeName</c> is unknown or missing; kept with its raw JSON.</summary>
internal sealed class UnrecognizedDeviceId : DeviceId, IUnrecognized
{
    /// <inheritdoc />
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
