using System.Text;

namespace Harness.Profiles;

/// <summary>Small text helpers for profile error messages.</summary>
internal static class ProfileText
{
    private const int MaxShown = 64;

    /// <summary>Quotes a value for a message: single quotes, control characters replaced, cut after 64 characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("'");
        foreach (var c in value.Length > MaxShown ? value[..MaxShown] : value)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (value.Length > MaxShown)
        {
            builder.Append("...");
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>The Levenshtein distance, for "did you mean" hints.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
