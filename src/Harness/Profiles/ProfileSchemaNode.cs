using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// The part of <c>profile.schema.json</c> that describes one place in a profile, found by walking field names and
/// array items from the root (the schema has no combinators, so the place decides the subschema). A node is a
/// subschema together with what its <c>$ref</c> points to; a keyword is looked up in that order.
/// </summary>
internal sealed class ProfileSchemaNode
{
    private const string DefinitionPrefix = "#/$defs/";

    private readonly IReadOnlyList<JsonElement> chain;

    private ProfileSchemaNode(IReadOnlyList<JsonElement> chain) => this.chain = chain;

    /// <summary>The whole schema.</summary>
    public static ProfileSchemaNode Root { get; } = Resolve(ProfileSchema.Document);

    /// <summary>The names of the fields this object allows, in the schema's order.</summary>
    public IReadOnlyList<string> PropertyNames =>
        this.Keyword("properties") is { ValueKind: JsonValueKind.Object } properties ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];

    /// <summary>The fields this object requires.</summary>
    public IReadOnlyList<string> Required =>
        this.Keyword("required") is { ValueKind: JsonValueKind.Array } required ? required.EnumerateArray().Select(r => r.GetString()!).ToList() : [];

    /// <summary>The definition <c>#/$defs/<paramref name="name"/></c>.</summary>
    /// <exception cref="InvalidOperationException">The schema has no such definition.</exception>
    public static ProfileSchemaNode Definition(string name) => Resolve(Lookup(DefinitionPrefix + name));

    /// <summary>The subschema of the field <paramref name="name"/> of this object; <c>null</c> when the object allows no such field.</summary>
    public ProfileSchemaNode? Property(string name) =>
        this.Keyword("properties") is { ValueKind: JsonValueKind.Object } properties && properties.TryGetProperty(name, out var property)
            ? Resolve(property)
            : null;

    /// <summary>The subschema of this array's items; <c>null</c> when it declares none.</summary>
    public ProfileSchemaNode? Items() => this.Keyword("items") is { } items ? Resolve(items) : null;

    /// <summary>The value of <paramref name="keyword"/> in this subschema or, failing that, in what its <c>$ref</c> points to.</summary>
    public JsonElement? Keyword(string keyword)
    {
        foreach (var schema in this.chain)
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether this subschema is, or refers to, the definition <paramref name="name"/>.</summary>
    public bool Refers(string name) =>
        this.chain.Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("$ref", out var reference) && reference.GetString() == DefinitionPrefix + name);

    private static ProfileSchemaNode Resolve(JsonElement schema)
    {
        var chain = new List<JsonElement> { schema };
        while (chain[^1].ValueKind == JsonValueKind.Object && chain[^1].TryGetProperty("$ref", out var reference))
        {
            chain.Add(Lookup(reference.GetString()!));
        }

        return new ProfileSchemaNode(chain);
    }

    private static JsonElement Lookup(string reference)
    {
        if (!reference.StartsWith(DefinitionPrefix, StringComparison.Ordinal)
            || !ProfileSchema.Document.TryGetProperty("$defs", out var definitions)
            || !definitions.TryGetProperty(reference[DefinitionPrefix.Length..], out var definition))
        {
            throw new InvalidOperationException($"profile.schema.json: '{reference}' is not one of its definitions; only \"#/$defs/<name>\" references are supported");
        }

        return definition;
    }
}
