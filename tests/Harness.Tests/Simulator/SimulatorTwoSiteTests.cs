using Harness.Client;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Devices;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Provider;
using Harness.Wire.Results;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>The two-site world: each site's provider holds its own groups, pairs name each other, and a reverse at B turns A's old source into the new source's target.</summary>
[TestFixture]
public sealed class SimulatorTwoSiteTests
{
    private static readonly string[] GroupsAtA =
        ["fd-A/rg-tgt-1-a", "fd-A/rg-tgt-2-a", "fd-A/rg-fo-1-a", "fd-A/rg-fo-2-a", "fd-A/rg-fo-3-a", "fd-A/rg-test-1-a"];

    private static readonly string[] GroupsAtB =
        ["fd-B/rg-tgt-1-b", "fd-B/rg-tgt-2-b", "fd-B/rg-fo-1-b", "fd-B/rg-fo-2-b", "fd-B/rg-fo-3-b", "fd-B/rg-test-1-b"];

    [TestCase(false)]
    [TestCase(true)]
    public async Task Each_source_group_at_A_and_its_target_at_B_name_each_other(bool sameVcenter)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter));
        var a = await AllAsync(await ConnectAsync(world, "A"));
        var b = await AllAsync(await ConnectAsync(world, "B"));

        Assert.Multiple(() =>
        {
            Assert.That(a.Values.Select(i => (i.GetType(), i.CurrentState)), Is.All.EqualTo((typeof(SourceGroupInfo), ReplicationState.Source)));
            Assert.That(b.Values.Select(i => i.GetType()), Is.All.EqualTo(typeof(TargetGroupInfo)));
            foreach (var (key, info) in a)
            {
                var target = ((SourceGroupInfo)info).Replica!.Single().TargetGroupId!.Key;
                Assert.That(target, Is.EqualTo(key.Replace("fd-A/", "fd-B/", StringComparison.Ordinal)[..^2] + "-b"), $"{key}'s replica");
                Assert.That(((TargetGroupInfo)b[target]).SourceInfo?.SourceGroupId?.Key, Is.EqualTo(key), $"{target} names {key} as its source");
            }

            Assert.That(b.ToDictionary(kv => kv.Key, kv => kv.Value.CurrentState), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["fd-B/rg-tgt-1-b"] = ReplicationState.Target, ["fd-B/rg-tgt-2-b"] = ReplicationState.Target,
                ["fd-B/rg-fo-1-b"] = ReplicationState.FailedOver, ["fd-B/rg-fo-2-b"] = ReplicationState.FailedOver, ["fd-B/rg-fo-3-b"] = ReplicationState.FailedOver,
                ["fd-B/rg-test-1-b"] = ReplicationState.InTest,
            }));
        });
    }

    [Test]
    public async Task The_devices_of_a_pair_match_and_a_failed_over_target_lists_what_it_was_recovered_as()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var a = await AllAsync(await ConnectAsync(world, "A"));
        var b = await AllAsync(await ConnectAsync(world, "B"));
        var source = (SourceGroupInfo)a["fd-A/rg-fo-1-a"];
        var failedOver = (TargetGroupInfo)b["fd-B/rg-fo-1-b"];
        var healthy = (TargetGroupInfo)b["fd-B/rg-tgt-1-b"];

        Assert.Multiple(() =>
        {
            Assert.That(source.MemberInfo!.Select(m => ((VVolId)m.DeviceId!).Id), Is.EqualTo(new[] { "vvol-rg-fo-1-a-1", "vvol-rg-fo-1-a-2" }));
            Assert.That(source.MemberInfo!.Select(m => m.TargetId!.Single().DomainId!.Id), Is.All.EqualTo("fd-B"));
            Assert.That(failedOver.Devices, Has.Count.EqualTo(2).And.All.TypeOf<RecoveredTargetGroupMemberInfo>());
            Assert.That(failedOver.Devices!.Select(d => d.ReplicaId!.Id), Is.EqualTo(source.MemberInfo!.Select(m => m.TargetId!.Single().DeviceId!.Id)), "each source vVol's replica is a device of the target");
            Assert.That(failedOver.Devices!.Select(d => ((VVolId)d.SourceId!).Id), Is.EqualTo(source.MemberInfo!.Select(m => ((VVolId)m.DeviceId!).Id)));
            Assert.That(failedOver.Devices!.Select(d => ((VVolId)((RecoveredTargetGroupMemberInfo)d).RecoveredDeviceId!).Id), Is.EqualTo(new[] { "vvol-rg-fo-1-b-1", "vvol-rg-fo-1-b-2" }));
            Assert.That(healthy.Devices, Has.Count.EqualTo(2).And.All.TypeOf<BareTargetGroupMemberInfo>());
            Assert.That(failedOver.Name, Is.EqualTo("rg-fo-1-b"));
        });
    }

    [TestCase("A")]
    [TestCase("B")]
    public async Task A_query_with_no_ids_returns_every_group_of_that_site_and_none_of_the_other(string site)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter: true));
        var all = await AllAsync(await ConnectAsync(world, site));

        Assert.That(all.Keys, Is.EquivalentTo(site == "A" ? GroupsAtA : GroupsAtB));
    }

    [Test]
    public async Task A_group_of_the_other_site_or_unknown_is_NotFound_and_a_repeated_id_DuplicateEntry_per_entry()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var c = await ConnectAsync(world, "A");
        var mine = ReplicationGroupId.Of("fd-A", "rg-fo-1-a");

        var query = await c.Client.QueryReplicationGroupAsync(c.Provider, [ReplicationGroupId.Of("fd-B", "rg-fo-1-b"), mine, ReplicationGroupId.Of("fd-A", "rg-nope"), mine]);

        AssertConforms(query.Call);
        Assert.That(query.Value!.Select(r => (r.GroupId!.Key, Outcome(r))), Is.EqualTo(new[]
        {
            ("fd-B/rg-fo-1-b", "NotFound"), ("fd-A/rg-fo-1-a", "SOURCE"), ("fd-A/rg-nope", "NotFound"), ("fd-A/rg-fo-1-a", "DuplicateEntry"),
        }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_reverse_at_B_makes_the_old_source_at_A_the_target_of_the_new_source_group(bool sameVcenter)
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter));
        var atA = await ConnectAsync(world, "A");
        var atB = await ConnectAsync(world, "B");

        var info = await ReverseAsync(atB, ReplicationGroupId.Of("fd-B", "rg-fo-2-b"));
        var reversed = (ReverseReplicationSuccessResult)Results(info.Result).Single();
        var newSource = "fd-B/" + reversed.NewGroupId!.Id;
        var a = await AllAsync(atA);
        var b = await AllAsync(atB);

        Assert.Multiple(() =>
        {
            Assert.That(info.Object?.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId), "the task ran on site B's provider");
            Assert.That(newSource, Is.Not.EqualTo("fd-B/rg-fo-2-b"));
            Assert.That(b.Keys, Does.Not.Contain("fd-B/rg-fo-2-b").And.Contain(newSource));
            Assert.That(b[newSource], Is.TypeOf<SourceGroupInfo>());
            Assert.That(b[newSource].CurrentState, Is.EqualTo(ReplicationState.Source));
            Assert.That(((SourceGroupInfo)b[newSource]).Replica!.Single().TargetGroupId!.Key, Is.EqualTo("fd-A/rg-fo-2-a"));
            Assert.That(a["fd-A/rg-fo-2-a"], Is.TypeOf<TargetGroupInfo>(), "the old source is now a target");
            Assert.That(a["fd-A/rg-fo-2-a"].CurrentState, Is.EqualTo(ReplicationState.Target));
            Assert.That(((TargetGroupInfo)a["fd-A/rg-fo-2-a"]).SourceInfo!.SourceGroupId!.Key, Is.EqualTo(newSource), "its source is the new group, not the old id");
            Assert.That(((SourceGroupInfo)a["fd-A/rg-fo-1-a"]).Replica!.Single().TargetGroupId!.Key, Is.EqualTo("fd-B/rg-fo-1-b"), "the other pairs are untouched");
            Assert.That(b["fd-B/rg-fo-1-b"].CurrentState, Is.EqualTo(ReplicationState.FailedOver));
        });
    }

    [Test]
    public async Task With_a_vCenter_per_site_each_vCenter_knows_only_its_own_provider_sessions_and_tasks()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var atA = await ConnectAsync(world, "A");
        var atB = await ConnectAsync(world, "B");
        var storageManager = ManagedObjectReference.Of("SmsStorageManager", "SmsStorageManager");

        var providersAtA = await atA.Client.QueryProviderAsync(storageManager);
        var providersAtB = await atB.Client.QueryProviderAsync(storageManager);
        var bAtA = await atA.Client.QueryReplicationGroupAsync(ManagedObjectReference.Of("VasaProvider", SimulatedProvider.PeerProviderMoId), null);
        var sync = await atB.Client.VasaProviderSyncAsync(atB.Provider);
        var taskAtA = await atA.Client.QuerySmsTaskInfoAsync(sync.Value!);
        using var transport = new SmsTransport(world.ServerOf("B").BaseUri, "8.0.3.0", TlsPolicy.System, new Security.Redactor(), TimeSpan.FromSeconds(10));
        transport.SetSession(atA.Client.Transport.SessionId!);
        var aSessionAtB = await new SmsClient(transport).QueryProviderInfoAsync(atB.Provider);

        Assert.Multiple(() =>
        {
            Assert.That(world.Servers, Has.Count.EqualTo(2));
            Assert.That(world.ServerOf("A").BaseUri, Is.Not.EqualTo(world.ServerOf("B").BaseUri));
            Assert.That(atA.Provider.Value, Is.EqualTo(SimulatedProvider.ProviderMoId), "discovery at A finds A's provider");
            Assert.That(atB.Provider.Value, Is.EqualTo(SimulatedProvider.PeerProviderMoId), "discovery at B finds B's provider");
            Assert.That(providersAtA.Value!.Select(p => p.Value), Is.EqualTo(new[] { SimulatedProvider.ProviderMoId }));
            Assert.That(providersAtB.Value!.Select(p => p.Value), Is.EqualTo(new[] { SimulatedProvider.PeerProviderMoId }));
            Assert.That(bAtA.Fault, Is.TypeOf<ManagedObjectNotFound>(), bAtA.Describe());
            Assert.That(sync.Value?.Type, Is.EqualTo("SmsTask"), sync.Describe());
            Assert.That(taskAtA.Fault, Is.TypeOf<ManagedObjectNotFound>(), "B's task is not A's vCenter's");
            Assert.That(aSessionAtB.Fault, Is.TypeOf<NotAuthenticated>(), "A's session is not valid at B's vCenter");
        });
    }

    [Test]
    public async Task With_one_vCenter_both_providers_are_registered_there_each_with_its_own_info()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions(sameVcenter: true));
        var atA = await ConnectAsync(world, "A");

        var providers = await atA.Client.QueryProviderAsync(ManagedObjectReference.Of("SmsStorageManager", "SmsStorageManager"));
        var infoB = await atA.Client.QueryProviderInfoAsync(ManagedObjectReference.Of("VasaProvider", SimulatedProvider.PeerProviderMoId));

        Assert.Multiple(() =>
        {
            Assert.That(world.Servers, Has.Count.EqualTo(1));
            Assert.That(providers.Value!.Select(p => p.Value), Is.EqualTo(new[] { SimulatedProvider.ProviderMoId, SimulatedProvider.PeerProviderMoId }));
            Assert.That(atA.Info?.Name, Does.EndWith("(site A)"));
            Assert.That(((VasaProviderInfo)infoB.Value!).Name, Does.EndWith("(site B)"));
            Assert.That(((VasaProviderInfo)infoB.Value!).Uid, Is.EqualTo("sim-" + SimulatedProvider.PeerProviderMoId));
        });
        AssertConforms(infoB.Call);
    }

    [Test]
    public async Task Reset_puts_both_sites_back()
    {
        using var world = SimulatedWorldServer.Start(TwoSiteOptions());
        var before = world.Provider.Groups;
        await ReverseAsync(await ConnectAsync(world, "B"), ReplicationGroupId.Of("fd-B", "rg-fo-1-b"));
        Assume.That(world.Provider.Groups, Is.Not.EqualTo(before));

        world.Provider.Reset();

        Assert.That(world.Provider.Groups, Is.EqualTo(before));
    }

    [Test]
    public void A_two_site_world_refuses_a_group_without_a_site_a_one_sided_pair_and_a_third_site()
    {
        var pairs = SimulatedPairs.Layout(SimulatedPairs.Default);
        Assert.Multiple(() =>
        {
            Assert.That(() => new SimulatedProvider(TwoSiteOptions() with { Groups = [.. pairs, new("fd-B", "rg-x", ReplicationState.Target)] }), Throws.ArgumentException.With.Message.Contains("names no site"));
            Assert.That(() => new SimulatedProvider(TwoSiteOptions() with { Groups = [pairs[0] with { Peer = "fd-B/rg-fo-1-b" }, .. pairs.Skip(1)] }), Throws.ArgumentException.With.Message.Contains("names it back"));
            Assert.That(() => new SimulatedProvider(TwoSiteOptions() with { Groups = [.. pairs, new("fd-A", "rg-x", ReplicationState.Target) { Site = "B" }] }), Throws.ArgumentException.With.Message.Contains("at both sites"));
            Assert.That(() => new SimulatedProvider(TwoSiteOptions() with { Sites = 3 }), Throws.ArgumentException);
        });
    }

    /// <summary>Every group of the connected site, by key; the exchange is held to the type definitions.</summary>
    private static async Task<Dictionary<string, GroupInfo>> AllAsync(ProviderConnection c)
    {
        var query = await c.Client.QueryReplicationGroupAsync(c.Provider, null);
        Assert.That(query.IsValue, Is.True, query.Describe());
        AssertConforms(query.Call);
        return query.Value!.Cast<QueryReplicationGroupSuccessResult>().ToDictionary(r => r.GroupId!.Key, r => r.RgInfo!);
    }

    private static string? Outcome(GroupOperationResult result) => result switch
    {
        QueryReplicationGroupSuccessResult success => success.RgInfo?.CurrentState,
        GroupErrorResult error => error.Error?.Single().TypeName,
        _ => result.TypeName,
    };
}
