using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class AllureResultsWriterTests
{
    [Test]
    public void Result_json_has_the_required_fields_with_the_right_types()
    {
        using var dir = new TempDirectory();
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(SampleResults.Passed());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var root = json.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("uuid").GetString(), Is.EqualTo(uuid));
            Assert.That(Guid.TryParse(uuid, out _), Is.True);
            Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("Empty_groupId_is_rejected_with_InvalidArgument"));
            Assert.That(root.GetProperty("fullName").GetString(), Is.EqualTo(SampleResults.FullName));
            Assert.That(root.GetProperty("testCaseId").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(root.GetProperty("historyId").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(root.GetProperty("stage").GetString(), Is.EqualTo("finished"));
            Assert.That(root.GetProperty("start").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(root.GetProperty("start").GetInt64(), Is.EqualTo(SampleResults.Start.ToUnixTimeMilliseconds()));
            Assert.That(root.GetProperty("stop").GetInt64() - root.GetProperty("start").GetInt64(), Is.EqualTo(850));
            Assert.That(root.GetProperty("description").GetString(), Does.Contain("**reverseReplicateGroup**"));
            Assert.That(root.TryGetProperty("titlePath", out _), Is.False, "titlePath is emitted for no result (G5)");
            Assert.That(root.TryGetProperty("statusDetails", out _), Is.False, "a passed test without message has no statusDetails");

            var parameters = root.GetProperty("parameters").EnumerateArray().ToList();
            Assert.That(parameters.Select(p => p.GetProperty("value").ValueKind), Is.All.EqualTo(JsonValueKind.String));
            Assert.That(parameters.Select(p => p.GetProperty("excluded").ValueKind), Is.EquivalentTo(new[] { JsonValueKind.False, JsonValueKind.True }));

            var labels = root.GetProperty("labels").EnumerateArray()
                .Select(l => (l.GetProperty("name").GetString(), l.GetProperty("value").GetString())).ToList();
            Assert.That(labels, Does.Contain(("parentSuite", "Conformance")));
            Assert.That(labels, Does.Contain(("suite", "Reverse")));
            Assert.That(labels, Does.Contain(("subSuite", "ReverseReplicateGroupTests")));
            Assert.That(labels.Count(l => l.Item1 == "tag"), Is.EqualTo(2), "label names may repeat");
        }
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    public void Known_and_muted_results_carry_their_own_marks_in_status_details(bool known, bool muted)
    {
        using var dir = new TempDirectory();
        var result = SampleResults.FailedWithNestedStep();
        result.Known = known;
        result.Muted = muted;
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(result);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var details = json.RootElement.GetProperty("statusDetails");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(details.TryGetProperty("known", out var k) && k.GetBoolean(), Is.EqualTo(known), "known (Allure 3: resolution accepted)");
            Assert.That(details.TryGetProperty("muted", out var m) && m.GetBoolean(), Is.EqualTo(muted), "muted (Allure 3: resolution muted)");
        }
    }

    [Test]
    public void Failed_result_has_status_details_and_nested_steps()
    {
        using var dir = new TempDirectory();
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(SampleResults.FailedWithNestedStep());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var root = json.RootElement;
        var step = root.GetProperty("steps")[0];
        var inner = step.GetProperty("steps")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(root.GetProperty("statusDetails").GetProperty("message").GetString(), Does.StartWith("[task]"));
            Assert.That(root.GetProperty("statusDetails").GetProperty("trace").GetString(), Does.Contain("line 57"));
            Assert.That(step.GetProperty("name").GetString(), Is.EqualTo("POST /vasa/failoverReplicationGroup"));
            Assert.That(step.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(step.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("progress went backwards"));
            Assert.That(step.GetProperty("parameters")[0].GetProperty("value").GetString(), Is.EqualTo("POST"));
            Assert.That(inner.GetProperty("name").GetString(), Is.EqualTo("poll task t-1"));
            Assert.That(inner.GetProperty("attachments")[0].GetProperty("type").GetString(), Is.EqualTo("text/plain"));
            Assert.That(root.GetProperty("attachments")[0].GetProperty("type").GetString(), Is.EqualTo("text/plain"), "MIME parameters are dropped");
        }
    }

    [Test]
    public void Suite_labels_are_derived_from_the_full_name_when_missing()
    {
        using var dir = new TempDirectory();
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(SampleResults.FailedWithNestedStep());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var labels = json.RootElement.GetProperty("labels").EnumerateArray()
            .Select(l => (l.GetProperty("name").GetString(), l.GetProperty("value").GetString())).ToList();
        Assert.That(labels, Is.EquivalentTo(new[]
        {
            ("parentSuite", "Conformance"), ("suite", "Conformance.Tasks"), ("subSuite", "FailoverTests"),
        }));
    }

    [TestCase(ReportTestResult.Inconclusive, "group g-1 could not be created", "Inconclusive: group g-1 could not be created")]
    [TestCase(ReportTestResult.Inconclusive, "Inconclusive: already prefixed", "Inconclusive: already prefixed")]
    [TestCase(ReportTestResult.NotApplicable, "no async replication", "Not applicable: no async replication")]
    public void Skipped_result_message_starts_with_its_category(string category, string message, string expected)
    {
        using var dir = new TempDirectory();
        var result = SampleResults.Passed();
        result.Status = ReportStatus.Skipped;
        result.Category = category;
        result.Message = message;
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(result);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var root = json.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo(expected));
            Assert.That(
                root.GetProperty("labels").EnumerateArray().Any(l => l.GetProperty("name").GetString() == "category" && l.GetProperty("value").GetString() == category),
                Is.True);
        }
    }

    [Test]
    public void History_and_test_case_ids_are_stable_across_writes_of_the_same_test()
    {
        using var dir = new TempDirectory();
        var writer = new AllureResultsWriter(dir.Path, new Redactor());
        var first = ReadIds(dir, writer.Write(SampleResults.Passed(provider: "mock", seed: "1")));
        var second = ReadIds(dir, writer.Write(SampleResults.Passed(provider: "mock", seed: "2")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Uuid, Is.Not.EqualTo(first.Uuid));
            Assert.That(second.TestCaseId, Is.EqualTo(first.TestCaseId));
            Assert.That(second.HistoryId, Is.EqualTo(first.HistoryId), "the excluded seed does not change the history key");
            Assert.That(first.TestCaseId, Is.EqualTo(AllureResultsWriter.TestCaseId(SampleResults.FullName)));
        }
    }

    [Test]
    public void History_id_differs_for_different_parameters_but_test_case_id_does_not()
    {
        using var dir = new TempDirectory();
        var writer = new AllureResultsWriter(dir.Path, new Redactor());
        var mock = ReadIds(dir, writer.Write(SampleResults.Passed(provider: "mock")));
        var real = ReadIds(dir, writer.Write(SampleResults.Passed(provider: "array-a")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(real.HistoryId, Is.Not.EqualTo(mock.HistoryId));
            Assert.That(real.TestCaseId, Is.EqualTo(mock.TestCaseId));
        }
    }

    [Test]
    public void History_id_does_not_depend_on_parameter_order()
    {
        var forward = new[] { new ReportParameter("a", "1"), new ReportParameter("b", "2") };
        var backward = forward.Reverse().ToArray();
        Assert.That(
            AllureResultsWriter.HistoryId(SampleResults.FullName, backward),
            Is.EqualTo(AllureResultsWriter.HistoryId(SampleResults.FullName, forward)));
    }

    [Test]
    public void Referenced_attachments_exist_and_have_valid_source_names()
    {
        using var dir = new TempDirectory();
        var uuid = new AllureResultsWriter(dir.Path, new Redactor()).Write(SampleResults.FailedWithNestedStep());

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var entries = Attachments(json.RootElement).ToList();
        Assert.That(entries, Has.Count.EqualTo(3));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, source, type) in entries)
            {
                Assert.That(source, Does.Match(SourceName()), name);
                Assert.That(File.Exists(dir.File(source)), Is.True, source);
                Assert.That(Path.GetExtension(source), Is.EqualTo(type == "application/json" ? ".json" : ".txt"), source);
            }

            var request = entries.Single(e => e.Name == "request");
            Assert.That(File.ReadAllText(dir.File(request.Source)), Is.EqualTo("{\"groupId\":\"g-1\"}"));
        }
    }

    [TestCase("application/json", ".json")]
    [TestCase("text/plain", ".txt")]
    [TestCase("text/html", ".html")]
    [TestCase("application/xml", ".xml")]
    [TestCase("text/csv", ".csv")]
    [TestCase("application/x-unknown", ".txt")]
    public void Attachment_extension_follows_the_content_type(string contentType, string extension)
    {
        using var dir = new TempDirectory();
        var result = SampleResults.Passed();
        result.Attachments.Add(new ReportAttachment("a", contentType, "x"));
        new AllureResultsWriter(dir.Path, new Redactor()).Write(result);

        Assert.That(dir.Files().Where(f => f.EndsWith("-attachment" + extension, StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Png_attachment_is_written_decoded()
    {
        using var dir = new TempDirectory();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var result = SampleResults.Passed();
        result.Attachments.Add(new ReportAttachment("screen", "image/png", Convert.ToBase64String(png)));
        new AllureResultsWriter(dir.Path, new Redactor()).Write(result);

        var file = dir.Files().Single(f => f.EndsWith("-attachment.png", StringComparison.Ordinal));
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(png));
    }

    [Test]
    public void Attachment_is_written_before_its_result()
    {
        using var dir = new TempDirectory();
        var order = new List<string>();
        var writer = new AllureResultsWriter(dir.Path, new Redactor(), order.Add);
        var uuid = writer.Write(SampleResults.FailedWithNestedStep());

        var resultIndex = order.IndexOf(uuid + "-result.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Count(f => f.Contains("-attachment.", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(resultIndex, Is.EqualTo(order.Count - 1), string.Join(", ", order));
        }
    }

    [Test]
    public void Parallel_writes_give_unique_uuids_and_leave_no_temporary_files()
    {
        using var dir = new TempDirectory();
        var writer = new AllureResultsWriter(dir.Path, new Redactor());
        var uuids = new ConcurrentBag<string>();
        Parallel.For(0, 64, i =>
        {
            uuids.Add(writer.Write(i % 2 == 0 ? SampleResults.Passed(seed: i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : SampleResults.FailedWithNestedStep()));
            writer.WriteEnvironment(new Dictionary<string, string> { ["writer"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        });
        writer.WriteCategories();

        var files = dir.Files();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uuids.Distinct().Count(), Is.EqualTo(64));
            Assert.That(files.Count(f => f.EndsWith("-result.json", StringComparison.Ordinal)), Is.EqualTo(64));
            Assert.That(files.Count(f => f.EndsWith("-attachment.json", StringComparison.Ordinal)), Is.EqualTo(32));
            Assert.That(files.Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
            Assert.That(File.ReadAllText(dir.File("environment.properties")), Does.Match("^writer=\\d+\n$"));
        }

        foreach (var file in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotThrow(() => JsonDocument.Parse(File.ReadAllText(file)).Dispose(), file);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SourceName();

    private static (string Uuid, string TestCaseId, string HistoryId) ReadIds(TempDirectory dir, string uuid)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File(uuid + "-result.json")));
        var root = json.RootElement;
        return (root.GetProperty("uuid").GetString()!, root.GetProperty("testCaseId").GetString()!, root.GetProperty("historyId").GetString()!);
    }

    private static IEnumerable<(string Name, string Source, string Type)> Attachments(JsonElement node)
    {
        foreach (var a in node.GetProperty("attachments").EnumerateArray())
        {
            yield return (a.GetProperty("name").GetString()!, a.GetProperty("source").GetString()!, a.GetProperty("type").GetString()!);
        }

        foreach (var step in node.GetProperty("steps").EnumerateArray())
        {
            foreach (var a in Attachments(step))
            {
                yield return a;
            }
        }
    }
}
