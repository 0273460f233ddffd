using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// Reads the fields of one JSON object and records every problem in a shared error list: unknown or repeated
/// fields, wrong JSON types, missing required fields, values out of range. Getters return <c>null</c> when the
/// field is absent or invalid; they never throw.
/// </summary>
internal sealed class JsonObjectReader
{
    private const string PasswordHint =
        "inline secrets are refused: put the password in an environment variable and name it in credentials.passwordEnv (or credentials.passwordFile)";

    private const string UserNameHint =
        "inline secrets are refused: put the user name in an environment variable and name it in credentials.userNameEnv";

    private readonly Dictionary<string, JsonElement> fields;
    private readonly List<ProfileError> errors;

    private JsonObjectReader(string path, Dictionary<string, JsonElement> fields, List<ProfileError> errors)
    {
        this.Path = path;
        this.fields = fields;
        this.errors = errors;
    }

    /// <summary>The JSON path of the object.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="element"/> as an object with the given known fields. Reports a type error and returns
    /// <c>null</c> when it isn't an object; reports each unknown or repeated field.
    /// </summary>
    public static JsonObjectReader? Open(JsonElement element, string path, IReadOnlyList<string> knownFields, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ProfileError(path, $"expected an object {{ ... }}, got {Describe(element.ValueKind)}"));
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPath.Property(path, property.Name);
            if (!knownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new ProfileError(fieldPath, UnknownField(property.Name, knownFields)));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(new ProfileError(fieldPath, $"field '{property.Name}' appears more than once; keep only one"));
            }
        }

        return new JsonObjectReader(path, fields, errors);
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
    public bool Has(string name) => this.fields.ContainsKey(name);

    /// <summary>The JSON path of a field of this object.</summary>
    public string PathOf(string name) => JsonPath.Property(this.Path, name);

    /// <summary>Records an error against a field of this object.</summary>
    public void Error(string name, string message) => this.errors.Add(new ProfileError(this.PathOf(name), message));

    /// <summary>Records an error at any path (e.g. an array element).</summary>
    public void ErrorAt(string path, string message) => this.errors.Add(new ProfileError(path, message));

    /// <summary>Records an error against this object itself.</summary>
    public void ErrorHere(string message) => this.errors.Add(new ProfileError(this.Path, message));

    /// <summary>Reports "required" with a fix-it hint when the field is absent; returns whether it is present.</summary>
    public bool Require(string name, string hint)
    {
        if (this.Has(name))
        {
            return true;
        }

        this.Error(name, $"required field '{name}' is missing; {hint}");
        return false;
    }

    /// <summary>Whether the field is present with the value JSON null.</summary>
    public bool IsNull(string name) => this.fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>A string field. Absent → <c>null</c>; wrong type → error.</summary>
    public string? GetString(string name, bool allowNull = false) =>
        this.Get(name, JsonValueKind.String, "a string", allowNull) is { } value ? value.GetString() : null;

    /// <summary>A non-empty string without surrounding whitespace.</summary>
    public string? GetTrimmedString(string name, string example)
    {
        var value = this.GetString(name);
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            this.Error(name, $"'{name}' is empty; give a value such as {example}");
            return null;
        }

        if (value.Trim().Length != value.Length)
        {
            this.Error(name, $"{ProfileText.Quote(value)} has leading or trailing whitespace; remove it");
            return null;
        }

        return value;
    }

    /// <summary>A boolean field.</summary>
    public bool? GetBoolean(string name)
    {
        if (!this.fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        this.Error(name, $"expected a boolean (true or false), got {Describe(value.ValueKind)}");
        return null;
    }

    /// <summary>An integer field checked against an inclusive range.</summary>
    public long? GetInteger(string name, (long Min, long Max) range, bool allowNull = false)
    {
        if (this.Get(name, JsonValueKind.Number, "an integer", allowNull) is not { } value)
        {
            return null;
        }

        if (!value.TryGetInt64(out var number))
        {
            this.Error(name, $"expected a whole number between {range.Min} and {range.Max}, got {ProfileText.Quote(value.GetRawText())}");
            return null;
        }

        if (number < range.Min || number > range.Max)
        {
            this.Error(name, $"{number} is out of range; '{name}' must be between {range.Min} and {range.Max}");
            return null;
        }

        return number;
    }

    /// <summary>A non-negative integer field of the full unsigned 64-bit range (e.g. a seed).</summary>
    public ulong? GetUnsignedInteger(string name)
    {
        if (this.Get(name, JsonValueKind.Number, "an integer", allowNull: false) is not { } value)
        {
            return null;
        }

        if (!value.TryGetUInt64(out var number))
        {
            this.Error(name, $"expected a whole number between 0 and {ulong.MaxValue}, got {ProfileText.Quote(value.GetRawText())}");
            return null;
        }

        return number;
    }

    /// <summary>An array field, as its elements with their paths.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)>? GetArray(string name)
    {
        if (this.Get(name, JsonValueKind.Array, "an array [ ... ]", allowNull: false) is not { } value)
        {
            return null;
        }

        var path = this.PathOf(name);
        return value.EnumerateArray().Select((element, index) => (element, JsonPath.Index(path, index))).ToList();
    }

    /// <summary>The raw value of a field, or <c>null</c> when absent.</summary>
    public JsonElement? GetRaw(string name) => this.fields.TryGetValue(name, out var value) ? value : null;

    private static string UnknownField(string name, IReadOnlyList<string> knownFields)
    {
        var known = $"known fields: {string.Join(", ", knownFields)}";
        var sameButCase = knownFields.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return $"unknown field {ProfileText.Quote(name)}; field names are case-sensitive camelCase: did you mean '{sameButCase}'?";
        }

        var lower = name.ToLowerInvariant();
        if (lower.Contains("pass", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal) || lower.Contains("token", StringComparison.Ordinal))
        {
            return PasswordHint;
        }

        if (lower is "user" or "username" or "login" or "userid")
        {
            return UserNameHint;
        }

        var closest = knownFields.MinBy(k => ProfileText.EditDistance(k, name));
        return closest is not null && ProfileText.EditDistance(closest, name) <= 2
            ? $"unknown field {ProfileText.Quote(name)}; did you mean '{closest}'? {known}"
            : $"unknown field {ProfileText.Quote(name)}; {known}";
    }

    private JsonElement? Get(string name, JsonValueKind kind, string expected, bool allowNull)
    {
        if (!this.fields.TryGetValue(name, out var value) || (allowNull && value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        if (value.ValueKind == kind)
        {
            return value;
        }

        this.Error(name, $"expected {expected}, got {Describe(value.ValueKind)}");
        return null;
    }
}
