using System.Text.Json;
using System.Text.Json.Serialization;
using StjConverter = System.Text.Json.Serialization.JsonConverter;

namespace Harness.Wire.Serialization;

/// <summary>Resolves every polymorphic slot (see <see cref="WireTypeRegistry.PolymorphicBases"/>) by its <c>_typeName</c>.</summary>
internal sealed class PolymorphicConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => WireTypeRegistry.PolymorphicBases.ContainsKey(typeToConvert);

    /// <inheritdoc />
    public override StjConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (StjConverter)Activator.CreateInstance(typeof(PolymorphicConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class PolymorphicConverter<TBase> : JsonConverter<TBase>
        where TBase : DataObject
    {
        public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Fast path, one pass: peek at _typeName and read the object straight into its registered type.
            if (reader.TokenType == JsonTokenType.StartObject
                && PeekTypeName(reader) is { } name
                && WireTypeRegistry.TypeOf(name) is { } concrete
                && typeof(TBase).IsAssignableFrom(concrete)
                && !(typeof(TBase) == typeof(DataObject) && (name.StartsWith("ArrayOf", StringComparison.Ordinal) || WireTypeRegistry.PrimitiveNames.Contains(name))))
            {
                var copy = reader;
                try
                {
                    return (TBase?)JsonSerializer.Deserialize(ref reader, concrete, options);
                }
                catch (JsonException)
                {
                    // Right name, wrong shape: fall back to the path that keeps the raw JSON.
                    reader = copy;
                }
            }

            using var document = JsonDocument.ParseValue(ref reader);
            var element = document.RootElement.Clone();
            return (TBase?)Resolve(element, typeof(TBase), options);
        }

        /// <summary>The object's own <c>_typeName</c>, read from a copy of the reader (the value is fully buffered for converters).</summary>
        private static string? PeekTypeName(Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
                {
                    var isTypeName = reader.ValueTextEquals("_typeName");
                    if (!reader.Read())
                    {
                        return null;
                    }

                    if (isTypeName)
                    {
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }

                    reader.Skip();
                }
            }

            return null;
        }

        public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
        {
            if (value is BareArray bare)
            {
                bare.Raw.WriteTo(writer);
                return;
            }

            JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }
    }

    /// <summary>Turns a JSON value found in a slot declared as <paramref name="declared"/> into the right model object.</summary>
    internal static DataObject? Resolve(JsonElement element, Type declared, JsonSerializerOptions options)
    {
        var fallback = WireTypeRegistry.PolymorphicBases[declared];
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Array when declared == typeof(DataObject):
                return new BareArray { Raw = element };
            case JsonValueKind.Object:
                break;
            default:
                return Unrecognized(fallback, element, typeName: null);
        }

        var typeName = element.TryGetProperty("_typeName", out var tn) && tn.ValueKind == JsonValueKind.String ? tn.GetString() : null;
        if (declared == typeof(DataObject) && typeName is not null)
        {
            if (typeName.StartsWith("ArrayOf", StringComparison.Ordinal))
            {
                return Boxed<BoxedArray>(element, options);
            }

            if (WireTypeRegistry.PrimitiveNames.Contains(typeName) || element.TryGetProperty("_value", out _))
            {
                return Boxed<BoxedPrimitive>(element, options);
            }
        }

        var concrete = WireTypeRegistry.TypeOf(typeName);
        if (concrete is null || !declared.IsAssignableFrom(concrete))
        {
            return Unrecognized(fallback, element, typeName, options);
        }

        try
        {
            return (DataObject?)element.Deserialize(concrete, options);
        }
        catch (JsonException)
        {
            // Right name, wrong shape (e.g. a field of the wrong JSON type): keep it as data, never throw.
            return Unrecognized(fallback, element, typeName);
        }
    }

    private static T Boxed<T>(JsonElement element, JsonSerializerOptions options)
        where T : DataObject, IUnrecognized, new()
    {
        T boxed;
        try
        {
            boxed = element.Deserialize<T>(options) ?? new T();
        }
        catch (JsonException)
        {
            boxed = new T { TypeName = element.GetProperty("_typeName").GetString() };
        }

        boxed.Raw = element;
        return boxed;
    }

    private static DataObject Unrecognized(Type fallback, JsonElement element, string? typeName, JsonSerializerOptions? options = null)
    {
        DataObject result;
        try
        {
            result = options is not null && element.ValueKind == JsonValueKind.Object
                ? (DataObject)element.Deserialize(fallback, options)!
                : (DataObject)Activator.CreateInstance(fallback)!;
        }
        catch (JsonException)
        {
            result = (DataObject)Activator.CreateInstance(fallback)!;
        }

        result.TypeName = typeName;
        ((IUnrecognized)result).Raw = element;
        return result;
    }
}
