using Harness.Profiles;
using Harness.Simulator;
using Harness.Tests.Reporting;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>
/// The optional peer site: it loads with its own fields and what it inherits from the first site, is refused with
/// one line per mistake at its JSON path, and leaves one-site profiles exactly as they were.
/// </summary>
[TestFixture]
public sealed class ProfilePeerTests
{
    private const string PeerCredentials = "'credentials':{'userNameEnv':'PEER_USER','passwordEnv':'PEER_PASSWORD'}";

    private static IEnumerable<TestCaseData> PeerRules()
    {
        yield return Case("Peer_without_a_target_is_refused", Remote("{'peer':{'providerId':'vp-2'}}"), "$.peer.target", "required field 'target' is missing; set it to \"embedded\" or to a vCenter URL");
        yield return Case("Peer_that_is_not_an_object_is_refused", Remote("{'peer':'https://vcenter-b.example.com'}"), "$.peer", "expected an object { ... }, got a string");
        yield return Case("Peer_target_with_a_path_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com/sdk'}}"), "$.peer.target", "has a path, query or fragment");
        yield return Case("Peer_target_over_plain_http_is_refused", Remote("{'peer':{'target':'http://vcenter-b.example.com'}}"), "$.peer.target", "plain http is only allowed to a loopback host");
        yield return Case("Peer_target_with_user_info_is_refused_as_an_inline_secret", Remote("{'peer':{'target':'https://root:hunter2@vcenter-b.example.com'}}"), "$.peer.target", "inline secrets are refused");
        yield return Case("Unknown_field_in_the_peer_is_refused_with_the_peer_fields", Remote("{'peer':{'target':'https://vcenter-b.example.com','name':'b'}}"), "$.peer.name", "unknown field 'name'; known fields: target, release, credentials, tls, providerId, groups");
        yield return Case("Misspelt_peer_field_gets_a_suggestion", Remote("{'peer':{'target':'https://vcenter-b.example.com','group':[]}}"), "$.peer.group", "did you mean 'groups'?");
        yield return Case("Simulator_block_inside_the_peer_is_refused", Embedded("{'peer':{'target':'embedded','simulator':{}}}"), "$.peer.simulator", "unknown field 'simulator'");
        yield return Case("Inline_password_in_the_peer_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','credentials':{'userNameEnv':'U','password':'hunter2'}}}"), "$.peer.credentials.password", "inline secrets are refused");
        yield return Case("Peer_password_variable_that_is_not_a_name_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','credentials':{'userNameEnv':'U','passwordEnv':'hunter 2'}}}"), "$.peer.credentials.passwordEnv", "must be the NAME of the environment variable holding the password");
        yield return Case("Peer_with_both_password_sources_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','credentials':{'userNameEnv':'U','passwordEnv':'P','passwordFile':'/p'}}}"), "$.peer.credentials", "exactly one of passwordEnv or passwordFile");
        yield return Case("Peer_release_with_two_parts_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','release':'8.0'}}"), "$.peer.release", "'8.0' is not a release; use four dot-separated numbers");
        yield return Case("Peer_pinning_and_insecure_together_are_refused", Remote($"{{'peer':{{'target':'https://vcenter-b.example.com','tls':{{'pinnedSha256':'{new string('A', 64)}','insecure':true}}}}}}"), "$.peer.tls", "either pinnedSha256 or insecure, not both");
        yield return Case("Peer_insecure_false_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','tls':{'insecure':false}}}"), "$.peer.tls.insecure", "only be the literal true");
        yield return Case("Empty_peer_provider_id_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','providerId':''}}"), "$.peer.providerId", "'providerId' is empty");
        yield return Case("Peer_groups_that_are_not_an_array_are_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','groups':{}}}"), "$.peer.groups", "expected an array");
        yield return Case("Duplicate_peer_group_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','groups':[{'faultDomainId':'fd-B','deviceGroupId':'rg-1'},{'faultDomainId':'fd-B','deviceGroupId':'rg-1'}]}}"), "$.peer.groups[1]", "fd-B/rg-1 is listed twice (first at $.peer.groups[0])");
        yield return Case("Peer_group_without_a_device_group_id_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','groups':[{'faultDomainId':'fd-B'}]}}"), "$.peer.groups[0].deviceGroupId", "required field 'deviceGroupId' is missing; add e.g.");
        yield return Case("Peer_group_with_a_state_is_refused", Remote("{'peer':{'target':'https://vcenter-b.example.com','groups':[{'faultDomainId':'fd-B','deviceGroupId':'rg-1','state':'TARGET'}]}}"), "$.peer.groups[0].state", "unknown field 'state'");
        yield return Case("Embedded_first_site_with_a_vCenter_peer_is_refused", Embedded("{'peer':{'target':'https://vcenter-b.example.com'}}"), "$.peer.target", "the first site is \"embedded\", so the peer is the simulator's second site");
        yield return Case("vCenter_first_site_with_an_embedded_peer_is_refused", Remote("{'peer':{'target':'embedded'}}"), "$.peer.target", "the peer is \"embedded\" but the first site is a vCenter");
        yield return Case("Same_vCenter_and_same_provider_is_refused", Remote("{'providerId':'vp-1','peer':{'target':'https://vcenter.example.com','providerId':'vp-1'}}"), "$.peer.providerId", "'vp-1' is also the first site's providerId, and both sites name the same vCenter (https://vcenter.example.com/)");
        yield return Case("Same_vCenter_on_its_default_port_is_the_same_vCenter", Remote("{'providerId':'vp-1','peer':{'target':'https://VCENTER.example.com:443/','providerId':'vp-1'}}"), "$.peer.providerId", "is also the first site's providerId");
        yield return Case("An_embedded_peer_with_a_one_site_simulator_is_refused", Embedded("{'simulator':{'sites':1},'peer':{'target':'embedded'}}"), "$.simulator.sites", "an embedded peer is the simulator's site A");
        yield return Case("An_embedded_peer_with_simulator_groups_is_refused", Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-1','deviceGroupId':'rg-1','state':'FAILEDOVER'}]},'peer':{'target':'embedded'}}"), "$.simulator.groups", "with an embedded peer (two sites) the groups come in pairs");
        yield return Case("Same_embedded_simulator_and_same_provider_is_refused", Embedded("{'providerId':'vp-1','peer':{'target':'embedded','providerId':'vp-1'}}"), "$.peer.providerId", "both sites name the embedded simulator");
        yield return Case("Same_vCenter_without_a_peer_provider_id_is_refused", Remote("{'providerId':'vp-1','peer':{'target':'https://vcenter.example.com'}}"), "$.peer.providerId", "required field 'providerId' is missing: the peer names the same vCenter (https://vcenter.example.com/) as the first site, and discovery cannot tell two providers of one vCenter apart");
        yield return Case("Same_vCenter_without_a_first_provider_id_is_refused", Remote("{'peer':{'target':'https://vcenter.example.com','providerId':'vp-2'}}"), "$.providerId", "required field 'providerId' is missing: the peer names the same vCenter (https://vcenter.example.com/) as this site");
    }

    [TestCaseSource(nameof(PeerRules))]
    public void Rule(string json, string path, string fragment) =>
        ProfileErrorAssert.HasError(ProfileLoader.Parse(json, "test.json"), path, fragment);

    [Test]
    public void A_one_site_profile_has_no_peer_and_its_site_is_the_top_level()
    {
        var profile = Load(Remote("{'release':'8.0.2.1','providerId':'vp-1','tls':{'insecure':true},'groups':[{'faultDomainId':'fd-1','deviceGroupId':'rg-1'}]}"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Peer, Is.Null);
            Assert.That(profile.Site.Target, Is.SameAs(profile.Target));
            Assert.That((profile.Site.Release, profile.Site.ProviderId, profile.Site.Tls, profile.Site.Credentials), Is.EqualTo((profile.Release, profile.ProviderId, profile.Tls, profile.Credentials)));
            Assert.That(profile.Site.Groups, Is.SameAs(profile.Groups));
            Assert.That(profile.Release, Is.EqualTo("8.0.2.1"));
        });
    }

    [Test]
    public void A_peer_loads_with_its_own_fields()
    {
        var fingerprint = new string('b', 64);
        var profile = Load(Remote($"{{'peer':{{'target':'https://vcenter-b.example.com:8443','release':'8.0.2.0',{PeerCredentials},'tls':{{'pinnedSha256':'{fingerprint}'}},'providerId':'vp-b','groups':[{{'faultDomainId':'fd-B','deviceGroupId':'rg-1'}}]}}}}"));

        var peer = profile.Peer!;
        Assert.Multiple(() =>
        {
            Assert.That(peer.Target.BaseUri, Is.EqualTo(new Uri("https://vcenter-b.example.com:8443/")));
            Assert.That(peer.Release, Is.EqualTo("8.0.2.0"));
            Assert.That(peer.Credentials, Is.EqualTo(CredentialSource.FromEnvironment("PEER_USER", "PEER_PASSWORD").At("peer.credentials")));
            Assert.That(peer.Tls.PinnedSha256, Is.EqualTo(fingerprint.ToUpperInvariant()));
            Assert.That(peer.ProviderId, Is.EqualTo("vp-b"));
            Assert.That(peer.Groups, Is.EqualTo(new[] { new GroupRef("fd-B", "rg-1") }));
            Assert.That(profile.Groups, Is.Empty, "the first site's allowlist is its own");
        });
    }

    [Test]
    public void A_peer_inherits_release_and_credentials_but_not_tls_provider_or_groups()
    {
        var profile = Load(Remote("{'release':'8.0.2.1','providerId':'vp-1','tls':{'insecure':true},'groups':[{'faultDomainId':'fd-1','deviceGroupId':'rg-1'}],'peer':{'target':'https://vcenter-b.example.com'}}"));

        var peer = profile.Peer!;
        Assert.Multiple(() =>
        {
            Assert.That(peer.Release, Is.EqualTo("8.0.2.1"));
            Assert.That(peer.Credentials, Is.SameAs(profile.Credentials), "the same variable names");
            Assert.That(peer.Tls.UsesSystemTrust, Is.True, "an opt-out or a pin is for one certificate");
            Assert.That(peer.ProviderId, Is.Null, "discovered");
            Assert.That(peer.Groups, Is.Empty, "the suite only reads the peer");
        });
    }

    [Test]
    public void A_peer_on_the_same_vCenter_is_another_provider_named_on_both_sites()
    {
        var profile = Load(Remote("{'providerId':'vp-1','peer':{'target':'https://vcenter.example.com','providerId':'vp-2'}}"));

        Assert.That((profile.ProviderId, profile.Peer!.ProviderId, profile.Peer.Target), Is.EqualTo(("vp-1", "vp-2", profile.Target)));
    }

    [Test]
    public void Two_embedded_sites_load_without_provider_ids()
    {
        var profile = Load(Embedded("{'peer':{'target':'embedded','groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-fo-1-a'}]}}"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Peer!.Target.IsEmbedded, Is.True);
            Assert.That(profile.Peer.Groups, Is.EqualTo(new[] { new GroupRef("fd-A", "rg-fo-1-a") }));
            Assert.That(profile.Simulator!.Sites, Is.EqualTo(2), "an embedded peer is the simulator's site A: the two-site world");
            Assert.That(profile.Groups.Select(g => g.FaultDomainId).Distinct(), Is.EqualTo(new[] { SimulatedPairs.FaultDomainB }), "the first site, the one tested, is site B and allows every group there");
        });
    }

    [Test]
    public void An_embedded_peer_makes_the_two_site_settings_apply_without_sites_2()
    {
        var profile = Load(Embedded("{'simulator':{'sameVcenter':true,'pairs':{'FAILEDOVER':4}},'peer':{'target':'embedded'}}"));

        Assert.That((profile.Simulator!.Sites, profile.Simulator.SameVcenter, profile.Groups.Count), Is.EqualTo((2, true, 4)), "the peer implies two sites; this site is site B with its 4 pairs' twins");
    }

    [Test]
    public void The_shipped_two_site_simulator_profile_loads()
    {
        var result = ProfileLoader.LoadFile(RepositoryPaths.File("profiles", "simulator-two-sites.json"));

        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        Assert.That((result.Profile!.Target.IsEmbedded, result.Profile.Peer?.Target.IsEmbedded, result.Profile.Peer?.Groups.Count), Is.EqualTo((true, (bool?)true, (int?)0)));
    }

    [Test]
    public void The_peer_section_of_the_vCenter_template_loads_once_uncommented()
    {
        var template = File.ReadAllText(RepositoryPaths.File("profiles", "example-vcenter.json"));
        var start = template.IndexOf("  // \"peer\": {", StringComparison.Ordinal);
        var end = template.IndexOf("  // },", start, StringComparison.Ordinal) + "  // },".Length;
        var section = template[start..end].Replace("  // ", "  ", StringComparison.Ordinal);

        var result = ProfileLoader.Parse(template[..start] + section + template[end..], "example-vcenter.json");

        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        Assert.That(result.Profile!.Peer!.Credentials, Is.EqualTo(CredentialSource.FromEnvironment("VASA_PEER_USER", "VASA_PEER_PASSWORD").At("peer.credentials")));
    }

    [Test]
    public void A_missing_peer_variable_is_named_at_the_peer_credentials()
    {
        var peer = Load(Remote($"{{'peer':{{'target':'https://vcenter-b.example.com',{PeerCredentials}}}}}")).Peer!;

        var resolution = peer.Credentials!.Resolve(name => name == "PEER_USER" ? "admin" : null, _ => null, "lab");

        Assert.That(resolution.Error, Is.EqualTo("environment variable PEER_PASSWORD is not set; export it before running (see peer.credentials.passwordEnv in profile 'lab')"));
    }

    [Test]
    public void Every_peer_mistake_is_reported_in_one_pass_with_the_first_site_s()
    {
        var json = Remote("{'release':'8','peer':{'release':'x','groups':[{'faultDomainId':'fd-B'}],'color':1}}");

        var result = ProfileLoader.Parse(json, "test.json");

        Assert.That(result.Errors.Select(e => e.Path), Is.EquivalentTo(new[] { "$.release", "$.peer.target", "$.peer.release", "$.peer.groups[0].deviceGroupId", "$.peer.color" }), result.FormatErrors());
    }

    private static Profile Load(string json)
    {
        var result = ProfileLoader.Parse(json, "test.json");
        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        return result.Profile!;
    }

    private static TestCaseData Case(string name, string json, string path, string fragment) =>
        new TestCaseData(json, path, fragment).SetName(name);
}
