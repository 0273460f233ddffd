using System.Text.Json;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExecutorInfoTests
{
    [Test]
    public void Github_actions_variables_give_build_and_report_urls_without_trailing_slash()
    {
        var info = ExecutorInfo.FromEnvironment(Variables(
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_SERVER_URL", "https://github.com/"),
            ("GITHUB_REPOSITORY", "acme/vasa-conformance"),
            ("GITHUB_RUN_ID", "987654"),
            ("GITHUB_RUN_NUMBER", "42"),
            ("ALLURE_REPORT_URL", "https://reports.example/42/")));

        Assert.That(info, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info!.Type, Is.EqualTo("github"));
            Assert.That(info.Url, Is.EqualTo("https://github.com/acme/vasa-conformance"));
            Assert.That(info.BuildUrl, Is.EqualTo("https://github.com/acme/vasa-conformance/actions/runs/987654"));
            Assert.That(info.BuildOrder, Is.EqualTo(42));
            Assert.That(info.ReportUrl, Is.EqualTo("https://reports.example/42"));
        }
    }

    [Test]
    public void Gitlab_variables_give_the_job_url_as_report_url()
    {
        var info = ExecutorInfo.FromEnvironment(Variables(
            ("GITLAB_CI", "true"), ("CI", "true"), ("CI_PIPELINE_ID", "77"), ("CI_JOB_URL", "https://gitlab.example/acme/vasa/-/jobs/5/")));

        Assert.That(info, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info!.Type, Is.EqualTo("gitlab"));
            Assert.That(info.BuildOrder, Is.EqualTo(77));
            Assert.That(info.BuildUrl, Is.EqualTo("https://gitlab.example/acme/vasa/-/jobs/5"));
            Assert.That(info.ReportUrl, Is.EqualTo("https://gitlab.example/acme/vasa/-/jobs/5"));
        }
    }

    [Test]
    public void Jenkins_variables_give_build_number_and_url()
    {
        var info = ExecutorInfo.FromEnvironment(Variables(
            ("JENKINS_URL", "https://jenkins.example/"), ("BUILD_NUMBER", "314"), ("BUILD_URL", "https://jenkins.example/job/vasa/314/")));

        Assert.That(info, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info!.Type, Is.EqualTo("jenkins"));
            Assert.That(info.BuildOrder, Is.EqualTo(314));
            Assert.That(info.ReportUrl, Is.EqualTo("https://jenkins.example/job/vasa/314"));
        }
    }

    [Test]
    public void Generic_ci_gives_a_plain_executor()
    {
        var info = ExecutorInfo.FromEnvironment(Variables(("CI", "true")));
        Assert.That(info?.Name, Is.EqualTo("CI"));
    }

    [Test]
    public void Executor_json_is_written_with_camel_case_fields_and_no_nulls()
    {
        using var dir = new TempDirectory();
        var written = new AllureResultsWriter(dir.Path, new Redactor()).WriteExecutor(Variables(
            ("GITHUB_ACTIONS", "true"), ("GITHUB_REPOSITORY", "acme/vasa"), ("GITHUB_RUN_ID", "5")));

        Assert.That(written, Is.True);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("executor.json")));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.SupersetOf(new[] { "name", "type", "url", "buildOrder", "buildName", "buildUrl", "reportName", "reportUrl" }));
            Assert.That(json.RootElement.GetProperty("buildOrder").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Value.ValueKind), Has.None.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public void Without_ci_variables_no_executor_file_is_written()
    {
        using var dir = new TempDirectory();
        var written = new AllureResultsWriter(dir.Path, new Redactor()).WriteExecutor(Variables(("HOME", "/root"), ("CI", "false")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.False);
            Assert.That(File.Exists(dir.File("executor.json")), Is.False);
        }
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
