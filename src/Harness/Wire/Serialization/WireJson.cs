using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Wire.Serialization;

/// <summary>The serializer settings of the vim25 JSON wire format.</summary>
internal static class WireJson
{
    /// <summary>camelCase names, nulls omitted, <c>_typeName</c> polymorphism.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Serialises a value in the wire format.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Parses a value, or returns the reason it is not one.</summary>
    public static bool TryDeserialize<T>(string json, out T? value, out string? error)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(json, Options);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = default;
            error = $"not valid {typeof(T).Name} JSON: {ex.Message}";
            return false;
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new PolymorphicConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
