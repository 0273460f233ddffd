namespace Harness.Reporting;

/// <summary>A link shown on the test page. <paramref name="Url"/> must be absolute; <paramref name="Type"/> is "link", "issue" or "tms".</summary>
internal sealed record ReportLink(string Name, string Url, string Type = "link");
