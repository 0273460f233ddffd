namespace Harness.Reporting;

/// <summary>
/// A test parameter. The value is written as a JSON string. An <paramref name="Excluded"/> parameter is still shown
/// but is left out of the history key (use it for seeds, ports, timestamps).
/// </summary>
internal sealed record ReportParameter(string Name, string Value, bool Excluded = false);
