using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Run;

/// <summary>
/// Honest verdicts, end to end against the embedded simulator: a lenient but otherwise faithful provider is
/// CONFORMANT with its warning named; strict mode fails it; a run that leaves MUST clauses unverified is INCOMPLETE
/// (exit 5) unless each is accepted with a reason and an expiry; clauses whose trigger never arose are listed as not
/// exercised in summary.json, JUnit, SARIF and the traceability matrix.
/// </summary>
[TestFixture]
public sealed class VerdictTests
{
    [Test]
    public async Task A_provider_that_accepts_malformed_ids_leniently_is_conformant_with_the_warning_named()
    {
        var (summary, files) = await RunAsync("""{ "name": "lenient", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "deviations": ["MalformedBodyAccepted"] } }""");
        var warning = summary.Checks.Single(c => c.Name == "ReverseReplicateGroup_Task.Malformed_groupId_is_rejected_with_InvalidArgument");
        Assert.Multiple(() =>
        {
            Assert.That(summary.Verdict.ExitCode, Is.Zero, summary.Verdict.Reason);
            Assert.That(summary.Verdict.Headline, Is.EqualTo("CONFORMANT with 1 warning"));
            Assert.That(warning.Outcome, Is.EqualTo(CheckOutcome.Warning));
            Assert.That(summary.Verdict.Reason, Does.Contain("Malformed_groupId_is_rejected_with_InvalidArgument (RRG-ARG-2)"));
            Assert.That(files["summary.json"], Does.Contain("\"warnings\": 1").And.Contain("\"headline\": \"CONFORMANT with 1 warning\""));
            Assert.That(files["junit.xml"], Does.Contain("WARNING (SHOULD, does not fail the gate)"));
            Assert.That(files["conformance.sarif"], Does.Contain("\"level\": \"warning\""));
            Assert.That(files["allure:ReverseReplicateGroup_Task.Malformed_groupId_is_rejected_with_InvalidArgument"], Does.Contain("\"known\":true"), "a warning is marked accepted in the report: Allure's gate ignores it");
        });
    }

    [Test]
    public async Task In_strict_mode_the_same_warning_fails_the_gate()
    {
        var (summary, files) = await RunAsync("""{ "name": "lenient-strict", "target": "embedded", "strict": true, "pollIntervalMilliseconds": 10, "simulator": { "deviations": ["MalformedBodyAccepted"] } }""");
        Assert.Multiple(() =>
        {
            Assert.That(summary.Verdict.ExitCode, Is.EqualTo(1), summary.Verdict.Reason);
            Assert.That(summary.Verdict.Reason, Does.Contain("warning(s) fail in strict mode"));
            Assert.That(files["allure:ReverseReplicateGroup_Task.Malformed_groupId_is_rejected_with_InvalidArgument"], Does.Not.Contain("\"known\""), "in strict mode a warning is not accepted");
        });
    }

