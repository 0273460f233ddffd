namespace Harness.Reporting;

/// <summary>
/// One defect category. <paramref name="MessageRegex"/> is for categories.json (Allure 2: Java, DOTALL, full match,
/// so it is written <c>.*x.*</c>; null matches any message). <paramref name="JsMessagePattern"/> is the same rule
/// as the JavaScript regex literal body used in allurerc.mjs (Allure 3 awesome: partial match).
/// </summary>
internal sealed record AllureCategory(
    string Name,
    IReadOnlyList<ReportStatus> MatchedStatuses,
    string? MessageRegex,
    string? JsMessagePattern);
