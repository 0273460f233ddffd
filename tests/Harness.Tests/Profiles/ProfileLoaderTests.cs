using Harness.Simulator;
using Harness.Wire.Groups;
using Harness.Profiles;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>Valid profiles load with the documented defaults; the file-level failures are clear errors, never exceptions.</summary>
[TestFixture]
public sealed class ProfileLoaderTests
{
    private const string Fingerprint = "AB:CD:EF:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    [Test]
    public void Minimal_embedded_profile_loads_with_the_defaults()
    {
        var result = ProfileLoader.Parse(Q("{'name':'sim','target':'embedded'}"), "sim.json");

        Assert.That(result.Errors, Is.Empty);
        var profile = result.Profile!;
        Assert.Multiple(() =>
        {
            Assert.That(profile.Name, Is.EqualTo("sim"));
            Assert.That(profile.Target.IsEmbedded, Is.True);
            Assert.That(profile.Target.BaseUri, Is.Null);
            Assert.That(profile.Release, Is.EqualTo("8.0.3.0"));
            Assert.That(profile.Credentials, Is.Null);
            Assert.That(profile.Tls.UsesSystemTrust, Is.True);
            Assert.That(profile.ProviderId, Is.Null);
            Assert.That(profile.TaskTimeoutSeconds, Is.EqualTo(300));
            Assert.That(profile.PollIntervalMilliseconds, Is.EqualTo(200));
            Assert.That(profile.Simulator, Is.SameAs(SimulatorSettings.Default));
            Assert.That(profile.Groups, Is.EqualTo(SimulatorSettings.DefaultGroups.Select(GroupRef.From)), "the allowlist defaults to every simulator group");
            Assert.That(profile.SourcePath, Is.Null);
        });
    }

    [Test]
    public void Default_simulator_has_twelve_groups_in_the_documented_states()
    {
        var settings = SimulatorSettings.Default;

        Assert.Multiple(() =>
        {
            Assert.That(settings.Groups, Has.Count.EqualTo(12));
            Assert.That(settings.Groups.Select(g => g.FaultDomainId).Distinct(), Is.EquivalentTo(new[] { "fd-A", "fd-B" }));
            Assert.That(settings.Groups.Select(GroupRef.From).Distinct().Count(), Is.EqualTo(12));
            Assert.That(settings.Groups.Count(g => g.State == ReplicationState.FailedOver), Is.EqualTo(6));
            Assert.That(settings.Groups.Count(g => g.State == ReplicationState.Source), Is.EqualTo(2));
            Assert.That(settings.Groups.Count(g => g.State == ReplicationState.Target), Is.EqualTo(2));
            Assert.That(settings.Groups.Count(g => g.State == ReplicationState.InTest), Is.EqualTo(1));
            Assert.That(settings.Groups.Count(g => g.State == ReplicationState.RemoteFailedOver), Is.EqualTo(1));
            Assert.That(settings.MaxBatchSize, Is.EqualTo(8));
            Assert.That(settings.BatchLimit, Is.EqualTo(8));
            Assert.That(settings.TooManyReportsMaxBatchSize, Is.True);
            Assert.That(settings.TaskPollsToComplete, Is.EqualTo(2));
            Assert.That(settings.ProviderName, Is.EqualTo("Simulated VASA provider"));
            Assert.That(settings.ProviderVersion, Is.EqualTo("1.0.0"));
            Assert.That(settings.VasaVersion, Is.EqualTo("5.0"));
            Assert.That(settings.Deviations, Is.Empty);
        });
    }

