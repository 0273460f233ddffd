using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Run;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Run;

/// <summary>
/// The real-target path end to end, in process: a profile file pointing at a separately started provider on
/// 127.0.0.1 (over http, and over https with a pinned certificate), credentials from environment variables,
/// discovery, no resets between checks. Also the ways a run cannot start, and the secrets sweep.
/// </summary>
[TestFixture]
public sealed class RunFactoryTests
{
    private const string Password = "Known-Passw0rd-for-the-secrets-sweep";
    private ProfileSandbox sandbox = null!;

    [SetUp]
    public void CreateSandbox() => this.sandbox = new ProfileSandbox("vasa-run", Password);

    [TearDown]
    public void RemoveSandbox() => this.sandbox.Dispose();

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_profile_pointing_at_a_separate_provider_passes_every_check(bool https)
    {
        using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password }, https);
        var tls = https ? $"\"tls\": {{ \"pinnedSha256\": \"{provider.CertificateSha256}\" }}," : string.Empty;
        var (run, summary) = await this.RunAsync(provider.BaseUri.ToString().TrimEnd('/'), tls);

        Assert.Multiple(() =>
        {
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            Assert.That(run.Target!.Simulator, Is.Null, "a real target is never reset");
            Assert.That(summary.Checks.Where(c => !FaithfulOutcome.Holds(c.Name, c.Outcome)).Select(c => $"{c.Name}: {c.Message}"), Is.Empty);
            Assert.That(File.Exists(Path.Combine(this.sandbox.Directory, "summary.json")), Is.True);
        });
    }

    [Test]
    public async Task State_changing_calls_touch_only_allowlisted_groups_and_made_up_ids()
    {
        using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password });
        var allowlist = "\"groups\": [ { \"faultDomainId\": \"fd-A\", \"deviceGroupId\": \"rg-fo-1\" }, { \"faultDomainId\": \"fd-A\", \"deviceGroupId\": \"rg-src-1\" } ],";
        var (run, _) = await this.RunAsync(provider.BaseUri.ToString().TrimEnd('/'), string.Empty, allowlist);

        var touched = provider.Provider.Requests.Where(r => r.Operation == "ReverseReplicateGroup_Task")
            .SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r.Body ?? string.Empty, "\"faultDomainId\":\\{[^}]*\"id\":\"([^\"]+)\"\\},\"deviceGroupId\":\\{[^}]*\"id\":\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => (Fd: m.Groups[1].Value, Dg: m.Groups[2].Value)))
            .Distinct().ToList();
        var runId = run.Target!.RunId;
        bool Allowed((string Fd, string Dg) id) =>
            (id.Fd == "fd-A" && id.Dg is "rg-fo-1" or "rg-src-1")
            || id.Fd == "conformance-fd-" + runId
            || (id.Dg.StartsWith("conformance-", StringComparison.Ordinal) && id.Dg.EndsWith(runId, StringComparison.Ordinal))
            || (id.Fd == "fd-A" && run.Target.CreatedGroups.TryGetValue($"{id.Fd}/{id.Dg}", out var from) && from == "fd-A/rg-fo-1");
        Assert.Multiple(() =>
        {
            Assert.That(touched, Has.Count.GreaterThan(5), "the request log must be read");
            Assert.That(touched.Where(id => !Allowed(id)), Is.Empty, "state-changing calls named groups outside the allowlist");
            Assert.That(provider.Provider.Groups.Where(g => g.DeviceGroupId is not ("rg-fo-1" or "rg-src-1") && !g.DeviceGroupId.StartsWith("rg-fo-1-", StringComparison.Ordinal)).Select(g => g.State), Is.EqualTo(MutantCatalogue.Faithful().Groups.Where(g => g.DeviceGroupId is not ("rg-fo-1" or "rg-src-1")).Select(g => g.State)), "a group outside the allowlist was changed");
        });
    }

    [Test]
    public async Task Secrets_never_reach_the_output_files()
    {
        using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password });
        var (run, _) = await this.RunAsync(provider.BaseUri.ToString().TrimEnd('/'), string.Empty);
        var session = run.Target!.Client.Transport.SessionId;
        Assert.That(session, Is.Not.Null.And.Length.GreaterThan(8));

        var leaks = Directory.EnumerateFiles(this.sandbox.Directory, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f) is var text && (text.Contains(Password, StringComparison.Ordinal) || text.Contains(session!, StringComparison.Ordinal)))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Directory.EnumerateFiles(Path.Combine(this.sandbox.Directory, "allure-results"), "*-attachment.json").Count(), Is.GreaterThan(10), "the sweep must have exchanges to search");
            Assert.That(leaks, Is.Empty);
        });
    }

    [Test]
    public async Task A_bad_profile_stops_the_run_with_exit_2_naming_the_field()
    {
        var path = this.Write("{ \"name\": \"x\", \"target\": \"embedded\", \"taskTimeoutSeconds\": -1 }");
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.Multiple(() =>
        {
            Assert.That(run.Abort?.ExitCode, Is.EqualTo(2));
            Assert.That(run.Abort?.Message, Does.Contain("$.taskTimeoutSeconds"));
        });
    }

    [Test]
    public async Task A_missing_credential_stops_the_run_with_exit_2_naming_the_variable()
    {
        Environment.SetEnvironmentVariable(this.sandbox.PasswordVariable, null);
        var path = this.Write(this.Profile("https://127.0.0.1:1", string.Empty, string.Empty));
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.Multiple(() =>
        {
            Assert.That(run.Abort?.ExitCode, Is.EqualTo(2));
            Assert.That(run.Abort?.Message, Does.Contain(this.sandbox.PasswordVariable));
        });
    }

    [Test]
    public async Task An_unreachable_provider_stops_the_run_with_exit_3_and_every_check_is_still_reported()
    {
        var path = this.Write(this.Profile("http://127.0.0.1:9", string.Empty, string.Empty));
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        foreach (var check in ReverseCatalogue.Checks)
        {
            await run.RunCheckAsync(check);
        }

        run.Finish();
        Assert.Multiple(() =>
        {
            Assert.That(run.Abort?.ExitCode, Is.EqualTo(3));
            Assert.That(run.Abort?.Message, Does.Contain("unreachable").And.Contain("127.0.0.1:9"));
            Assert.That(run.Summary.Verdict.ExitCode, Is.EqualTo(3));
            Assert.That(Directory.EnumerateFiles(Path.Combine(this.sandbox.Directory, "allure-results"), "*-result.json").Count(), Is.EqualTo(ReverseCatalogue.Checks.Count), "every check (the traceability matrix is a page, not a test)");
        });
    }

    [Test]
    public async Task An_unpinned_self_signed_certificate_is_refused_with_the_thumbprint_to_pin()
    {
        using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password }, https: true);
        var path = this.Write(this.Profile(provider.BaseUri.ToString().TrimEnd('/'), string.Empty, string.Empty));
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.Multiple(() =>
        {
            Assert.That(run.Abort?.ExitCode, Is.EqualTo(3));
            Assert.That(run.Abort?.Message, Does.Contain(provider.CertificateSha256!));
        });
    }

    private async Task<(ConformanceRun Run, RunSummary Summary)> RunAsync(string target, string tls, string? groups = null)
    {
        var path = this.Write(this.Profile(target, tls, groups ?? "\"groups\": [" + string.Join(", ", MutantCatalogue.Faithful().Groups.Select(g => $"{{ \"faultDomainId\": \"{g.FaultDomainId}\", \"deviceGroupId\": \"{g.DeviceGroupId}\" }}")) + "],"));
        var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        foreach (var check in ReverseCatalogue.Checks)
        {
            await run.RunCheckAsync(check);
        }

        run.Finish();
        run.Dispose();
        return (run, run.Summary);
    }

    private string Profile(string target, string tls, string groups) => $$"""
        {
          "name": "second-provider",
          "target": "{{target}}",
          "credentials": { "userNameEnv": "{{this.sandbox.UserVariable}}", "passwordEnv": "{{this.sandbox.PasswordVariable}}" },
          {{tls}}
          {{groups}}
          "budget": 100,
          "taskTimeoutSeconds": 5,
          "pollIntervalMilliseconds": 10,
        }
        """;

    private string Write(string json)
    {
        var path = Path.Combine(this.sandbox.Directory, "profile.json");
        File.WriteAllText(path, json);
        return path;
    }
}
