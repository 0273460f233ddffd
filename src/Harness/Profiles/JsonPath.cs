using System.Text.Json;

namespace Harness.Profiles;

/// <summary>Builds the JSON paths used in <see cref="ProfileError.Path"/>: <c>$</c>, <c>$.a.b</c>, <c>$.a[2]</c>, <c>$['odd name']</c>.</summary>
internal static class JsonPath
{
    /// <summary>The root of the document.</summary>
    public const string Root = "$";

    /// <summary>The path of a named member of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (simple)
        {
            return $"{parent}.{name}";
        }

        var shown = name.Length > 64 ? name[..64] + "..." : name;
        return $"{parent}[{JsonSerializer.Serialize(shown).Replace('"', '\'')}]";
    }

    /// <summary>The path of an element of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
