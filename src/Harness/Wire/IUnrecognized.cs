using System.Text.Json;

namespace Harness.Wire;

/// <summary>An object whose <c>_typeName</c> the model does not know (or that has none). Its raw JSON is kept.</summary>
internal interface IUnrecognized
{
    /// <summary>The JSON exactly as received.</summary>
    public JsonElement Raw { get; set; }
}
