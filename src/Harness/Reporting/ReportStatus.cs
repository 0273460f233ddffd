namespace Harness.Reporting;

/// <summary>The Allure status of a test or step; serialised lowercase ("passed", "failed", "broken", "skipped").</summary>
internal enum ReportStatus
{
    /// <summary>The check held.</summary>
    Passed,

    /// <summary>An assertion failed: a provider (product) defect.</summary>
    Failed,

    /// <summary>An unexpected exception: a harness or infrastructure defect.</summary>
    Broken,

    /// <summary>Not run: inconclusive or not applicable (see <see cref="ReportTestResult.Category"/>).</summary>
    Skipped,
}
