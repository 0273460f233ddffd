using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Operations.ReadOnlyTier;
using Conformance.Run;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Operations.ReadOnlyTier;

/// <summary>
/// The read-only tier: its checks send no state-changing call to either site (safe on production), and the peer site
/// is connected for reading, embedded or as a separate vCenter, so that the two-site clauses pass on a faithful pair
/// and do not apply without a peer.
/// </summary>
[TestFixture]
public sealed class ReadOnlyTierTests
{
    private const string Password = "Read-only-Passw0rd!";

    /// <summary>Every method the read-only tier may call: queries, the cache refresh and the polls of its task.</summary>
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.Ordinal)
    {
        "content", "RetrieveServiceContent", "Login", "SmsServiceInstance", "QueryStorageManager", "QueryProvider", "QueryProviderInfo", "QueryReplicationGroup",
        "QueryReplicationPeer", "QueryPointInTimeReplica", "QueryActiveAlarm", "VasaProviderSync_Task", "QuerySmsTaskInfo",
        "QueryFaultDomain", "QueryReplicationGroupInfo", "RetrieveContent", "RetrievePropertiesEx", "SessionManager",
    };

    private static IEnumerable<Check> ReadOnlyChecks => Catalogue.All
        .Where(c => c.Feature != Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature && c.Feature != Conformance.Fidelity.FidelityCatalogue.Feature && !Catalogue.Lifecycle.Contains(c) && c.Feature != Conformance.Lifecycle.LifecycleCatalogue.Feature)
        .SelectMany(c => c.Checks);

    private ProfileSandbox sandbox = null!;

    [SetUp]
    public void CreateSandbox() => this.sandbox = new ProfileSandbox("vasa-read-only", Password);

    [TearDown]
    public void RemoveSandbox() => this.sandbox.Dispose();

    [Test]
    public async Task The_read_only_tier_sends_no_state_changing_call_to_either_site_and_passes_a_faithful_pair()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.TwoSites(MutantCatalogue.Faithful()));
        var before = sim.Server.Provider.Groups.Select(g => $"{g.Key}={g.State}").ToList();
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in ReadOnlyChecks)
        {
            results[check.Name] = await check.ExecuteAsync(sim.Target);
        }

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Value.Outcome != CheckOutcome.Passed).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
            Assert.That(sim.Server.Provider.Requests.Select(r => r.Operation).Where(o => !ReadOnlyMethods.Contains(o)).Distinct(), Is.Empty, "state-changing calls");
            Assert.That(sim.Server.Provider.Requests.Select(r => r.Vcenter).Distinct(), Is.EquivalentTo(new[] { 0, 1 }), "both sites were read");
            Assert.That(sim.Server.Provider.Groups.Select(g => $"{g.Key}={g.State}"), Is.EqualTo(before), "no group changed state");
        });
    }

    [Test]
    public async Task Without_a_peer_the_two_site_checks_are_not_applicable()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        foreach (var name in ReadOnlyReads.PeerChecks)
        {
            var result = await MutantMatrix.Resolve(name).ExecuteAsync(sim.Target);
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.NotApplicable), name);
            Assert.That(result.Reason, Does.Contain("needs the peer site in the profile"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task An_embedded_profile_with_a_peer_connects_site_A_as_the_peer_and_the_topology_clauses_pass(bool sameVcenter)
    {
        var path = Path.Combine(this.sandbox.Directory, "profile.json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "pair", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "sites": 2, "sameVcenter": {{(sameVcenter ? "true" : "false")}} }, "peer": { "target": "embedded" } }""");
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var name in ReadOnlyReads.PeerChecks)
        {
            results[name] = await run.RunCheckAsync(MutantMatrix.Resolve(name));
        }

        run.Finish();
        Assert.Multiple(() =>
        {
            Assert.That(run.Lanes.Select(l => l.Peer?.Provider.Value), Has.All.EqualTo(SimulatedProvider.ProviderMoId), "every lane reads site A as its peer");
            Assert.That(run.Target!.Provider.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId), "the run tests site B");
            Assert.That(results.Where(r => r.Value.Outcome != CheckOutcome.Passed).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
        });
    }

    [Test]
    public async Task A_profile_whose_peer_is_a_separate_vCenter_connects_it_with_the_first_site_credentials()
    {
        using var world = SimulatedWorldServer.Start(MutantCatalogue.TwoSites(MutantCatalogue.Faithful()) with { Password = Password });
        var b = world.ServerOf(SimulatedPairs.SiteB).BaseUri.ToString().TrimEnd('/');
        var a = world.ServerOf(SimulatedPairs.SiteA).BaseUri.ToString().TrimEnd('/');
        var path = Path.Combine(this.sandbox.Directory, "profile.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "name": "pair", "target": "{{b}}", "pollIntervalMilliseconds": 10, "taskTimeoutSeconds": 5,
              "credentials": { "userNameEnv": "{{this.sandbox.UserVariable}}", "passwordEnv": "{{this.sandbox.PasswordVariable}}" },
              "peer": { "target": "{{a}}" },
            }
            """);
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in ReadOnlyChecks)
        {
            results[check.Name] = await run.RunCheckAsync(check);
        }

        run.Finish();
        Assert.Multiple(() =>
        {
            Assert.That(run.Target!.Peer?.Provider.Value, Is.EqualTo(SimulatedProvider.ProviderMoId));
            Assert.That(results.Where(r => r.Value.Outcome != CheckOutcome.Passed).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
            Assert.That(world.Provider.Requests.Select(r => r.Operation).Where(o => !ReadOnlyMethods.Contains(o)).Distinct(), Is.Empty, "state-changing calls");
        });
    }

    [Test]
    public async Task An_unreachable_peer_stops_the_run_before_any_check()
    {
        using var world = SimulatedWorldServer.Start(MutantCatalogue.TwoSites(MutantCatalogue.Faithful()) with { Password = Password });
        var b = world.ServerOf(SimulatedPairs.SiteB).BaseUri.ToString().TrimEnd('/');
        var path = Path.Combine(this.sandbox.Directory, "profile.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "name": "pair", "target": "{{b}}", "callTimeoutSeconds": 2,
              "credentials": { "userNameEnv": "{{this.sandbox.UserVariable}}", "passwordEnv": "{{this.sandbox.PasswordVariable}}" },
              "peer": { "target": "http://127.0.0.1:9" },
            }
            """);
        using var run = await RunFactory.CreateAsync(path, this.sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort?.ExitCode, Is.EqualTo(3));
        Assert.That(run.Abort?.Message, Does.StartWith("the peer site: "));
    }
}
