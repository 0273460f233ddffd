using System.Security.Cryptography;
using Harness.Oracle;

namespace Harness.Tests.Oracle;

/// <summary>The committed type catalogue: still its source, and read the way the source means it.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TypeCatalogueTests
{
    private static TypeCatalogue Catalogue => TypeCatalogue.Default;

    [Test]
    public void The_embedded_catalogue_is_the_committed_file_whose_hash_is_recorded()
    {
        var root = RepoRoot();
        var committed = File.ReadAllBytes(Path.Combine(root, "src/Harness/Oracle/vmodl-types.json"));
        var recorded = File.ReadAllText(Path.Combine(root, "src/Harness/Oracle/vmodl-types.sha256")).Trim();
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(committed)), Is.EqualTo(recorded), "run scripts/update-vmodl-types.sh after changing the catalogue");
            Assert.That(Catalogue.Sha256, Is.EqualTo(recorded), "the assembly embeds another file than the committed one");
            Assert.That(Catalogue.Source, Does.StartWith("pyvmomi 8.0.3.0.1"));
        });
    }

    [Test]
    public void The_committed_catalogue_still_matches_its_source_in_shared_reference()
    {
        var source = Path.Combine(RepoRoot(), "..", "shared", "reference", "vmodl-types.json");
        if (!File.Exists(source))
        {
            Assert.Ignore($"the source {Path.GetFullPath(source)} is not beside this clone (CI and the developers' machines have it); the recorded hash still holds the committed copy");
        }

        Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source))), Is.EqualTo(Catalogue.Sha256), "the source changed: run scripts/update-vmodl-types.sh and review the diff");
    }

    [Test]
    public void ReplicationGroupId_has_exactly_faultDomainId_and_deviceGroupId_both_required()
    {
        var properties = Catalogue.PropertiesOf("vim.vm.replication.ReplicationGroupId");
        Assert.That(properties.Values.Where(p => !p.Optional).Select(p => p.Name), Is.EquivalentTo(new[] { "faultDomainId", "deviceGroupId" }));
        Assert.That(properties.Keys, Is.EquivalentTo(new[] { "faultDomainId", "deviceGroupId", "dynamicType", "dynamicProperty" }), "own properties plus DynamicData's");
    }

    [Test]
    public void Methods_are_found_by_the_WSDL_names_in_the_URL_inherited_ones_included()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Method("VasaProvider", "ReverseReplicateGroup_Task")?.TaskResult, Is.EqualTo("sms.storage.replication.GroupOperationResult[]"));
            Assert.That(Catalogue.Method("VasaProvider", "QueryProviderInfo")?.Returns, Is.EqualTo("sms.provider.ProviderInfo"), "inherited from SmsProvider");
            Assert.That(Catalogue.Method("SmsTask", "QuerySmsTaskInfo")?.Returns, Is.EqualTo("sms.TaskInfo"));
            Assert.That(Catalogue.Method("SessionManager", "Login")?.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "userName", "password", "locale" }));
            Assert.That(Catalogue.Method("VasaProvider", "NoSuchMethod"), Is.Null);
        });
    }

    [Test]
    public void Releases_gate_what_appeared_later()
    {
        var name = Catalogue.PropertiesOf("sms.storage.replication.TargetGroupInfo")["name"];
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.ReleaseOf(name.Since), Is.EqualTo(new Version(8, 0, 2, 0)));
            Assert.That(Catalogue.AvailableIn(name.Since, TypeCatalogue.ParseRelease("8.0.1.0")), Is.False);
            Assert.That(Catalogue.AvailableIn(name.Since, TypeCatalogue.ParseRelease("8.0.3.0")), Is.True);
            Assert.That(Catalogue.AvailableIn(name.Since, TypeCatalogue.ParseRelease("8.0.2")), Is.True, "8.0.2 reads as 8.0.2.0");
            Assert.That(Catalogue.AvailableIn(name.Since, null), Is.True, "an unparsable release is judged as the newest");
            Assert.That(Catalogue.AvailableIn("vmodl.version.version0", TypeCatalogue.ParseRelease("6.5")), Is.True, "vmodl core versions carry no release: always there");
        });
    }

    [Test]
    public void Subtypes_follow_the_parent_chain()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.IsSubtypeOf("sms.fault.replication.InvalidReplicationState", "vmodl.MethodFault"), Is.True);
            Assert.That(Catalogue.IsSubtypeOf("vmodl.fault.InvalidArgument", "sms.fault.replication.ReplicationFault"), Is.False);
            Assert.That(Catalogue.HasSubtypes("sms.storage.replication.GroupOperationResult"), Is.True);
            Assert.That(Catalogue.HasSubtypes("vim.vm.replication.ReplicationGroupId"), Is.False);
            Assert.That(Catalogue.Enum("sms.storage.replication.ReplicationState")!.Values, Is.EqualTo(new[] { "SOURCE", "TARGET", "FAILEDOVER", "INTEST", "REMOTE_FAILEDOVER" }));
        });
    }

    /// <summary>The clone's root: the folder holding Conformance.sln, above the test binaries.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
