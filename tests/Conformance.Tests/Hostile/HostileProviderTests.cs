using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Run;
using Harness.Client;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Hostile;

/// <summary>
/// The whole suite, in process, against hostile and broken providers started separately on 127.0.0.1 (a real-target
/// profile with environment-variable credentials, a 2 s per-call timeout and a 2 s task timeout): every run ends
/// within a bound, names the broken exchange precisely in the affected checks, still runs the others, writes its
/// outputs, exits with the right code, and lets no stack trace into a reason.
/// </summary>
[TestFixture]
[Category("Hostile")]
public sealed class HostileProviderTests
{
    private const string Password = "Hostile-Passw0rd-for-the-sweep";
    private const string FirstReverseCheck = "Empty_groupId_is_rejected_with_InvalidArgument";
    private const string ReplicationProfileCheck = "The_provider_reports_the_Replication_profile";
    private const string TaskMoRefCheck = "A_successful_call_answers_200_with_a_task_MoRef";

    /// <summary>Judges the per-group errors the scenarios received; without any it says so, not why.</summary>
    private const string NoErrorResultCheck = "GroupErrorResult_error_lists_are_never_empty";
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(30);
    private ProfileSandbox sandbox = null!;

    public static IEnumerable<int> Statuses => SimulatedTransportFault.Statuses;

    [SetUp]
    public void CreateSandbox() => this.sandbox = new ProfileSandbox("vasa-hostile", Password);

    [TearDown]
    public void RemoveSandbox() => this.sandbox.Dispose();

    [Test]
    public async Task Nothing_listening_aborts_the_run_with_exit_3_naming_the_refused_connection()
    {
        var port = UnusedPort();

        var run = await this.RunSuiteAsync($"http://127.0.0.1:{port}", string.Empty);

        this.AssertFinished(run, exitCode: 3);
        Assert.Multiple(() =>
        {
            Assert.That(run.Run.Abort?.Message, Does.Contain($"provider unreachable at http://127.0.0.1:{port}/").And.Contain("ConnectionRefused"));
            Assert.That(run.Checks.Select(c => c.Outcome), Is.All.EqualTo(CheckOutcome.Broken), "nothing could be judged");
            Assert.That(run.Check(ReplicationProfileCheck).Message, Does.StartWith("run aborted: provider unreachable"));
        });
    }

