using System.Text;

namespace Harness.Reporting;

/// <summary>Java .properties escaping for environment.properties (what <c>java.util.Properties.store</c> produces, minus \uXXXX: the file is UTF-8).</summary>
internal static class JavaProperties
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in entries)
        {
            text.Append(Escape(key, isKey: true)).Append('=').Append(Escape(value, isKey: false)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Escapes \, =, :, #, !, line breaks, tabs and form feeds; spaces everywhere in a key, and a leading space in a value.</summary>
    public static string Escape(string text, bool isKey)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '\\' => escaped.Append("\\\\"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                '\f' => escaped.Append("\\f"),
                '=' or ':' or '#' or '!' => escaped.Append('\\').Append(c),
                ' ' when isKey || i == 0 => escaped.Append("\\ "),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
