using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Reporting;
using Harness.Security;

namespace Harness.Tests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SarifWriterTests
{
    private const string Secret = "hunter2-s3cr3t-session";

    [Test]
    public void The_log_is_sarif_2_1_0_with_one_run_of_the_conformance_tool()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out/conformance.sarif");
        SarifWriter.Write(SampleRuns.EveryOutcome(), path, new Redactor(), toolVersion: "1.2.3");

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("$schema").GetString(), Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("vasa-conformance"));
            Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo("1.2.3"));
            Assert.That(driver.TryGetProperty("informationUri", out _), Is.False);
            Assert.That(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True);
            Assert.That(run.GetProperty("properties").GetProperty("verdict").GetString(), Is.EqualTo("not-conformant"));
            Assert.That(run.GetProperty("properties").GetProperty("inconclusive").GetInt32(), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no .tmp left behind");
        }
    }

    [Test]
    public void There_is_one_rule_per_clause_id_seen_named_after_its_checks()
    {
        var driver = Run(SarifWriter.Build(SampleRuns.EveryOutcome(), new Redactor()))["tool"]!["driver"]!;
        var rules = driver["rules"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules.Select(r => (string?)r!["id"]), Is.EqualTo(new[] { "R-4.2.1", "R-4.2.2", "T-2.1", "R-5.1" }));
            Assert.That(
                (string?)rules[3]!["shortDescription"]!["text"],
                Is.EqualTo("Clause R-5.1: Reverse_after_failover_swaps_roles, Async_replication_is_reported"));
        }
    }

    [Test]
    public void Defects_are_fail_results_and_unverified_checks_open_ones_with_the_clause_id_as_rule_id()
    {
        var run = Run(SarifWriter.Build(SampleRuns.EveryOutcome(), new Redactor()));
        var results = run["results"]!.AsArray();
        var failed = results[0]!;
        var broken = results[1]!;
        var location = failed["locations"]![0]!["logicalLocations"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => (string?)r!["ruleId"]), Is.EqualTo(new[] { "R-4.2.2", "T-2.1", "R-5.1" }));
            Assert.That(results.Select(r => (int?)r!["ruleIndex"]), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(results.Select(r => (string?)r!["level"]), Is.EqualTo(new[] { "error", "error", "note" }), "the inconclusive check is a note: the tool could not decide");
            Assert.That(
                (string?)failed["message"]!["text"],
                Is.EqualTo("Unknown_group_is_rejected_with_NotFound: " + SampleRuns.Failure));
            Assert.That((string?)location["name"], Is.EqualTo("Unknown_group_is_rejected_with_NotFound"));
            Assert.That((string?)location["fullyQualifiedName"], Is.EqualTo("Conformance.Unknown_group_is_rejected_with_NotFound"), "the sample's checks name no operation, and the caller names no feature");
            Assert.That((string?)location["kind"], Is.EqualTo("function"));
            Assert.That(failed["properties"]!["harnessError"], Is.Null);
            Assert.That((bool?)broken["properties"]!["harnessError"], Is.True);
            Assert.That((string?)broken["message"]!["text"], Is.EqualTo("Failover_task_reports_progress: harness error: stuck task: no progress in 30 s"));
        }
    }

    [Test]
    public void A_result_is_located_under_its_checks_own_operation_and_the_run_lists_the_operations()
    {
        var summary = new RunSummary("p");
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-1", CheckOutcome.Failed, "wrong fault", 1) { Feature = "ReverseReplicateGroup_Task" });
        summary.Add(new RunCheck("Empty_failoverParam_is_rejected_with_InvalidArgument", "FO-ARG-1", CheckOutcome.Failed, "wrong fault", 1) { Feature = "FailoverReplicationGroup_Task" });
        var run = Run(SarifWriter.Build(summary, new Redactor()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                run["results"]!.AsArray().Select(r => (string?)r!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]),
                Is.EqualTo(new[] { "Conformance.ReverseReplicateGroup_Task.Empty_groupId_is_rejected_with_InvalidArgument", "Conformance.FailoverReplicationGroup_Task.Empty_failoverParam_is_rejected_with_InvalidArgument" }));
            Assert.That((string?)run["properties"]!["feature"], Is.EqualTo("ReverseReplicateGroup_Task, FailoverReplicationGroup_Task"));
        }
    }

    [TestCase(false, "warning")]
    [TestCase(true, "error")]
    public void A_warning_is_a_warning_result_unless_strict_and_not_exercised_is_open(bool strict, string level)
    {
        var summary = new RunSummary("p") { Strict = strict };
        summary.Add(new RunCheck("Malformed_groupId_is_rejected_with_InvalidArgument", "RRG-ARG-2", CheckOutcome.Warning, "lenient", 1, RequirementLevel.Should));
        summary.Add(new RunCheck("ProviderBusy_when_raised_is_a_well_formed_declared_fault", "RRG-F-BUSY", CheckOutcome.NotExercised, "never raised", 1));
        var run = Run(SarifWriter.Build(summary, new Redactor()));
        var results = run["results"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)results[0]!["level"], Is.EqualTo(level));
            Assert.That((string?)results[0]!["properties"]!["level"], Is.EqualTo("SHOULD"));
            Assert.That(((string?)results[1]!["level"], (string?)results[1]!["properties"]!["outcome"]), Is.EqualTo(("note", "not-exercised")));
            Assert.That((int?)run["properties"]!["warnings"], Is.EqualTo(1));
            Assert.That((int?)run["properties"]!["notExercised"], Is.EqualTo(1));
        }
    }

    [Test]
    public void Every_result_meets_what_GitHub_code_scanning_requires()
    {
        // Code scanning rejects a result without a physical location, and shows the rule's full description and helpUri.
        var summary = SampleRuns.EveryOutcome();
        var clauses = summary.Checks.Select(c => c.ClauseId).Distinct().Select((id, i) => (id, i))
            .ToDictionary(x => x.id, x => new ClauseReference($"The text of {x.id}.", "MUST", "docs/clauses.md", 10 + x.i, new Uri($"https://example.org/clauses.md#L{10 + x.i}"), new Uri("https://example.org/vmware"), "TooMany"));
        var run = Run(SarifWriter.Build(summary, new Redactor(), clauses: clauses));
        var results = run["results"]!.AsArray();
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.Not.Empty);
            foreach (var result in results)
            {
                var physical = result!["locations"]![0]!["physicalLocation"]!;
                Assert.That((string?)physical["artifactLocation"]!["uri"], Is.EqualTo("docs/clauses.md"));
                Assert.That((int?)physical["region"]!["startLine"], Is.EqualTo(clauses[(string)result["ruleId"]!].Line));
                Assert.That((string?)result["ruleId"], Is.Not.Empty);
                Assert.That((string?)result["message"]!["text"], Is.Not.Empty);
                Assert.That((string?)result["level"], Is.AnyOf("error", "warning", "note", "none"));
            }

            foreach (var rule in rules)
            {
                Assert.That((string?)rule!["fullDescription"]!["text"], Does.Contain($"The text of {(string?)rule["id"]}."));
                Assert.That(Uri.IsWellFormedUriString((string?)rule["helpUri"], UriKind.Absolute), Is.True);
            }
        }
    }

    [Test]
    public void A_fingerprint_follows_the_check_and_clause_not_the_message()
    {
        static string? Fingerprint(string message)
        {
            var summary = new RunSummary("p");
            summary.Add(new RunCheck("Check", "R-1", CheckOutcome.Failed, message, 1));
            return (string?)Run(SarifWriter.Build(summary, new Redactor()))["results"]![0]!["partialFingerprints"]!["conformanceCheck/v1"];
        }

        Assert.That(Fingerprint("got 40"), Is.EqualTo(Fingerprint("got 60")).And.Not.Empty);
    }

    [Test]
    public void A_conformant_run_has_rules_but_no_results()
    {
        var summary = new RunSummary("p");
        summary.Add(new RunCheck("A", "R-1", CheckOutcome.Passed, null, 1));
        summary.Add(new RunCheck("B", "R-2", CheckOutcome.NotApplicable, "sync only", 1));
        var run = Run(SarifWriter.Build(summary, new Redactor()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run["results"]!.AsArray(), Is.Empty);
            Assert.That(run["tool"]!["driver"]!["rules"]!.AsArray(), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public void A_run_error_makes_the_invocation_unsuccessful_with_an_error_notification()
    {
        var summary = new RunSummary("p");
        summary.RecordError(3, "provider unreachable");
        var invocation = Run(SarifWriter.Build(summary, new Redactor()))["invocations"]![0]!;
        var notification = invocation["toolExecutionNotifications"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)invocation["executionSuccessful"], Is.False);
            Assert.That((int?)invocation["exitCode"], Is.EqualTo(3));
            Assert.That((string?)notification["level"], Is.EqualTo("error"));
            Assert.That((string?)notification["message"]!["text"], Does.Contain("provider unreachable"));
        }
    }

    [Test]
    public void A_registered_secret_never_appears_in_the_sarif_log()
    {
        using var dir = new TempDirectory();
        var redactor = new Redactor();
        redactor.AddSecret(Secret);
        var summary = new RunSummary($"profile-{Secret}", $"https://admin:{Secret}@array.example:8443/vasa");
        summary.Add(new RunCheck($"check {Secret}", $"R-{Secret}", CheckOutcome.Failed, $"got session {Secret}", 12));
        summary.Add(new RunCheck("broken", "T-1", CheckOutcome.Broken, $"{{\"password\": \"x{Secret}\"}}", 12));
        summary.RecordError(3, $"login failed for {Secret}");
        var path = dir.File("conformance.sarif");
        SarifWriter.Write(summary, path, redactor, feature: $"Feature_{Secret}");

        var text = File.ReadAllText(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain(Secret));
            Assert.That(text, Does.Contain(Redactor.Mask));
        }
    }

    [Test]
    public void A_relative_information_uri_is_refused()
    {
        Assert.That(
            () => SarifWriter.Build(SampleRuns.EveryOutcome(), new Redactor(), informationUri: new Uri("docs/README.md", UriKind.Relative)),
            Throws.ArgumentException);
    }

    [Test]
    public void A_sample_with_every_outcome_validates_against_the_official_sarif_schema()
    {
        if (!SarifValidation.IsInstalled)
        {
            Assert.Ignore(SarifValidation.NotInstalledReason);
        }

        using var dir = new TempDirectory();
        var summary = SampleRuns.EveryOutcome();
        summary.RecordError(3, "provider unreachable after 3 checks");
        var path = dir.File("conformance.sarif");
        SarifWriter.Write(summary, path, new Redactor(), informationUri: new Uri("https://example.org/vasa-conformance"));

        var (exitCode, output) = SarifValidation.Run(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("valid SARIF 2.1.0").And.Not.Contain(": error"), output);
        }
    }

    // Each change breaks the schema in one way that the writer could plausibly get wrong.
    [TestCase("level", TestName = "The_sarif_validation_rejects_a_result_level_outside_the_enum")]
    [TestCase("message", TestName = "The_sarif_validation_rejects_a_result_without_a_message")]
    [TestCase("kind", TestName = "The_sarif_validation_rejects_a_logical_location_kind_that_is_not_a_string")]
    [TestCase("version", TestName = "The_sarif_validation_rejects_another_version")]
    public void The_sarif_validation_can_fail(string breakage)
    {
        if (!SarifValidation.IsInstalled)
        {
            Assert.Ignore(SarifValidation.NotInstalledReason);
        }

        var log = SarifWriter.Build(SampleRuns.EveryOutcome(), new Redactor());
        var result = Run(log)["results"]![0]!.AsObject();
        switch (breakage)
        {
            case "level":
                result["level"] = "fatal";
                break;
            case "message":
                result.Remove("message");
                break;
            case "kind":
                result["locations"]![0]!["logicalLocations"]![0]!["kind"] = 5;
                break;
            default:
                log["version"] = "2.0.0";
                break;
        }

        using var dir = new TempDirectory();
        var path = dir.File("broken.sarif");
        File.WriteAllText(path, log.ToJsonString());
        var (exitCode, output) = SarifValidation.Run(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("INVALID"), output);
        }
    }

    private static JsonObject Run(JsonObject log) => log["runs"]![0]!.AsObject();
}