    [TestCase(TransportFaultKind.Reset, "connection broken after the HTTP 500 headers, while reading the body: The response ended prematurely")]
    public async Task A_call_that_breaks_once_fails_only_its_check_and_every_other_check_still_passes(TransportFaultKind kind, string reason)
    {
        using var server = Start(new SimulatedTransportFault { Kind = kind, Times = 1 });

        var run = await this.RunSuiteAsync(Target(server), string.Empty);

        this.AssertFinished(run, exitCode: 1);
        Assert.Multiple(() =>
        {
            Assert.That(run.Check(FirstReverseCheck).Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(run.Check(FirstReverseCheck).Message, Does.StartWith($"wrong fault: expected InvalidArgument; observed no usable answer ({reason}"));
            Assert.That(run.NotPassed(), Has.Count.EqualTo(1), "only the broken call's check may fail: " + string.Join(Environment.NewLine, run.NotPassed()));
            Assert.That(run.Check(ReplicationProfileCheck).Outcome, Is.EqualTo(CheckOutcome.Passed));
        });
    }

    [TestCase(TransportFaultKind.Hang)]
    [TestCase(TransportFaultKind.Trickle)]
    public async Task A_call_that_gets_no_answer_in_time_fails_its_check_and_the_method_is_not_called_again_in_the_run(TransportFaultKind kind)
    {
        using var server = Start(new SimulatedTransportFault { Kind = kind, Times = 1 });

        var run = await this.RunSuiteAsync(Target(server), string.Empty);

        this.AssertFinished(run, exitCode: 1);
        var cause = $"ReverseReplicateGroup_Task did not answer within 2 s earlier in this run (see {FirstReverseCheck})";
        Assert.Multiple(() =>
        {
            Assert.That(run.Check(FirstReverseCheck).Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(run.Check(FirstReverseCheck).Message, Does.StartWith("wrong fault: expected InvalidArgument; observed no usable answer (no complete answer within 2 s (the per-call timeout, callTimeoutSeconds)"));
            Assert.That(run.Checks.Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken).Select(c => c.Name), Is.EqualTo(new[] { FirstReverseCheck }), "only the check whose call went unanswered fails: " + string.Join(Environment.NewLine, run.NotPassed()));
            Assert.That(run.Checks.Where(c => c.Outcome == CheckOutcome.Inconclusive && c.Name != NoErrorResultCheck).Select(c => c.Message), Is.All.Contain(cause), "every later call of the method would wait again");
            Assert.That(run.Check("Absent_groupId_is_rejected_with_InvalidArgument").Message, Is.EqualTo(cause));
            Assert.That(run.Check(ReplicationProfileCheck).Outcome, Is.EqualTo(CheckOutcome.Passed));
            Assert.That(server.Provider.Requests.Count(r => r.Operation == "ReverseReplicateGroup_Task"), Is.LessThanOrEqualTo(1), "the silent method is not called again");
        });
    }

    [TestCase(TransportFaultKind.MalformedJson, "HTTP 500 without a MethodFault body (the body is not a JSON object)")]
    [TestCase(TransportFaultKind.Html, "HTTP 500 with content type 'text/html' instead of a JSON MethodFault body")]
    [TestCase(TransportFaultKind.WrongContentType, "HTTP 200 with content type 'text/plain' instead of application/json")]
    public async Task A_provider_whose_every_Reverse_answer_is_unusable_fails_the_Reverse_checks_with_the_precise_reason(TransportFaultKind kind, string reason)
    {
        using var server = Start(new SimulatedTransportFault { Kind = kind });

        var run = await this.RunSuiteAsync(Target(server), string.Empty);

        this.AssertFinished(run, exitCode: 1);
        this.AssertReverseChecksFailWith(run, reason, kind == TransportFaultKind.WrongContentType ? "content type 'text/plain'" : reason);
    }

    [Test]
    public async Task A_body_over_maxResponseBytes_is_aborted_at_the_cap_and_fails_the_Reverse_checks()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Oversized, SizeBytes = 1024 * 1024 });

        var run = await this.RunSuiteAsync(Target(server), "\"maxResponseBytes\": 65536,");

        this.AssertFinished(run, exitCode: 1);
        this.AssertReverseChecksFailWith(run, "transport error: response body exceeds the 65536 byte cap (maxResponseBytes); aborted after", "exceeds the 65536 byte cap");
        var aborted = run.Checks.Select(c => System.Text.RegularExpressions.Regex.Match(c.Message ?? string.Empty, "aborted after (\\d+) bytes")).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(aborted, Is.Not.Empty.And.All.LessThan(256 * 1024), "the body must be abandoned just past the cap, not read to its 1 MiB end");
    }

    [TestCaseSource(nameof(Statuses))]
    public async Task A_bare_HTTP_status_in_place_of_a_fault_fails_the_Reverse_checks_naming_the_status(int status)
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Status, Status = status });

        var run = await this.RunSuiteAsync(Target(server), string.Empty);

        this.AssertFinished(run, exitCode: 1);
        this.AssertReverseChecksFailWith(run, $"protocol violation: HTTP {status} is neither 200 nor a 500 MethodFault", $"HTTP {status} is neither 200 nor a 500 MethodFault");
    }

    [Test]
    public async Task The_embedded_simulator_takes_its_transport_faults_from_the_profile()
    {
        var simulator = "\"simulator\": { \"transportFaults\": [ { \"kind\": \"hang\", \"times\": 1 }, { \"operation\": \"QueryReplicationGroup\", \"kind\": \"status\", \"status\": 502, \"times\": 1 } ] },";

        var run = await this.RunSuiteAsync("embedded", simulator);

        this.AssertFinished(run, exitCode: 1);
        Assert.Multiple(() =>
        {
            Assert.That(run.Check(FirstReverseCheck).Outcome, Is.EqualTo(CheckOutcome.Broken), "its first state read got the 502");
            Assert.That(run.Check(FirstReverseCheck).Message, Is.EqualTo("broken: the suite's own QueryReplicationGroup read was answered outside the protocol: HTTP 502 is neither 200 nor a 500 MethodFault (a proxy or the service is down)"));
            Assert.That(run.Check("Absent_groupId_is_rejected_with_InvalidArgument").Outcome, Is.EqualTo(CheckOutcome.Failed), "the hang takes the first Reverse call");
            Assert.That(run.Check("Absent_groupId_is_rejected_with_InvalidArgument").Message, Does.Contain("per-call timeout"));
            Assert.That(run.Checks.Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Broken).Select(c => c.Name), Is.EqualTo(new[] { FirstReverseCheck, "Absent_groupId_is_rejected_with_InvalidArgument" }), string.Join(Environment.NewLine, run.NotPassed()));
            Assert.That(run.Checks.Where(c => c.Outcome == CheckOutcome.Inconclusive && c.Name != NoErrorResultCheck).Select(c => c.Message), Is.All.Contain("ReverseReplicateGroup_Task did not answer within 2 s earlier in this run (see Absent_groupId_is_rejected_with_InvalidArgument)"));
        });
    }

    [Test]
    public async Task A_session_that_expires_mid_run_is_renewed_once_and_every_check_passes()
    {
        using var server = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password });
        var expiredAfter = 0;

        var run = await this.RunSuiteAsync(Target(server), string.Empty, (index, _) =>
        {
            if (index == 5)
            {
                server.Provider.ExpireSessions();
                expiredAfter = index;
            }
        });

        this.AssertFinished(run, exitCode: 0);
        Assert.Multiple(() =>
        {
            Assert.That(expiredAfter, Is.EqualTo(5), "the sessions must have been expired mid-run");
            Assert.That(run.Relogins, Is.EqualTo(1), "one renewal after the expiry, and no other");
            Assert.That(run.NotPassed(), Is.Empty);
            Assert.That(server.Provider.Requests.Count(r => r.Operation == "Login"), Is.EqualTo(2), "the first login and the renewal");
        });
    }

    [TestCase(SimulatedCertificate.Valid, "self-signed or issued by an unknown CA")]
    [TestCase(SimulatedCertificate.Expired, "expired on")]
    [TestCase(SimulatedCertificate.WrongHost, "issued for vcenter.invalid, not for this host")]
    public async Task An_unpinned_bad_certificate_aborts_the_run_with_exit_3_naming_the_cause_and_the_thumbprint_to_pin(SimulatedCertificate certificate, string cause)
    {
        using var server = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password }, https: true, certificate: certificate);

        var run = await this.RunSuiteAsync(Target(server), string.Empty);

        this.AssertFinished(run, exitCode: 3);
        Assert.Multiple(() =>
        {
            Assert.That(run.Run.Abort?.Message, Does.Contain("the server certificate is not trusted").And.Contain(cause));
            Assert.That(run.Run.Abort?.Message, Does.Contain($"tls.pinnedSha256 = \"{server.CertificateSha256}\""));
            Assert.That(server.Provider.Requests, Is.Empty, "nothing may be sent over a refused connection");
        });
    }

    [TestCase(SimulatedCertificate.Valid)]
    [TestCase(SimulatedCertificate.Expired)]
    [TestCase(SimulatedCertificate.WrongHost)]
    public async Task A_pinned_bad_certificate_is_accepted_and_the_run_passes(SimulatedCertificate certificate)
    {
        using var server = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password }, https: true, certificate: certificate);

        var run = await this.RunSuiteAsync(Target(server), $"\"tls\": {{ \"pinnedSha256\": \"{server.CertificateSha256}\" }},");

        this.AssertFinished(run, exitCode: 0);
        Assert.That(run.NotPassed(), Is.Empty);
    }

    [Test]
    public async Task Plain_http_to_a_non_loopback_address_is_a_bad_profile_with_exit_2()
    {
        // TEST-NET-1 (RFC 5737): never routed; the profile is refused before any connection is tried.
        var run = await this.RunSuiteAsync("http://192.0.2.1", string.Empty);

        this.AssertFinished(run, exitCode: 2);
        Assert.Multiple(() =>
        {
            Assert.That(run.Run.Abort?.Message, Does.StartWith("bad profile:").And.Contain("$.target").And.Contain("allowPlainHttp"));
            Assert.That(run.Run.Target, Is.Null);
        });
    }

    [Test]
    public void Plain_http_to_a_non_loopback_address_loads_with_allowPlainHttp()
    {
        // Only loaded, never run: nothing may connect to 192.0.2.1.
        var loaded = RunFactory.LoadProfile(this.Write(this.Profile("http://192.0.2.1", "\"allowPlainHttp\": true,")));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.IsSuccess, Is.True, loaded.FormatErrors());
            Assert.That(loaded.Profile?.Target.BaseUri, Is.EqualTo(new Uri("http://192.0.2.1/")));
            Assert.That(loaded.Profile?.AllowPlainHttp, Is.True);
        });
    }

    [Test]
    public async Task A_certificate_refused_in_an_earlier_run_is_not_the_reason_a_later_run_cannot_connect()
    {
        using (var https = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password }, https: true))
        {
            var refused = await this.RunSuiteAsync(Target(https), string.Empty);
            Assert.That(refused.Run.Abort?.Message, Does.Contain("not trusted"));
        }

        var run = await this.RunSuiteAsync($"http://127.0.0.1:{UnusedPort()}", string.Empty);

        Assert.That(run.Run.Abort?.Message, Does.Contain("ConnectionRefused").And.Not.Contain("certificate"));
    }

    private static string Target(SimulatedProviderServer server) => server.BaseUri.ToString().TrimEnd('/');

    private static SimulatedProviderServer Start(SimulatedTransportFault fault) =>
        SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password, TransportFaults = [fault] });

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every broken check (failed, never broken) names the exchange; the supporting ones are inconclusive; checks that make no Reverse call pass.</summary>
    private void AssertReverseChecksFailWith(HostileRun run, string taskMoRefReason, string fragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Check(TaskMoRefCheck).Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(run.Check(TaskMoRefCheck).Message, Does.Contain(taskMoRefReason));
            Assert.That(run.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Message), Is.All.Contain(fragment));
            Assert.That(run.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Count(), Is.GreaterThanOrEqualTo(5), "every Reverse check that needs an answer fails");
            Assert.That(run.Checks.Where(c => c.Outcome is CheckOutcome.Broken || (c.Outcome == CheckOutcome.NotApplicable && !(Conformance.Mutants.MutantMatrix.Resolve(c.Name).TwoSites || Conformance.Operations.ReadOnlyTier.ReadOnlyReads.PeerChecks.Contains(c.Name)))).Select(c => $"{c.Name}: {c.Message}"), Is.Empty, "a hostile answer is the provider's failure, never the harness's");
            Assert.That(run.Check("The_task_reaches_success").Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(run.Check(ReplicationProfileCheck).Outcome, Is.EqualTo(CheckOutcome.Passed));
            Assert.That(run.Check("The_declared_batch_limit_matches_maxBatchSize").Outcome, Is.EqualTo(CheckOutcome.Passed));
        });
    }

    /// <summary>Bounded in time, outputs written, the exit code, no stack trace in any reason, and every failure in the one shape "expected …; observed … (exchange &lt;id&gt;)".</summary>
    private void AssertFinished(HostileRun run, int exitCode)
    {
        var summaryPath = Path.Combine(this.sandbox.Directory, "summary.json");
        Assert.That(File.Exists(summaryPath), Is.True, "summary.json was not written");
        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var messages = summary.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => c.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty)
            .Append(summary.RootElement.GetProperty("reason").GetString() ?? string.Empty)
            .ToList();
        var expectedChecks = HostileScope.Checks.Count;
        Assert.Multiple(() =>
        {
            Assert.That(run.Elapsed, Is.LessThan(RunBound), "the run must end within its bound");
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.Run.Summary.Verdict.Reason);
            Assert.That(summary.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(exitCode));
            Assert.That(summary.RootElement.GetProperty("checks").GetArrayLength(), Is.EqualTo(expectedChecks), "every check is reported");
            Assert.That(Directory.EnumerateFiles(Path.Combine(this.sandbox.Directory, "allure-results"), "*-result.json").Count(), Is.EqualTo(expectedChecks), "every check (the traceability matrix is a page, not a test)");
            Assert.That(messages, Has.None.Contain("   at "), "a stack trace reached a reason");
            Assert.That(messages, Has.None.Contain("Exception"), "an exception name reached a reason");
            Assert.That(run.Checks.Where(c => c.Outcome is CheckOutcome.Failed or CheckOutcome.Warning).Select(c => FailureShape.Violation(c.Name, c.Message)).OfType<string>(), Is.Empty);
        });
    }

    private async Task<HostileRun> RunSuiteAsync(string target, string extra, Action<int, ConformanceRun>? afterCheck = null)
    {
        var path = this.Write(this.Profile(target, extra));
        var clock = Stopwatch.StartNew();
        var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        var index = 0;
        foreach (var check in HostileScope.Checks)
        {
            await run.RunCheckAsync(check);
            afterCheck?.Invoke(++index, run);
        }

        run.Finish();
        var relogins = run.Target?.Client.Transport.Relogins;
        run.Dispose();
        clock.Stop();
        return new HostileRun(run, clock.Elapsed, relogins);
    }

    private string Profile(string target, string extra) => $$"""
        {
          "name": "hostile-provider",
          "target": "{{target}}",
          {{(target == "embedded" ? string.Empty : this.RemoteFields())}}
          "callTimeoutSeconds": 2,
          "taskTimeoutSeconds": 2,
          "pollIntervalMilliseconds": 10,
          {{extra}}
        }
        """;

    private string RemoteFields() => $$"""
        "credentials": { "userNameEnv": "{{this.sandbox.UserVariable}}", "passwordEnv": "{{this.sandbox.PasswordVariable}}" },
        "groups": [{{string.Join(", ", MutantCatalogue.Faithful().Groups.Select(g => $"{{ \"faultDomainId\": \"{g.FaultDomainId}\", \"deviceGroupId\": \"{g.DeviceGroupId}\" }}"))}}],
        "budget": 100,
        """;

    private string Write(string json)
    {
        var path = Path.Combine(this.sandbox.Directory, "profile.json");
        File.WriteAllText(path, json);
        return path;
    }
}
