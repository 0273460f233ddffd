using System.Xml.Linq;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class JUnitWriterTests
{
    private const string Secret = "hunter2-s3cr3t-session";

    [Test]
    public void The_suite_counts_tests_failures_errors_and_skipped_from_the_outcomes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out/junit.xml");
        JUnitWriter.Write(SampleRuns.EveryOutcome(), path, new Redactor(), hostname: "ci-runner-1");

        var root = XDocument.Load(path).Root!;
        var suite = root.Elements("testsuite").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(Attributes(root, "tests", "failures", "errors", "time"), Is.EqualTo(new[] { "5", "1", "1", "12.500" }));
            Assert.That(suite.Attribute("name")?.Value, Is.EqualTo("VASA provider conformance"));
            Assert.That(
                Attributes(suite, "tests", "failures", "errors", "skipped", "time", "timestamp", "hostname"),
                Is.EqualTo(new[] { "5", "1", "1", "2", "12.500", "2026-01-01T08:00:00", "ci-runner-1" }));
            Assert.That(Property(suite, "verdict"), Is.EqualTo("not-conformant"));
            Assert.That(Property(suite, "exitCode"), Is.EqualTo("1"));
            Assert.That(Property(suite, "profile"), Is.EqualTo("array-a"));
            Assert.That(suite.Elements("testcase").Select(t => t.Attribute("classname")?.Value), Is.All.EqualTo("Conformance"), "the sample's checks name no operation, and the caller names no feature");
            Assert.That(
                suite.Elements("testcase").Select(t => t.Attribute("time")?.Value),
                Is.EqualTo(new[] { "0.850", "1.200", "30.000", "0.004", "0.003" }));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no .tmp left behind");
        }
    }

    [Test]
    public void Each_outcome_maps_to_its_junit_element_and_the_clause_id_is_kept()
    {
        var suite = JUnitWriter.Build(SampleRuns.EveryOutcome(), new Redactor()).Root!.Element("testsuite")!;
        // A testcase's name starts with its clause id; the check's own name follows.
        var cases = suite.Elements("testcase").ToDictionary(t => t.Attribute("name")!.Value.Split(' ', 2)[1]);
        var passed = cases["Empty_groupId_is_rejected_with_InvalidArgument"];
        var failure = cases["Unknown_group_is_rejected_with_NotFound"].Element("failure");
        var error = cases["Failover_task_reports_progress"].Element("error");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(passed.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "system-out" }));
            Assert.That(failure?.Attribute("type")?.Value, Is.EqualTo("R-4.2.2"));
            // The failure carries the expected/observed line and the correlation id of the exchange that shows it, in its message and its body.
            Assert.That(failure?.Attribute("message")?.Value, Is.EqualTo(SampleRuns.Failure));
            Assert.That(failure?.Value, Is.EqualTo(SampleRuns.Failure).And.Contain("expected NotFound; observed InvalidArgument").And.EndWith("(exchange 3f9a1c-0000a)"));
            Assert.That(error?.Attribute("type")?.Value, Is.EqualTo("harness"));
            Assert.That(error?.Attribute("message")?.Value, Is.EqualTo("stuck task: no progress in 30 s"));
            Assert.That(cases["Failover_task_reports_progress"].Element("failure"), Is.Null);
            Assert.That(
                cases["Reverse_after_failover_swaps_roles"].Element("skipped")?.Value,
                Is.EqualTo("Inconclusive: precondition not established: failover did not complete"));
            Assert.That(cases["Async_replication_is_reported"].Element("skipped")?.Value, Is.EqualTo("Not applicable: sync only"), "no doubled prefix");
            Assert.That(
                suite.Elements("testcase").Select(t => t.Element("system-out")?.Value),
                Is.EqualTo(new[] { "clause: R-4.2.1 (MUST)\noutcome: passed", "clause: R-4.2.2 (MUST)\noutcome: failed", "clause: T-2.1 (MUST)\noutcome: broken", "clause: R-5.1 (MUST)\noutcome: inconclusive", "clause: R-5.1 (MUST)\noutcome: not-applicable" }));
        }
    }

    [Test]
    public void A_testcase_is_named_by_its_clause_then_its_check_and_classed_by_its_operation()
    {
        var summary = new RunSummary("array-a");
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-1", CheckOutcome.Passed, null, 1) { Feature = "ReverseReplicateGroup_Task" });
        summary.Add(new RunCheck("Every_required_property_in_an_answer_is_present", "WIRE-2", CheckOutcome.Passed, null, 1) { Feature = "WireFidelity" });
        var cases = JUnitWriter.Build(summary, new Redactor()).Descendants("testcase").ToList();
        Assert.That(
            cases.Select(c => (c.Attribute("classname")?.Value, c.Attribute("name")?.Value)),
            Is.EqualTo(new[] { ("ReverseReplicateGroup_Task", "RRG-ARG-1 Empty_groupId_is_rejected_with_InvalidArgument"), ("WireFidelity", "WIRE-2 Every_required_property_in_an_answer_is_present") }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_warning_passes_with_its_text_in_system_err_or_fails_in_strict_mode_and_not_exercised_is_skipped(bool strict)
    {
        var summary = new RunSummary("array-a") { StartedAt = SampleRuns.Start, Strict = strict };
        summary.Add(new RunCheck("Malformed_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-2", CheckOutcome.Warning, "wrong fault: a number was accepted", 5, RequirementLevel.Should));
        summary.Add(new RunCheck("ProviderBusy_when_raised_is_a_well_formed_declared_fault", "RRG-F-BUSY", CheckOutcome.NotExercised, "ProviderBusy was never raised", 1));
        var suite = JUnitWriter.Build(summary, new Redactor()).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases[0].Element("failure") is null, Is.EqualTo(!strict));
            Assert.That(cases[0].Element("system-err")?.Value, strict ? Is.Null : Does.StartWith("WARNING (SHOULD, does not fail the gate): wrong fault"));
            Assert.That(cases[0].Element("failure")?.Attribute("type")?.Value, strict ? Is.EqualTo("warning RRG-ARG-2") : Is.Null);
            Assert.That(cases[0].Element("system-out")?.Value, Does.Contain("(SHOULD)").And.Contain("outcome: warning"));
            Assert.That(cases[1].Element("skipped")?.Value, Is.EqualTo("Not exercised: ProviderBusy was never raised"));
            Assert.That(Attributes(suite, "failures", "skipped"), Is.EqualTo(new[] { strict ? "1" : "0", "1" }));
            Assert.That(Property(suite, "warnings"), Is.EqualTo("1"));
            Assert.That(Property(suite, "headline"), Is.EqualTo(strict ? "NOT CONFORMANT" : "CONFORMANT with 1 warning"));
            Assert.That(JUnitSchema.Validate(JUnitWriter.Build(summary, new Redactor()).ToString()), Is.Empty);
        }
    }

    [Test]
    public void A_run_error_without_checks_becomes_one_errored_run_testcase()
    {
        var summary = new RunSummary("array-a", "https://array.example:8443/vasa") { StartedAt = SampleRuns.Start };
        summary.RecordError(3, "provider unreachable: connection refused");
        var suite = JUnitWriter.Build(summary, new Redactor()).Root!.Element("testsuite")!;
        var testcase = suite.Elements("testcase").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Attributes(suite, "tests", "failures", "errors", "skipped"), Is.EqualTo(new[] { "1", "0", "1", "0" }));
            Assert.That(testcase.Attribute("name")?.Value, Is.EqualTo("run"));
            Assert.That(testcase.Element("error")?.Attribute("message")?.Value, Is.EqualTo("provider unreachable: connection refused"));
            Assert.That(testcase.Element("error")?.Value, Does.Contain("exit code 3"));
            Assert.That(Property(suite, "verdict"), Is.EqualTo("error"));
            Assert.That(Property(suite, "exitCode"), Is.EqualTo("3"));
            Assert.That(suite.Attribute("timestamp")?.Value, Is.EqualTo("2026-01-01T08:00:00"));
        }
    }

    [Test]
    public void A_run_that_never_started_has_no_timestamp_rather_than_year_one()
    {
        var summary = new RunSummary("array-a");
        summary.RecordError(2, "profile invalid");
        var suite = JUnitWriter.Build(summary, new Redactor()).Root!.Element("testsuite")!;
        Assert.That(suite.Attribute("timestamp"), Is.Null);
    }

    [Test]
    public void A_run_error_after_some_checks_is_still_reported_so_the_run_is_never_green()
    {
        var summary = new RunSummary("array-a");
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "R-4.2.1", CheckOutcome.Passed, null, 10));
        summary.RecordError(3, "login refused");
        var suite = JUnitWriter.Build(summary, new Redactor()).Root!.Element("testsuite")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Attributes(suite, "tests", "errors"), Is.EqualTo(new[] { "2", "1" }));
            Assert.That(suite.Elements("testcase").Last().Attribute("name")?.Value, Is.EqualTo("run"));
        }
    }

    [Test]
    public void A_registered_secret_never_appears_in_junit_xml()
    {
        using var dir = new TempDirectory();
        var redactor = new Redactor();
        redactor.AddSecret(Secret);
        var summary = new RunSummary($"profile-{Secret}", $"https://admin:{Secret}@array.example:8443/vasa");
        summary.Add(new RunCheck($"check {Secret}", $"R-{Secret}", CheckOutcome.Failed, $"got session {Secret}", 12));
        summary.Add(new RunCheck("broken", "T-1", CheckOutcome.Broken, $"Authorization: Bearer {Secret}", 12));
        summary.Add(new RunCheck("skipped", "T-2", CheckOutcome.Inconclusive, $"no login with {Secret}", 12));
        summary.RecordError(3, $"login failed for {Secret}");
        var path = dir.File("junit.xml");
        JUnitWriter.Write(summary, path, redactor, feature: $"Feature_{Secret}", hostname: $"host-{Secret}");

        var text = File.ReadAllText(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain(Secret));
            Assert.That(text, Does.Contain(Redactor.Mask));
            Assert.That(JUnitSchema.Validate(text), Is.Empty);
        }
    }

    [Test]
    public void Characters_xml_forbids_are_replaced_so_the_file_stays_well_formed()
    {
        using var dir = new TempDirectory();
        var summary = new RunSummary("array-a");
        summary.Add(new RunCheck("bell\u0007check", "R-1", CheckOutcome.Failed, "nul\u0000 and lone \uD800 surrogate, emoji \U0001F600 kept", 1));
        var path = dir.File("junit.xml");
        JUnitWriter.Write(summary, path, new Redactor(), hostname: "h");

        var text = File.ReadAllText(path);
        var failure = XDocument.Parse(text).Descendants("failure").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JUnitSchema.Validate(text), Is.Empty);
            Assert.That(failure.Value, Is.EqualTo("nul\uFFFD and lone \uFFFD surrogate, emoji \U0001F600 kept"));
            Assert.That(XDocument.Parse(text).Descendants("testcase").Single().Attribute("name")?.Value, Is.EqualTo("R-1 bell\uFFFDcheck"));
        }
    }

    [Test]
    public void Without_a_feature_argument_the_suite_feature_lists_the_operations_its_checks_name()
    {
        var summary = new RunSummary("array-a");
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-1", CheckOutcome.Passed, null, 1) { Feature = "ReverseReplicateGroup_Task" });
        summary.Add(new RunCheck("Empty_failoverParam_is_rejected_with_InvalidArgument", "FO-ARG-1", CheckOutcome.Passed, null, 1) { Feature = "FailoverReplicationGroup_Task" });
        summary.Add(new RunCheck("Every_required_property_in_an_answer_is_present", "WIRE-2", CheckOutcome.Passed, null, 1) { Feature = "WireFidelity" });
        var suite = JUnitWriter.Build(summary, new Redactor()).Root!.Element("testsuite")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Property(suite, "feature"), Is.EqualTo("ReverseReplicateGroup_Task, FailoverReplicationGroup_Task, WireFidelity"));
            Assert.That(suite.Elements("testcase").Select(t => t.Attribute("classname")?.Value), Is.EqualTo(new[] { "ReverseReplicateGroup_Task", "FailoverReplicationGroup_Task", "WireFidelity" }));
        }
    }

    [Test]
    public void The_feature_argument_names_the_testcase_classname()
    {
        var document = JUnitWriter.Build(SampleRuns.EveryOutcome(), new Redactor(), feature: "QueryReplicationGroup");
        Assert.That(
            document.Descendants("testcase").Select(t => t.Attribute("classname")?.Value),
            Is.All.EqualTo("Conformance.QueryReplicationGroup"));
    }

    [Test]
    public void A_sample_with_every_outcome_and_a_run_error_validates_against_the_jenkins_junit_schema()
    {
        using var dir = new TempDirectory();
        var summary = SampleRuns.EveryOutcome();
        summary.RecordError(2, "profile invalid");
        var path = dir.File("junit.xml");
        JUnitWriter.Write(summary, path, new Redactor(), hostname: "ci-runner-1");

        var text = File.ReadAllText(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JUnitSchema.Validate(text), Is.Empty);
            Assert.That(
                XDocument.Parse(text).Descendants("testcase").SelectMany(t => t.Elements()).Select(e => e.Name.LocalName).Distinct(),
                Is.EquivalentTo(new[] { "failure", "error", "skipped", "system-out" }),
                "the sample covers every element the writer emits");
        }
    }

    // Each document breaks the schema in one way; the valid base shows the rejection is due to that change alone.
    [TestCase("", true, TestName = "The_schema_accepts_the_unchanged_base_document")]
    [TestCase("<skipped message=\"Inconclusive: x\"/>", false, TestName = "The_schema_rejects_a_skipped_element_with_a_message_attribute")]
    [TestCase("<properties><property name=\"clause\" value=\"R-1\"/></properties>", false, TestName = "The_schema_rejects_properties_inside_a_testcase")]
    [TestCase("<failure/><skipped/>", false, TestName = "The_schema_rejects_children_out_of_order")]
    [TestCase("<bogus/>", false, TestName = "The_schema_rejects_an_unknown_element")]
    public void The_schema_validation_can_fail(string testcaseContent, bool valid)
    {
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites><testsuite name="s" tests="1"><testcase name="c" classname="k" time="0.001">{testcaseContent}</testcase></testsuite></testsuites>
            """;
        Assert.That(JUnitSchema.Validate(xml), valid ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public void The_schema_rejects_a_suite_without_its_required_tests_attribute()
    {
        var document = JUnitWriter.Build(SampleRuns.EveryOutcome(), new Redactor());
        document.Root!.Element("testsuite")!.Attribute("tests")!.Remove();
        Assert.That(JUnitSchema.Validate(document.ToString()), Has.Some.Contains("tests"));
    }

    private static string?[] Attributes(XElement element, params string[] names) =>
        names.Select(n => element.Attribute(n)?.Value).ToArray();

    private static string? Property(XElement suite, string name) =>
        suite.Element("properties")?.Elements("property").SingleOrDefault(p => p.Attribute("name")?.Value == name)?.Attribute("value")?.Value;
}
