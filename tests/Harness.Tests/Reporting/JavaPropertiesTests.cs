using System.Text;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class JavaPropertiesTests
{
    [Test]
    public void Environment_properties_escapes_separators_backslashes_and_line_breaks()
    {
        using var dir = new TempDirectory();
        new AllureResultsWriter(dir.Path, new Redactor()).WriteEnvironment(new Dictionary<string, string>
        {
            ["provider.url"] = "https://array.example:8443/vasa",
            ["a=b:c d"] = "x=y",
            ["path"] = "C:\\vasa\\certs",
            ["multi"] = "line1\nline2\r\n",
            ["lead"] = " spaced # not a comment !",
        });

        var lines = File.ReadAllText(dir.File("environment.properties"), Encoding.UTF8).Split('\n');
        Assert.That(lines, Is.EqualTo(new[]
        {
            "a\\=b\\:c\\ d=x\\=y",
            "lead=\\ spaced \\# not a comment \\!",
            "multi=line1\\nline2\\r\\n",
            "path=C\\:\\\\vasa\\\\certs",
            "provider.url=https\\://array.example\\:8443/vasa",
            string.Empty,
        }));
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public bool Escaping_round_trips_through_a_properties_reader(FsCheck.NonNull<string> key, FsCheck.NonNull<string> value)
    {
        var line = JavaProperties.Format([KeyValuePair.Create(key.Get, value.Get)]);
        var lines = line.Split('\n');
        return lines.Length == 2 && lines[1].Length == 0 && Parse(lines[0]) == (key.Get, value.Get);
    }

    /// <summary>A minimal java.util.Properties line reader: the first unescaped '=' or ':' separates key and value.</summary>
    private static (string Key, string Value) Parse(string line)
    {
        var key = new StringBuilder();
        var value = new StringBuilder();
        var current = key;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                var next = line[++i];
                current.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'f' => '\f', _ => next });
            }
            else if (current == key && (c == '=' || c == ':'))
            {
                current = value;
            }
            else if (current == value && value.Length == 0 && c == ' ')
            {
                // Java skips unescaped leading whitespace of a value.
            }
            else
            {
                current.Append(c);
            }
        }

        return (key.ToString(), value.ToString());
    }
}
