namespace Harness.Reporting;

/// <summary>The Allure status of a test or step; serialised lowercase ("passed", "failed", "broken", "skipped", "unknown").</summary>
internal enum ReportStatus
{
    /// <summary>The check held.</summary>
    Passed,

    /// <summary>An assertion failed: a provider (product) defect.</summary>
    Failed,

    /// <summary>An unexpected exception: a harness or infrastructure defect.</summary>
    Broken,

    /// <summary>Not judged: not exercised or not applicable (see <see cref="ReportTestResult.Category"/>).</summary>
    Skipped,

    /// <summary>Unverified: the precondition could not be set up (inconclusive). A colour of its own, apart from skipped.</summary>
    Unknown,
}
