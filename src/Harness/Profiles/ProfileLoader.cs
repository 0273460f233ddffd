using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// Loads and validates profile files. Never throws: returns a valid profile or every error found, each naming the
/// JSON path of the field and how to fix it. Accepts <c>//</c> and <c>/* */</c> comments and trailing commas. A profile
/// is checked against <see cref="ProfileSchema"/> (profiles/profile.schema.json), then by <see cref="ProfileReader"/>
/// for the rules across fields; the errors of both come in the order of the fields in the file.
/// </summary>
internal static class ProfileLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and validates the profile file at <paramref name="path"/>; the profile's <see cref="Profile.SourcePath"/> is its full path.</summary>
    public static ProfileLoadResult LoadFile(string path, ProfileLoadOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Fail(path ?? string.Empty, "no profile path given; pass the path of a profile file such as profiles/simulator.json");
        }

        string fullPath;
        string text;
        try
        {
            fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath))
            {
                return Fail(path, $"'{fullPath}' is a directory; pass the path of a profile file inside it (e.g. {Path.Combine(path, "simulator.json")})");
            }

            if (!File.Exists(fullPath))
            {
                return Fail(path, $"profile file '{fullPath}' does not exist; check the path, or copy profiles/example-vcenter.json and edit it");
            }

            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Fail(path, $"profile file could not be read ({e.GetType().Name}: {e.Message}); check that it exists and is readable by this user");
        }

        var result = Parse(text, path, options);
        return result.IsSuccess
            ? ProfileLoadResult.Success(path, result.Profile with { SourcePath = fullPath })
            : result;
    }

    /// <summary>Validates profile JSON text. <paramref name="sourceName"/> labels the result and its errors.</summary>
    public static ProfileLoadResult Parse(string json, string sourceName, ProfileLoadOptions? options = null)
    {
        sourceName ??= "(profile)";
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail(sourceName, "the profile is empty; it must be a JSON object such as { \"name\": \"simulator\", \"target\": \"embedded\" }");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}"
                : string.Empty;
            return Fail(sourceName, $"invalid JSON{where}: {StripPosition(e.Message)}; fix the syntax (comments and trailing commas are allowed)");
        }
        catch (ArgumentException)
        {
            return Fail(sourceName, "the profile is not valid Unicode text; save it as UTF-8");
        }

        using (document)
        {
            try
            {
                var errors = ProfileSchema.Validate(document.RootElement);
                var profile = ProfileReader.Read(document.RootElement, options ?? ProfileLoadOptions.Default, errors);
                if (profile is not null && errors.Count == 0)
                {
                    return ProfileLoadResult.Success(sourceName, profile);
                }

                if (errors.Count == 0)
                {
                    errors.Add(new ProfileError(JsonPath.Root, "the profile is invalid for an unknown reason; please report this"));
                }

                return ProfileLoadResult.Failure(sourceName, InDocumentOrder(errors, document.RootElement));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
            {
                // A bug in the validator must surface as an error, never as a crash of the run.
                return Fail(sourceName, $"the profile could not be validated ({e.GetType().Name}: {e.Message}); please report this");
            }
        }
    }

    /// <summary>Orders errors as their fields appear in the file; a missing field sorts with the object that lacks it.</summary>
    private static List<ProfileError> InDocumentOrder(List<ProfileError> errors, JsonElement root)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        Walk(root, JsonPath.Root);
        return errors.Select((error, index) => (error, index)).OrderBy(e => PositionOf(e.error.Path)).ThenBy(e => e.index).Select(e => e.error).ToList();

        void Walk(JsonElement element, string path)
        {
            positions.TryAdd(path, positions.Count);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, JsonPath.Property(path, property.Name));
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, JsonPath.Index(path, index++));
                }
            }
        }

        int PositionOf(string path)
        {
            while (!positions.ContainsKey(path) && path.Length > JsonPath.Root.Length)
            {
                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                path = cut > 0 ? path[..cut] : JsonPath.Root;
            }

            return positions.GetValueOrDefault(path);
        }
    }

    private static ProfileLoadResult Fail(string sourceName, string message) =>
        ProfileLoadResult.Failure(sourceName, [new ProfileError(JsonPath.Root, message)]);

    /// <summary>The parser's message without its position (given already) and on one line (it may quote the broken text).</summary>
    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
    }
}
