using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Harness.Profiles;

/// <summary>
/// Turns what <see cref="ProfileSchema"/> found into <see cref="ProfileError"/>s: one line per field, naming its JSON
/// path, what is wrong and the fix (from <see cref="ProfileHints"/>), never the library's own wording. A field gets
/// one error: a wrong type hides the other complaints about the same value.
/// </summary>
internal static class ProfileSchemaErrors
{
    /// <summary>The keywords the schema may use; each failure of one of them has a message here.</summary>
    public static IReadOnlyList<string> Handled { get; } = ["type", "required", "additionalProperties", "minimum", "maximum", "minLength", "pattern", "enum", "const"];

    /// <summary>
    /// The errors of a failed evaluation (in the List output format) of <paramref name="profile"/>. An error about the
    /// value of a field given twice is left out: which of the two values it is about is unknown, and the reader reports
    /// the repeat (an unknown field is unknown either way).
    /// </summary>
    public static List<ProfileError> From(EvaluationResults results, JsonElement profile)
    {
        var found = new List<(ProfileError Error, bool IsType)>();
        foreach (var result in results.Details ?? [results])
        {
            foreach (var keyword in result.Errors?.Keys ?? Enumerable.Empty<string>())
            {
                var place = ProfilePlace.Of(profile, result.InstanceLocation.ToString());
                if (place.IsAmbiguous && place.Schema is not null)
                {
                    continue;
                }

                found.AddRange(Translate(keyword, place).Select(e => (e, keyword == "type")));
            }
        }

        var typed = found.Where(f => f.IsType).Select(f => f.Error.Path).ToHashSet(StringComparer.Ordinal);
        return found
            .Where(f => f.IsType || !typed.Contains(f.Error.Path))
            .Select(f => f.Error)
            .DistinctBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<ProfileError> Translate(string keyword, ProfilePlace place)
    {
        if (place.Schema is null)
        {
            var known = place.Parent?.PropertyNames.Where(n => !n.StartsWith('$')).ToList() ?? [];
            yield return new ProfileError(place.Path, ProfileHints.UnknownField(place.Name, known));
            yield break;
        }

        var node = place.Schema;
        var value = place.Value;
        switch (keyword)
        {
            case "required":
                foreach (var missing in node.Required.Where(r => value.ValueKind == JsonValueKind.Object && !value.TryGetProperty(r, out _)))
                {
                    yield return new ProfileError(JsonPath.Property(place.Path, missing), $"required field '{missing}' is missing; {ProfileHints.Required(missing)}");
                }

                break;
            case "type":
                yield return new ProfileError(place.Path, TypeMessage(place, node));
                break;
            case "minimum" or "maximum":
                yield return new ProfileError(place.Path, RangeMessage(place, node));
                break;
            case "minLength":
                yield return new ProfileError(place.Path, ProfileHints.Empty(place.Key, place.Name));
                break;
            case "pattern":
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                var message = node.Refers("trimmedString")
                    ? $"{ProfileText.Quote(text)} has leading or trailing whitespace; remove it"
                    : ProfileHints.Pattern(place.Key, text) ?? $"{ProfileText.Quote(text)} does not have the form '{place.Name}' needs; see its description in profile.schema.json";
                yield return new ProfileError(place.Path, message);
                break;
            case "enum" or "const":
                yield return new ProfileError(place.Path, ProfileHints.NotAllowed(place.Key, value) ?? NotAllowed(value, node));
                break;
            default:
                yield return new ProfileError(place.Path, $"breaks the schema's '{keyword}' rule; see the description of '{place.Name}' in profile.schema.json");
                break;
        }
    }

    private static string TypeMessage(ProfilePlace place, ProfileSchemaNode node)
    {
        var expected = node.Keyword("type") is { } type
            ? (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null") : type.GetString())
            : null;
        if (expected == "integer" && place.Value.ValueKind == JsonValueKind.Number)
        {
            return node.Keyword("minimum") is { } min && node.Keyword("maximum") is { } max
                ? $"expected a whole number between {min.GetRawText()} and {max.GetRawText()}, got {ProfileText.Quote(place.Value.GetRawText())}"
                : $"expected a whole number, got {ProfileText.Quote(place.Value.GetRawText())}";
        }

        var described = ProfileHints.ExpectedType(place.Key) ?? expected switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "a boolean (true or false)",
            "array" => "an array [ ... ]",
            "object" => "an object { ... }",
            _ => $"a value of type {expected}",
        };
        return $"expected {described}, got {JsonObjectReader.Describe(place.Value.ValueKind)}";
    }

    private static string RangeMessage(ProfilePlace place, ProfileSchemaNode node)
    {
        var min = node.Keyword("minimum")?.GetRawText() ?? "?";
        var max = node.Keyword("maximum")?.GetRawText() ?? "?";
        var raw = place.Value.GetRawText();

        // A value the field's type could hold is out of range; anything else (a fraction, too many digits, a negative
        // number for an unsigned field) is not a whole number of that type at all.
        var unsigned = decimal.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var top) && top > long.MaxValue;
        var fits = place.Value.TryGetDecimal(out var number) && number == decimal.Truncate(number)
            && (unsigned ? number is >= 0 and <= ulong.MaxValue : number is >= long.MinValue and <= long.MaxValue);
        return fits
            ? $"{raw} is out of range; '{place.Name}' must be between {min} and {max}"
            : $"expected a whole number between {min} and {max}, got {ProfileText.Quote(raw)}";
    }

    private static string NotAllowed(JsonElement value, ProfileSchemaNode node)
    {
        var shown = value.ValueKind == JsonValueKind.String ? ProfileText.Quote(value.GetString()!) : ProfileText.Quote(value.GetRawText());
        if (node.Keyword("const") is { } constant)
        {
            return $"{shown} is not allowed; the only accepted value is {constant.GetRawText()}";
        }

        var allowed = node.Keyword("enum") is { ValueKind: JsonValueKind.Array } values ? string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText())) : "?";
        return $"{shown} is not allowed; use one of {allowed}";
    }
}
