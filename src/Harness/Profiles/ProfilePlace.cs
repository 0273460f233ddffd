using System.Globalization;
using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// A place in a profile that the schema complained about: its JSON path, its field key (see <see cref="ProfileHints.Fold"/>),
/// the field's own name, its value, and the subschemas of the field and of the object that holds it.
/// </summary>
/// <param name="Path">The JSON path, e.g. <c>$.simulator.faults[0].operation</c>.</param>
/// <param name="Key">The field key: the path without <c>$.</c>, with <c>[]</c> for any index, and a peer field keyed as the first site's, e.g. <c>simulator.faults[].operation</c>.</param>
/// <param name="Name">The field's name (for an array element, the array's).</param>
/// <param name="Value">The value there; <c>default</c> when absent.</param>
/// <param name="Schema">The subschema of the place; <c>null</c> when the object allows no such field.</param>
/// <param name="Parent">The subschema of the object or array holding it; <c>null</c> at the root.</param>
/// <param name="IsAmbiguous">Whether the way there passes a field given twice, so the value the schema judged is not known (the reader reports the repeated field).</param>
internal sealed record ProfilePlace(string Path, string Key, string Name, JsonElement Value, ProfileSchemaNode? Schema, ProfileSchemaNode? Parent, bool IsAmbiguous = false)
{
    /// <summary>The place the JSON pointer <paramref name="pointer"/> (e.g. <c>/simulator/faults/0</c>) names in <paramref name="profile"/>.</summary>
    public static ProfilePlace Of(JsonElement profile, string pointer)
    {
        var place = new ProfilePlace(JsonPath.Root, string.Empty, "$", profile, ProfileSchemaNode.Root, null);
        foreach (var segment in Segments(pointer))
        {
            var parent = place.Value;
            if (parent.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < parent.GetArrayLength())
            {
                place = new ProfilePlace(JsonPath.Index(place.Path, index), place.Key + "[]", place.Name, parent[index], place.Schema?.Items(), place.Schema, place.IsAmbiguous);
            }
            else
            {
                var value = parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(segment, out var child) ? child : default;
                var repeated = parent.ValueKind == JsonValueKind.Object && parent.EnumerateObject().Count(p => p.NameEquals(segment)) > 1;
                var key = place.Key.Length == 0 ? segment : $"{place.Key}.{segment}";
                place = new ProfilePlace(JsonPath.Property(place.Path, segment), ProfileHints.Fold(key), segment, value, place.Schema?.Property(segment), place.Schema, place.IsAmbiguous || repeated);
            }
        }

        return place;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
