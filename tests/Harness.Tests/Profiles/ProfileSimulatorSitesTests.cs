using Harness.Profiles;
using Harness.Simulator;
using Harness.Wire.Groups;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>The simulator's world: <c>sites</c>, <c>pairs</c> and <c>sameVcenter</c>, with the one-site world as the default.</summary>
[TestFixture]
public sealed class ProfileSimulatorSitesTests
{
    [Test]
    public void Without_sites_the_simulator_is_the_one_site_world_it_always_was()
    {
        var simulator = Load(Embedded("{'simulator':{}}")).Simulator!;
        var options = simulator.ToOptions("u", "p");

        Assert.Multiple(() =>
        {
            Assert.That(simulator.Sites, Is.EqualTo(1));
            Assert.That(simulator.Groups, Is.EqualTo(SimulatorSettings.DefaultGroups));
            Assert.That(options.Sites, Is.EqualTo(1));
            Assert.That(options.SameVcenter, Is.False);
        });
    }

    [Test]
    public void Two_sites_lay_out_the_default_pairs_and_allowlist_site_Bs_groups_the_ones_tested()
    {
        var profile = Load(Embedded("{'simulator':{'sites':2}}"));
        var simulator = profile.Simulator!;

        Assert.Multiple(() =>
        {
            Assert.That(simulator.Sites, Is.EqualTo(2));
            Assert.That(simulator.Pairs, Is.EqualTo(SimulatedPairs.Default));
            Assert.That(simulator.SameVcenter, Is.False);
            Assert.That(simulator.Groups, Is.EqualTo(SimulatedPairs.Layout(SimulatedPairs.Default)));
            Assert.That(simulator.Groups.Count(g => g.Site == "A"), Is.EqualTo(6));
            Assert.That(profile.Groups.Select(g => g.ToString()), Does.Contain("fd-B/rg-fo-3-b").And.Not.Contain("fd-A/rg-fo-3-a"));
            Assert.That(simulator.ToOptions("u", "p").Sites, Is.EqualTo(2));
        });
    }

    [Test]
    public void Pairs_count_the_site_B_twins_per_state_and_sameVcenter_reaches_the_options()
    {
        var simulator = Load(Embedded("{'simulator':{'sites':2,'pairs':{'FAILEDOVER':4,'INTEST':0},'sameVcenter':true}}")).Simulator!;
        var atB = simulator.Groups.Where(g => g.Site == "B").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(atB.Select(g => g.State), Is.EqualTo(Enumerable.Repeat(ReplicationState.FailedOver, 4)));
            Assert.That(simulator.Groups.Where(g => g.Site == "A").Select(g => g.State), Is.EqualTo(Enumerable.Repeat(ReplicationState.Source, 4)));
            Assert.That(atB.Select(g => g.Peer), Is.EqualTo(new[] { "fd-A/rg-fo-1-a", "fd-A/rg-fo-2-a", "fd-A/rg-fo-3-a", "fd-A/rg-fo-4-a" }));
            Assert.That(simulator.ToOptions("u", "p").SameVcenter, Is.True);
        });
    }

    [Test]
    public void An_allowlisted_group_of_the_two_site_world_loads_and_one_of_the_one_site_world_does_not()
    {
        var loads = ProfileLoader.Parse(Q(Embedded("{'simulator':{'sites':2},'groups':[{'faultDomainId':'fd-B','deviceGroupId':'rg-fo-1-b'}]}")), "sim.json");
        var refused = ProfileLoader.Parse(Q(Embedded("{'simulator':{'sites':2},'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-fo-1'}]}")), "sim.json");

        Assert.That(loads.IsSuccess, Is.True, loads.FormatErrors());
        ProfileErrorAssert.HasError(refused, "$.groups[0]", "fd-A/rg-fo-1 is not one of the simulator's groups");
    }

    [TestCase("{'simulator':{'sites':3}}", "$.simulator.sites", "must be between 1 and 2")]
    [TestCase("{'simulator':{'sites':'2'}}", "$.simulator.sites", "expected an integer")]
    [TestCase("{'simulator':{'pairs':{'TARGET':1}}}", "$.simulator.pairs", "pairs is for a two-site world; add \"sites\": 2")]
    [TestCase("{'simulator':{'sites':1,'sameVcenter':true}}", "$.simulator.sameVcenter", "sameVcenter is for a two-site world")]
    [TestCase("{'simulator':{'sites':2,'groups':[]}}", "$.simulator.groups", "the groups come in pairs")]
    [TestCase("{'simulator':{'sites':2,'pairs':{'SOURCE':1}}}", "$.simulator.pairs.SOURCE", "unknown field 'SOURCE'; known fields: TARGET, FAILEDOVER, INTEST")]
    [TestCase("{'simulator':{'sites':2,'pairs':{'TARGET':1001}}}", "$.simulator.pairs.TARGET", "must be between 0 and 1000")]
    [TestCase("{'simulator':{'sites':2,'pairs':{'TARGET':0}}}", "$.simulator.pairs", "pairs holds no pair")]
    [TestCase("{'simulator':{'sites':2,'pairs':[1]}}", "$.simulator.pairs", "expected an object")]
    [TestCase("{'simulator':{'sites':2,'sameVcenter':'yes'}}", "$.simulator.sameVcenter", "expected a boolean (true or false)")]
    public void A_bad_two_site_setting_is_refused_at_its_path(string overrides, string path, string fragment)
    {
        var result = ProfileLoader.Parse(Q(Embedded(overrides)), "sim.json", new ProfileLoadOptions());

        ProfileErrorAssert.HasError(result, path, fragment);
    }

    private static Profile Load(string json)
    {
        var result = ProfileLoader.Parse(Q(json), "sim.json");
        Assert.That(result.IsSuccess, Is.True, result.FormatErrors());
        return result.Profile!;
    }
}
