using System.Text.Json;
using Json.Schema;

namespace Harness.Profiles;

/// <summary>
/// The published profile schema, <c>profiles/profile.schema.json</c> (draft 2020-12), built into this assembly. It
/// says everything about one field: which fields exist, their types, ranges, patterns, allowed values and whether
/// they are required. The loader validates every profile with it before <see cref="ProfileReader"/> checks the rules
/// that relate fields or sites; <see cref="ProfileSchemaErrors"/> turns its failures into one-line messages.
/// </summary>
internal static class ProfileSchema
{
    /// <summary>The manifest resource name of the schema (see Harness.csproj).</summary>
    public const string ResourceName = "profile.schema.json";

    /// <summary>The base URI the schema is built under; it is never fetched.</summary>
    public static readonly Uri BaseUri = new("https://vasa-conformance.invalid/profiles/profile.schema.json");

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The schema's text, as shipped.</summary>
    public static string Text { get; } = ReadResource();

    /// <summary>The schema as a JSON document, for looking up what it says about a field.</summary>
    public static JsonElement Document { get; } = ParseText();

    private static JsonSchema Schema { get; } = JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, BaseUri);

    /// <summary>Validates a parsed profile. Returns one error per offending field, in the wording of the hand-written checks; empty when valid.</summary>
    public static List<ProfileError> Validate(JsonElement profile)
    {
        var results = Schema.Evaluate(profile, Options);
        return results.IsValid ? [] : ProfileSchemaErrors.From(results, profile);
    }

    private static string ReadResource()
    {
        using var stream = typeof(ProfileSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from {typeof(ProfileSchema).Assembly.GetName().Name}; it is built from profiles/profile.schema.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonElement ParseText()
    {
        using var document = JsonDocument.Parse(Text);
        return document.RootElement.Clone();
    }
}
