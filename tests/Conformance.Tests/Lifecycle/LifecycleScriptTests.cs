using Conformance.Lifecycle;
using Conformance.Operations;

namespace Conformance.Tests.Lifecycle;

/// <summary>A lifecycle sequence reads as a script: its commands in order, then where it went wrong.</summary>
[TestFixture]
public sealed class LifecycleScriptTests
{
    private static readonly LifecycleModel World = LifecycleWorlds.TwoSites();

    [Test]
    public void A_wrong_reading_follows_the_commands()
    {
        var pair = LifecycleWorlds.Pair(World, "rg-tgt-1-b");
        var script = new LifecycleScript();
        script.Add(new LifecycleCommand(VasaProviderOperations.TestFailoverStart, LifecycleSite.Tested, pair), "rg-tgt-1-b");
        script.Add(new LifecycleCommand(VasaProviderOperations.Promote, LifecycleSite.Tested, pair), "rg-tgt-1-b");
        var text = script.FailReading([new LifecycleMismatch(LifecycleSite.Peer, "rg-tgt-1-a", "TARGET", "SOURCE")]);
        Assert.That(text, Is.EqualTo("TestFailoverStart(B: rg-tgt-1-b) → Promote(B: rg-tgt-1-b) → QueryReplicationGroup(A: rg-tgt-1-a) expected TARGET, got SOURCE"));
    }

    [Test]
    public void A_wrong_answer_names_the_command_it_came_from()
    {
        var pair = LifecycleWorlds.Pair(World, "rg-test-1-b");
        var script = new LifecycleScript();
        script.Add(new LifecycleCommand(VasaProviderOperations.Failover, LifecycleSite.Tested, pair), "rg-test-1-b");
        Assert.That(script.FailAnswer("a refusal with InvalidReplicationState", "success"), Is.EqualTo("Failover(B: rg-test-1-b) expected a refusal with InvalidReplicationState, got success"));
    }

    [Test]
    public void A_sequence_before_it_runs_names_its_groups_as_discovered()
    {
        var fo = LifecycleWorlds.Pair(World, "rg-fo-1-b");
        LifecycleCommand[] commands = [new(VasaProviderOperations.Reverse, LifecycleSite.Tested, fo), new(VasaProviderOperations.PrepareFailover, LifecycleSite.Peer, fo)];
        Assert.That(LifecycleScript.Describe(commands, World), Is.EqualTo("Reverse(B: rg-fo-1-b) → PrepareFailover(A: rg-fo-1-a)"));
    }
}
