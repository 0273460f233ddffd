using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// Reads the fields of one JSON object of a profile that <see cref="ProfileSchema"/> has already checked, and records
/// what the schema cannot say (a field given twice, rules across fields) in a shared error list. A value the schema
/// refused reads as <c>null</c> without a second error. A value of the wrong kind that the schema did not refuse means
/// the schema and the reader disagree: a bug, thrown as <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> fields;
    private readonly IReadOnlyList<string> knownFields;
    private readonly List<ProfileError> errors;

    private JsonObjectReader(string path, Dictionary<string, JsonElement> fields, IReadOnlyList<string> knownFields, List<ProfileError> errors)
    {
        this.Path = path;
        this.fields = fields;
        this.knownFields = knownFields;
        this.errors = errors;
    }

    /// <summary>The JSON path of the object.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="element"/> as an object whose fields are <paramref name="knownFields"/> (the same fields, in
    /// the same order, as the schema's <c>properties</c> there). Returns <c>null</c> when it isn't an object (the schema
    /// said so); reports each field given more than once.
    /// </summary>
    public static JsonObjectReader? Open(JsonElement element, string path, IReadOnlyList<string> knownFields, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            EnsureReported(errors, path, $"{Describe(element.ValueKind)} where an object belongs");
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPath.Property(path, property.Name);
            if (!knownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                EnsureReported(errors, fieldPath, "an unknown field");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(new ProfileError(fieldPath, $"field '{property.Name}' appears more than once; keep only one"));
            }
        }

        return new JsonObjectReader(path, fields, knownFields, errors);
    }

    /// <summary>Opens a nested object, recording its problems in the same error list.</summary>
    public JsonObjectReader? Open(JsonElement element, string path, IReadOnlyList<string> knownFields) =>
        Open(element, path, knownFields, this.errors);

    /// <summary>Describes a JSON value kind for "expected …, got …" messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Whether the field is present (with any value, including null).</summary>
    public bool Has(string name) => this.fields.ContainsKey(this.Known(name));

    /// <summary>The JSON path of a field of this object.</summary>
    public string PathOf(string name) => JsonPath.Property(this.Path, name);

    /// <summary>Whether an error has been recorded at or under <paramref name="path"/> (by the schema or by a reader).</summary>
    public bool HasErrorsUnder(string path) =>
        this.errors.Any(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal) || e.Path.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>Records an error against a field of this object.</summary>
    public void Error(string name, string message) => this.errors.Add(new ProfileError(this.PathOf(name), message));

    /// <summary>Records an error at any path (e.g. an array element).</summary>
    public void ErrorAt(string path, string message) => this.errors.Add(new ProfileError(path, message));

    /// <summary>Records an error against this object itself.</summary>
    public void ErrorHere(string message) => this.errors.Add(new ProfileError(this.Path, message));

    /// <summary>Whether the field is present with the value JSON null.</summary>
    public bool IsNull(string name) => this.fields.TryGetValue(this.Known(name), out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>A string field; <c>null</c> when absent, refused by the schema, or null where <paramref name="allowNull"/>.</summary>
    public string? GetString(string name, bool allowNull = false) =>
        this.Get(name, JsonValueKind.String, allowNull) is { } value ? value.GetString() : null;

    /// <summary>A boolean field.</summary>
    public bool? GetBoolean(string name)
    {
        if (this.Readable(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : this.Disagree<bool?>(name, "a boolean");
    }

    /// <summary>A whole-number field (<c>8</c>, <c>8.0</c> and <c>8e0</c> alike); its range is the schema's.</summary>
    public long? GetInteger(string name, bool allowNull = false)
    {
        if (this.Get(name, JsonValueKind.Number, allowNull) is not { } value)
        {
            return null;
        }

        return value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? (long)number
            : this.Disagree<long?>(name, "a whole number");
    }

    /// <summary>A non-negative whole-number field of the full unsigned 64-bit range (e.g. a seed).</summary>
    public ulong? GetUnsignedInteger(string name)
    {
        if (this.Get(name, JsonValueKind.Number, allowNull: false) is not { } value)
        {
            return null;
        }

        return value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 0 and <= ulong.MaxValue
            ? (ulong)number
            : this.Disagree<ulong?>(name, "an unsigned whole number");
    }

    /// <summary>An array field, as its elements with their paths.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)>? GetArray(string name)
    {
        if (this.Get(name, JsonValueKind.Array, allowNull: false) is not { } value)
        {
            return null;
        }

        var path = this.PathOf(name);
        return value.EnumerateArray().Select((element, index) => (element, JsonPath.Index(path, index))).ToList();
    }

    /// <summary>The raw value of a field, or <c>null</c> when absent or refused by the schema.</summary>
    public JsonElement? GetRaw(string name) => this.Readable(name);

    private static void EnsureReported(List<ProfileError> errors, string path, string what)
    {
        if (!errors.Any(e => e.Path == path))
        {
            throw new InvalidOperationException($"{path}: profile.schema.json accepted {what}, which the reader cannot read; the schema and the reader disagree");
        }
    }

    private JsonElement? Get(string name, JsonValueKind kind, bool allowNull)
    {
        if (this.Readable(name) is not { } value || (allowNull && value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        return value.ValueKind == kind ? value : this.Disagree<JsonElement?>(name, Describe(kind));
    }

    private JsonElement? Readable(string name)
    {
        if (!this.fields.TryGetValue(this.Known(name), out var value))
        {
            return null;
        }

        var path = this.PathOf(name);
        return this.errors.Any(e => e.Path == path) ? null : value;
    }

    private T Disagree<T>(string name, string expected)
    {
        EnsureReported(this.errors, this.PathOf(name), $"a value that is not {expected}");
        return default!;
    }

    private string Known(string name) =>
        this.knownFields.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new InvalidOperationException($"{this.Path}: the reader asks for '{name}', which is not one of its known fields ({string.Join(", ", this.knownFields)})");
}