    [Test]
    public async Task The_default_run_lists_the_transient_faults_it_never_saw_as_not_exercised_everywhere()
    {
        var (summary, files) = await RunAsync("""{ "name": "plain", "target": "embedded", "pollIntervalMilliseconds": 10 }""");
        // Each task operation's transient faults (the simulator never raises them), AlreadyDone where no operation answered one, and the promote-capability gate (every group is capable).
        var notExercised = new[] { "RRG", "SYNC", "TFS", "TFX", "FO", "PFO", "PRO" }.SelectMany(p => new[] { $"{p}-F-UNAVAIL", $"{p}-F-OOR", $"{p}-F-INACTIVE", $"{p}-F-BUSY" })
            .Concat(["SYNC-RES-3", "PFO-RES-3", "PRO-RES-3", "PRO-CAP-1"]).ToArray();
        var matrix = JsonDocument.Parse(files["traceability.json"]).RootElement.EnumerateArray()
            .Where(r => notExercised.Contains(r.GetProperty("clause").GetString()))
            .SelectMany(r => r.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(summary.Verdict.ExitCode, Is.Zero, summary.Verdict.Reason);
            Assert.That(summary.Verdict.NotExercised, Is.EquivalentTo(notExercised));
            Assert.That(summary.Checks.Where(c => notExercised.Contains(c.ClauseId)).Select(c => c.Outcome), Is.All.EqualTo(CheckOutcome.NotExercised));
            Assert.That(matrix.Where(o => o == "not exercised").ToList(), Has.Count.EqualTo(notExercised.Length), "the matrix no longer shows them as passed (a clause another check also covers, as PRO-RES-3 by PRO-IDEM-1, shows that one's outcome besides)");
            Assert.That(files["summary.json"], Does.Contain($"\"notExercised\": {notExercised.Length}"));
            Assert.That(files["junit.xml"], Does.Contain("Not exercised: ReverseReplicateGroup_Task never raised ProviderBusy"));
            Assert.That(files["conformance.sarif"], Does.Contain("\"outcome\": \"not-exercised\""));
            Assert.That(files.Where(f => f.Key.StartsWith("allure:", StringComparison.Ordinal) && f.Value.Contains("Not exercised:", StringComparison.Ordinal)).Select(f => f.Value).ToList(), Has.Count.EqualTo(notExercised.Length).And.All.Not.Contain("muted"), "not exercised is plain skipped, not muted like not applicable");
            Assert.That(files.Values.Any(f => f.Contains("RRG-F-BUSY", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task A_run_that_leaves_MUST_clauses_unverified_is_incomplete_unless_each_is_accepted_with_a_reason_and_an_expiry()
    {
        // No FAILEDOVER group: every check that needs one cannot set up its precondition.
        const string Groups = """[ { "faultDomainId": "fd-A", "deviceGroupId": "rg-src-1", "state": "SOURCE" }, { "faultDomainId": "fd-B", "deviceGroupId": "rg-tgt-1", "state": "TARGET" } ]""";
        var (incomplete, _) = await RunAsync($$"""{ "name": "no-failedover", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "groups": {{Groups}} } }""");
        var unverified = incomplete.Verdict.Unverified.Select(c => c.ClauseId).Distinct().ToList();
        var accepted = string.Join(", ", unverified.Select(c => $$"""{ "clause": "{{c}}", "reason": "the lab has no FAILEDOVER group", "expires": "2099-12-31" }"""));
        var (acceptedRun, files) = await RunAsync($$"""{ "name": "no-failedover-accepted", "target": "embedded", "pollIntervalMilliseconds": 10, "acceptedUnverified": [ {{accepted}} ], "simulator": { "groups": {{Groups}} } }""");
        Assert.Multiple(() =>
        {
            Assert.That((incomplete.Verdict.Verdict, incomplete.Verdict.ExitCode), Is.EqualTo((Verdict.Incomplete, 5)), incomplete.Verdict.Reason);
            Assert.That(unverified, Is.Not.Empty);
            Assert.That(incomplete.Verdict.Reason, Does.Contain("left unverified").And.Contain("acceptedUnverified"));
            Assert.That(acceptedRun.Verdict.ExitCode, Is.Zero, acceptedRun.Verdict.Reason);
            Assert.That(acceptedRun.Verdict.Reason, Does.Contain("accepted unverified"));
            Assert.That(files["summary.json"], Does.Contain("accepted unverified until 2099-12-31: the lab has no FAILEDOVER group"));
        });
    }

    [Test]
    public async Task A_clause_that_does_not_apply_is_muted_in_the_report_apart_from_one_not_exercised()
    {
        // No maxBatchSize reported: the oversized-batch clause has no limit to exceed, so it does not apply.
        var (summary, files) = await RunAsync("""{ "name": "no-limit", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "maxBatchSize": null } }""");
        var notApplicable = summary.Checks.Where(c => c.Outcome == CheckOutcome.NotApplicable).Select(c => c.Name).ToList();
        Assert.That(notApplicable, Is.Not.Empty, "the profile must make some clause not applicable");
        Assert.Multiple(() =>
        {
            Assert.That(notApplicable.Select(n => files["allure:" + n]), Is.All.Contain("\"muted\":true"), "not applicable is muted");
            Assert.That(summary.Checks.Where(c => c.Outcome == CheckOutcome.NotExercised).Select(c => files["allure:" + c.Name]), Is.All.Not.Contain("muted"), "not exercised is not");
        });
    }

    private static async Task<(RunSummary Summary, Dictionary<string, string> Files)> RunAsync(string profileJson)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-verdict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var profile = Path.Combine(directory, "p.json");
            await File.WriteAllTextAsync(profile, profileJson);
            using var run = await RunFactory.CreateAsync(profile, directory, name => name == "VASA_STRICT" ? null : Environment.GetEnvironmentVariable(name));
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            await Task.WhenAll(Catalogue.InRunOrder.Select(run.RunCheckAsync));
            run.Finish();
            var files = new[] { "summary.json", "junit.xml", "conformance.sarif", "traceability.json" }
                .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)));
            // Each Allure result by check name: "allure:<name>" → its statusDetails (the marks the report shows).
            foreach (var result in Directory.EnumerateFiles(Path.Combine(directory, "allure-results"), "*-result.json"))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(result));
                files["allure:" + json.RootElement.GetProperty("fullName").GetString()!["Conformance.".Length..]] = json.RootElement.TryGetProperty("statusDetails", out var details) ? JsonSerializer.Serialize(details) : "{}";
            }

            return (run.Summary, files);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
