using Conformance.Checks;
using Conformance.Run;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Run;

/// <summary>
/// The embedded two-site world as a run's target: the suite tests site B's provider (where the FAILEDOVER groups
/// are), with only site B's groups allowlisted, and a faithful world passes every check, with a vCenter per site or
/// both providers in one.
/// </summary>
[TestFixture]
public sealed class TwoSiteRunTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        this.directory = Path.Combine(Path.GetTempPath(), "vasa-two-sites-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(this.directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(this.directory, recursive: true);

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_faithful_two_site_world_passes_the_whole_suite_at_site_B(bool sameVcenter)
    {
        var profile = Path.Combine(this.directory, "profile.json");
        await File.WriteAllTextAsync(profile, $$"""{ "name": "two-sites", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": { "sites": 2, "sameVcenter": {{(sameVcenter ? "true" : "false")}} }, "peer": { "target": "embedded" } }""");
        using var run = await RunFactory.CreateAsync(profile, this.directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in Catalogue.InRunOrder)
        {
            results[check.Key] = await run.RunCheckAsync(check);
        }

        run.Finish();
        Assert.Multiple(() =>
        {
            Assert.That(run.Target!.Provider.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId), "the run tests site B's provider");
            Assert.That(run.Target.Allowlist.Select(g => g.FaultDomainId!.Id), Is.Not.Empty.And.All.EqualTo(SimulatedPairs.FaultDomainB), "only site B's groups are allowlisted");
            Assert.That(results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
        });
    }
}
