using System.Xml;
using System.Xml.Schema;

namespace Harness.Tests.Reporting;

/// <summary>Validates JUnit XML with System.Xml.Schema against the real Jenkins JUnit schema in Schemas/ (see its README).</summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static string SchemaPath => RepositoryPaths.File("tests", "Harness.Tests", "Reporting", "Schemas", "jenkins-junit.xsd");

    /// <summary>Every validation error and warning, with its line; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            problems.Add("not well-formed: " + e.Message);
        }

        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(SchemaPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(targetNamespace: null, reader);
        set.Compile();
        return set;
    }
}