    [Test]
    public void Full_https_profile_loads_every_field()
    {
        var json = Q($$"""
            {
              'name': 'acme-array_7.2',
              'target': 'https://vcenter.example.com:8443',
              'release': '8.0.2.1',
              'credentials': { 'userNameEnv': 'VASA_USER', 'passwordEnv': 'VASA_PASSWORD' },
              'tls': { 'pinnedSha256': '{{Fingerprint}}' },
              'providerId': 'VasaProvider-3',
              'groups': [
                { 'faultDomainId': 'fd-1', 'deviceGroupId': 'rg-1' },
                { 'faultDomainId': 'fd-1', 'deviceGroupId': 'rg-2' }
              ],
              'taskTimeoutSeconds': 600,
              'pollIntervalMilliseconds': 50
            }
            """);

        var result = ProfileLoader.Parse(json, "lab.json");

        Assert.That(result.Errors, Is.Empty);
        var profile = result.Profile!;
        Assert.Multiple(() =>
        {
            Assert.That(profile.Name, Is.EqualTo("acme-array_7.2"));
            Assert.That(profile.Target.IsEmbedded, Is.False);
            Assert.That(profile.Target.BaseUri, Is.EqualTo(new Uri("https://vcenter.example.com:8443/")));
            Assert.That(profile.Release, Is.EqualTo("8.0.2.1"));
            Assert.That(profile.Credentials, Is.EqualTo(CredentialSource.FromEnvironment("VASA_USER", "VASA_PASSWORD")));
            Assert.That(profile.Tls.PinnedSha256, Is.EqualTo("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"));
            Assert.That(profile.Tls.Insecure, Is.False);
            Assert.That(profile.ProviderId, Is.EqualTo("VasaProvider-3"));
            Assert.That(profile.Groups, Is.EqualTo(new[] { new GroupRef("fd-1", "rg-1"), new GroupRef("fd-1", "rg-2") }));
            Assert.That(profile.TaskTimeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(profile.PollInterval, Is.EqualTo(TimeSpan.FromMilliseconds(50)));
            Assert.That(profile.Simulator, Is.Null);
        });
    }

    [Test]
    public void Remote_profile_without_groups_has_an_empty_allowlist()
    {
        var result = ProfileLoader.Parse(Remote("{}"), "lab.json");

        Assert.That(result.Profile?.Groups, Is.Empty);
    }

    [Test]
    public void Embedded_profile_with_an_empty_allowlist_keeps_it_empty()
    {
        var result = ProfileLoader.Parse(Embedded("{'groups':[]}"), "sim.json");

        Assert.That(result.Profile?.Groups, Is.Empty);
    }

    [Test]
    public void Embedded_profile_may_name_credentials()
    {
        var result = ProfileLoader.Parse(Embedded("{'credentials':{'userNameEnv':'U','passwordFile':'/run/pw'}}"), "sim.json");

        Assert.That(result.Profile?.Credentials, Is.EqualTo(CredentialSource.FromPasswordFile("U", "/run/pw")));
    }

    [TestCase("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [TestCase("http://127.5.6.7", "http://127.5.6.7/")]
    [TestCase("http://localhost:5000/", "http://localhost:5000/")]
    [TestCase("http://[::1]:9000", "http://[::1]:9000/")]
    [TestCase("https://vcenter.example.com/", "https://vcenter.example.com/")]
    [TestCase("https://10.1.2.3", "https://10.1.2.3/")]
    public void Https_and_loopback_http_targets_are_accepted(string target, string expected)
    {
        var result = ProfileLoader.Parse(Remote($"{{'target':'{target}'}}"), "lab.json");

        Assert.That(result.Profile?.Target.BaseUri, Is.EqualTo(new Uri(expected)), result.FormatErrors());
    }

    [Test]
    public void Insecure_true_switches_certificate_checks_off()
    {
        var result = ProfileLoader.Parse(Remote("{'tls':{'insecure':true}}"), "lab.json");

        Assert.That(result.Profile?.Tls, Is.SameAs(TlsSettings.InsecureOptIn));
    }

    [Test]
    public void Empty_tls_block_uses_the_system_trust_store()
    {
        var result = ProfileLoader.Parse(Remote("{'tls':{}}"), "lab.json");

        Assert.That(result.Profile?.Tls.UsesSystemTrust, Is.True);
    }

    [Test]
    public void Simulator_batch_sizes_may_be_null()
    {
        var result = ProfileLoader.Parse(Embedded("{'simulator':{'maxBatchSize':null,'batchLimit':null}}"), "sim.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Profile?.Simulator?.MaxBatchSize, Is.Null);
            Assert.That(result.Profile?.Simulator?.BatchLimit, Is.Null);
        });
    }

    [Test]
    public void Simulator_block_overrides_only_the_fields_it_names()
    {
        var options = new ProfileLoadOptions { KnownDeviations = new HashSet<string> { "OmitTaskResult" } };
        var json = Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-X','deviceGroupId':'rg-1','state':'INTEST'}],'batchLimit':3,'deviations':['OmitTaskResult']}}");

        var result = ProfileLoader.Parse(json, "sim.json", options);

        var simulator = result.Profile?.Simulator;
        Assert.Multiple(() =>
        {
            Assert.That(simulator?.Groups, Is.EqualTo(new[] { new SimulatedGroup("fd-X", "rg-1", "INTEST") }));
            Assert.That(simulator?.BatchLimit, Is.EqualTo(3));
            Assert.That(simulator?.MaxBatchSize, Is.EqualTo(8));
            Assert.That(simulator?.Deviations, Is.EqualTo(new[] { "OmitTaskResult" }));
            Assert.That(result.Profile?.Groups, Is.EqualTo(new[] { new GroupRef("fd-X", "rg-1") }));
        });
    }

    [Test]
    public void Comments_and_trailing_commas_are_accepted()
    {
        const string Json = """
            // a header comment
            {
              /* the name */ "name": "sim",
              "target": "embedded", // trailing comment
              "groups": [ { "faultDomainId": "fd-A", "deviceGroupId": "rg-fo-1", }, ],
            }
            """;

        var result = ProfileLoader.Parse(Json, "sim.json");

        Assert.That(result.Profile?.Groups, Is.EqualTo(new[] { new GroupRef("fd-A", "rg-fo-1") }), result.FormatErrors());
    }

    [Test]
    public void Invalid_json_is_reported_with_line_and_column()
    {
        var result = ProfileLoader.Parse("{\n  \"name\": \"sim\"\n  \"target\": \"embedded\"\n}", "sim.json");

        ProfileErrorAssert.HasError(result, "$", "invalid JSON at line 3, column 3");
    }

    [TestCase("")]
    [TestCase("  \n ")]
    public void Empty_text_is_reported_as_an_empty_profile(string json) =>
        ProfileErrorAssert.HasError(ProfileLoader.Parse(json, "sim.json"), "$", "the profile is empty");

    [Test]
    public void Missing_file_is_reported_with_its_full_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-profile-{Guid.NewGuid():N}.json");

        var result = ProfileLoader.LoadFile(path);

        ProfileErrorAssert.HasError(result, "$", $"profile file '{path}' does not exist");
    }

    [Test]
    public void Directory_instead_of_a_file_is_reported()
    {
        var result = ProfileLoader.LoadFile(Path.GetTempPath());

        ProfileErrorAssert.HasError(result, "$", "is a directory");
    }

    [Test]
    public void Empty_file_is_reported()
    {
        var path = Path.GetTempFileName();
        try
        {
            ProfileErrorAssert.HasError(ProfileLoader.LoadFile(path), "$", "the profile is empty");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Loaded_file_records_its_full_path_and_labels_errors_with_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Q("{'name':'sim','target':'embedded'}"));
            Assert.That(ProfileLoader.LoadFile(path).Profile?.SourcePath, Is.EqualTo(Path.GetFullPath(path)));

            File.WriteAllText(path, Q("{'name':'sim'}"));
            Assert.That(ProfileLoader.LoadFile(path).FormatErrors(), Does.StartWith($"{path}: $.target: required field 'target' is missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Shipped_simulator_profile_loads_and_spells_out_the_default_model()
    {
        var result = ProfileLoader.LoadFile(Path.Combine(RepoRoot(), "profiles", "simulator.json"));

        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        var profile = result.Profile!;
        Assert.Multiple(() =>
        {
            Assert.That(profile.Name, Is.EqualTo("simulator"));
            Assert.That(profile.Target.IsEmbedded, Is.True);
            Assert.That(profile.Credentials, Is.Null);
            Assert.That(profile.TaskTimeoutSeconds, Is.EqualTo(30));
            Assert.That(profile.Simulator!.Groups, Is.EqualTo(SimulatorSettings.DefaultGroups));
            Assert.That(profile.Simulator with { Groups = SimulatorSettings.DefaultGroups, Deviations = SimulatorSettings.Default.Deviations, Faults = SimulatorSettings.Default.Faults, TransportFaults = SimulatorSettings.Default.TransportFaults }, Is.EqualTo(SimulatorSettings.Default));
            Assert.That(profile.Simulator.Deviations, Is.Empty);
            Assert.That(profile.Simulator.Faults, Is.Empty);
            Assert.That(profile.Groups, Has.Count.EqualTo(12));
            Assert.That(profile.CapabilityOf("ReverseReplicateGroup_Task"), Is.EqualTo(new OperationCapability { Implemented = true, BatchLimit = 8 }));
            Assert.That(profile.PropertyTests, Is.EqualTo(new PropertyTestSettings { Preset = "quick" }));
            Assert.That(profile.Retry, Is.EqualTo(new RetrySettings { Attempts = 3, InitialDelayMilliseconds = 10, BudgetSeconds = 5 }));
        });
    }

    [Test]
    public void Shipped_vcenter_template_loads()
    {
        var result = ProfileLoader.LoadFile(Path.Combine(RepoRoot(), "profiles", "example-vcenter.json"));

        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        var profile = result.Profile!;
        Assert.Multiple(() =>
        {
            Assert.That(profile.Target.BaseUri, Is.EqualTo(new Uri("https://vcenter.example.com/")));
            Assert.That(profile.Credentials, Is.EqualTo(CredentialSource.FromEnvironment("VASA_USER", "VASA_PASSWORD")));
            Assert.That(profile.Tls.PinnedSha256, Has.Length.EqualTo(64));
            Assert.That(profile.Groups, Has.Count.EqualTo(2));
            Assert.That(profile.TaskTimeoutSeconds, Is.EqualTo(600));
            Assert.That(profile.Simulator, Is.Null);
            Assert.That(profile.CapabilityOf("ReverseReplicateGroup_Task").IsDeclared, Is.True);
            Assert.That(profile.PropertyTests.Cases, Is.EqualTo(5));
            Assert.That(profile.Retry, Is.EqualTo(RetrySettings.Default));
        });
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Conformance.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
