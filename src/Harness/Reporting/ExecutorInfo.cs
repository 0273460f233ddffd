using System.Globalization;

namespace Harness.Reporting;

/// <summary>The content of executor.json: which CI system ran the suite, and where its build and report live.</summary>
internal sealed record ExecutorInfo(
    string Name,
    string Type,
    string? Url,
    long? BuildOrder,
    string? BuildName,
    string? BuildUrl,
    string? ReportName,
    string? ReportUrl)
{
    /// <summary>Shown as the report title by Allure 2 (reportName overrides it).</summary>
    public const string DefaultReportName = "VASA provider conformance";

    /// <summary>Optional variable with the published report's URL; without it the build URL is used.</summary>
    public const string ReportUrlVariable = "ALLURE_REPORT_URL";

    /// <summary>
    /// Reads GitHub Actions, GitLab CI, Jenkins or a generic <c>CI=true</c>, in that order; null when no CI variable is set.
    /// The report URL never ends in "/" (gotcha G14: a trailing slash gives broken "//#testresult" links).
    /// </summary>
    public static ExecutorInfo? FromEnvironment(Func<string, string?> variable)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(variable(name)) ? null : variable(name)!.Trim();
        static long? Number(string? text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        static string? NoSlash(string? url) => url?.TrimEnd('/');

        var reportUrl = Get(ReportUrlVariable);
        if (string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var server = NoSlash(Get("GITHUB_SERVER_URL")) ?? "https://github.com";
            var repository = Get("GITHUB_REPOSITORY");
            var runId = Get("GITHUB_RUN_ID");
            var url = repository is null ? null : $"{server}/{repository}";
            var buildUrl = url is null || runId is null ? null : $"{url}/actions/runs/{runId}";
            var runNumber = Get("GITHUB_RUN_NUMBER");
            var workflow = Get("GITHUB_WORKFLOW") ?? "conformance";
            return new ExecutorInfo(
                "GitHub Actions",
                "github",
                url,
                Number(runNumber) ?? Number(runId),
                $"{workflow} #{runNumber ?? runId}",
                buildUrl,
                DefaultReportName,
                NoSlash(reportUrl ?? buildUrl));
        }

        if (string.Equals(Get("GITLAB_CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var pipeline = Get("CI_PIPELINE_ID");
            var jobUrl = NoSlash(Get("CI_JOB_URL"));
            return new ExecutorInfo(
                "GitLab CI",
                "gitlab",
                NoSlash(Get("CI_PROJECT_URL")),
                Number(pipeline),
                $"{Get("CI_JOB_NAME") ?? "conformance"} #{pipeline}",
                jobUrl,
                DefaultReportName,
                NoSlash(reportUrl ?? jobUrl));
        }

        if (Get("JENKINS_URL") is { } jenkins)
        {
            var buildNumber = Get("BUILD_NUMBER");
            var buildUrl = NoSlash(Get("BUILD_URL"));
            return new ExecutorInfo(
                "Jenkins",
                "jenkins",
                NoSlash(jenkins),
                Number(buildNumber),
                $"{Get("JOB_NAME") ?? "conformance"} #{buildNumber}",
                buildUrl,
                DefaultReportName,
                NoSlash(reportUrl ?? buildUrl));
        }

        if (string.Equals(Get("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new ExecutorInfo("CI", "ci", null, null, null, null, DefaultReportName, NoSlash(reportUrl));
        }

        return null;
    }
}
