using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire;

/// <summary>A JSON array found in an anyType slot without the <c>ArrayOf…</c> box. Accepted, but worth a note.</summary>
internal sealed class BareArray : DataObject, IUnrecognized
{
    /// <summary>The array as received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
