namespace Harness.Reporting;

/// <summary>A link shown on the test page. <paramref name="Url"/> is absolute, or relative to the report for a page shipped inside it (traceability.html); <paramref name="Type"/> is "link", "issue" or "tms".</summary>
internal sealed record ReportLink(string Name, string Url, string Type = "link");
