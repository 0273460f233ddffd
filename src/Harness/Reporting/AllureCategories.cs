namespace Harness.Reporting;

/// <summary>
/// The defect categories, in match order (the first match wins in both generators). allurerc.mjs mirrors this list
/// by hand; <c>AllureCategoriesTests</c> checks that every name and JS pattern appears there.
/// </summary>
internal static class AllureCategories
{
    public static IReadOnlyList<AllureCategory> All { get; } =
    [
        new("Warning: a SHOULD clause (does not fail the gate unless strict)", [ReportStatus.Failed], "Warning \\(SHOULD\\):.*", "^Warning \\(SHOULD\\):"),
        // Each defect category matches its failure prefix (Conformance.Checks.Defect), wherever a baseline note puts it.
        new("Wrong fault", [ReportStatus.Failed], "(?i).*wrong fault:.*", "wrong fault:"),
        new("Malformed fault", [ReportStatus.Failed], "(?i).*malformed fault:.*", "malformed fault:"),
        new("Task contract", [ReportStatus.Failed], "(?i).*\\[task\\].*", "\\[task\\]"),
        new("Result contract", [ReportStatus.Failed], "(?i).*\\[result\\].*", "\\[result\\]"),
        new("Stuck task", [ReportStatus.Failed, ReportStatus.Broken], "(?i).*stuck task.*", "stuck task"),
        new("Capability contradicted", [ReportStatus.Failed], "(?i).*\\[capability\\].*", "\\[capability\\]"),
        new("Wire format (VMware's type definitions)", [ReportStatus.Failed], "(?i).*\\[wire\\].*", "\\[wire\\]"),
        new("Inconclusive: precondition not established", [ReportStatus.Unknown], "Inconclusive:.*", "^Inconclusive:"),
        new("Not exercised: the trigger never arose", [ReportStatus.Skipped], "Not exercised:.*", "^Not exercised:"),
        new("Not applicable", [ReportStatus.Skipped], "Not applicable:.*", "^Not applicable:"),
        new("Harness or infrastructure error", [ReportStatus.Broken], null, null),
    ];
}
