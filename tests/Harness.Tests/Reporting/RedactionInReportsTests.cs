using System.Text;
using System.Text.Json;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RedactionInReportsTests
{
    private const string Secret = "hunter2-s3cr3t-session";

    // A secret with characters JSON escapes: redacting the serialised text would miss it, so fields are redacted first.
    private const string QuotedSecret = "pa\"ss\\word-9";

    [Test]
    public void A_registered_secret_never_appears_in_any_written_file()
    {
        using var dir = new TempDirectory();
        var redactor = new Redactor();
        redactor.AddSecret(Secret);
        redactor.AddSecret(QuotedSecret);
        var writer = new AllureResultsWriter(dir.Path, redactor);

        var result = SampleResults.FailedWithNestedStep();
        result.Message = $"login with {Secret} failed; {QuotedSecret}";
        result.Trace = $"at Login({Secret})";
        result.Description = $"uses {Secret}";
        result.Labels.Add(("owner", Secret));
        result.Links.Add(new ReportLink("ticket", $"https://tracker.example/{Secret}", "issue"));
        result.Parameters.Add(new ReportParameter("password", Secret));
        result.Attachments.Add(new ReportAttachment("response", "application/json", $"{{\"session\":\"{Secret}\",\"other\":\"{QuotedSecret}\"}}"));
        result.Steps[0].Name = $"login as admin/{Secret}";
        result.Steps[0].Message = Secret;
        result.Steps[0].Parameters.Add(("cookie", Secret));
        result.Steps[0].Steps[0].Attachments.Add(new ReportAttachment($"log {Secret}", "text/plain", $"Set-Cookie: x\nsession={Secret}"));
        writer.Write(result);
        writer.WriteEnvironment(new Dictionary<string, string> { ["vasa.password"] = Secret, [$"key-{Secret}"] = "value" });
        writer.WriteExecutor(name => name switch { "CI" => "true", "ALLURE_REPORT_URL" => $"https://reports.example/{Secret}", _ => null });

        var summary = new RunSummary("default", $"https://admin:{Secret}@array.example:8443/vasa");
        summary.Add(new RunCheck($"check {Secret}", "4.2.1", CheckOutcome.Failed, $"got {Secret}", 12));
        summary.RecordError(3, $"login failed for {Secret}");
        RunSummaryWriter.Write(summary, dir.File("summary.json"), redactor);

        var files = dir.Files();
        var forbidden = new[] { Secret, QuotedSecret, JsonSerializer.Serialize(QuotedSecret).Trim('"') };
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(8));
        using (Assert.EnterMultipleScope())
        {
            foreach (var file in files)
            {
                var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
                foreach (var secret in forbidden)
                {
                    Assert.That(text, Does.Not.Contain(secret), Path.GetFileName(file));
                }
            }

            // The texts were written, masked: the secret was not simply dropped with its field.
            var all = string.Concat(files.Select(File.ReadAllText));
            Assert.That(all.Split(Redactor.Mask).Length - 1, Is.GreaterThanOrEqualTo(15));
        }
    }
}
