using Conformance.Checks;
using Conformance.Lifecycle;
using Conformance.Mutants;
using Harness.Reporting;
using Harness.Simulator;

namespace Conformance.Tests.Lifecycle;

/// <summary>
/// LIFE-MODEL-1 against the embedded simulator: the faithful one- and two-site worlds pass for several seeds and under
/// every reading of the unconfirmed transitions; a seeded lifecycle defect fails, shrunk to its shortest sequence,
/// printed as a script, and the same seed replays it to the same script.
/// </summary>
[TestFixture]
public sealed class LifecycleModelPropertyTests
{
    /// <summary>The readings of the unconfirmed points the model meets, each a faithful simulator.</summary>
    public static IEnumerable<TestCaseData> Readings()
    {
        var faithful = new SimulatedLifecycleReadings();
        yield return new TestCaseData("peerAfterFailover target", Options() with { Lifecycle = faithful with { PeerAfterFailover = PeerReading.Target } });
        yield return new TestCaseData("peerAfterPromote target", Options() with { Lifecycle = faithful with { PeerAfterPromote = PeerReading.Target } });
        yield return new TestCaseData("plannedFailoverNeedsPrepare", Options() with { Lifecycle = faithful with { PlannedFailoverNeedsPrepare = true } });
        yield return new TestCaseData("promoteCapable false", Options() with { Lifecycle = faithful with { PromoteCapable = false } });
        yield return new TestCaseData("testFailoverStartResult array", Options() with { Lifecycle = faithful with { TestFailoverStartResult = TestFailoverStartResultReading.Array } });
        yield return new TestCaseData("every twin reading at once", Options() with { Lifecycle = faithful with { PeerAfterFailover = PeerReading.Target, PeerAfterPromote = PeerReading.Target, PlannedFailoverNeedsPrepare = true } });
        yield return new TestCaseData("perGroupErrors taskError", Options() with { PerGroupErrors = PerGroupErrorReading.TaskError });
        yield return new TestCaseData("perGroupErrors wholeCallFault", Options() with { PerGroupErrors = PerGroupErrorReading.WholeCallFault });
        yield return new TestCaseData("repeats refused", Options() with { Repeats = RepeatReading.Refused });
        yield return new TestCaseData("one site, taskError, repeats refused, failover needs prepare", MutantCatalogue.Faithful() with { PerGroupErrors = PerGroupErrorReading.TaskError, Repeats = RepeatReading.Refused, Lifecycle = faithful with { PlannedFailoverNeedsPrepare = true } });
        yield return new TestCaseData("one site, wholeCallFault", MutantCatalogue.Faithful() with { PerGroupErrors = PerGroupErrorReading.WholeCallFault });
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [TestCase(12345UL)]
    public async Task The_faithful_two_site_simulator_passes(ulong seed)
    {
        var result = await RunAsync(Options(), seed);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), result.Describe());
            Assert.That(result.Notes, Has.Some.Contains("pair(s) discovered through QueryReplicationGroup's links"));
            Assert.That(LifecycleTally.OperationsIn(result.Notes), Is.GreaterThan(20));
            Assert.That(result.Notes, Has.Some.Matches<string>(n => n.StartsWith("lifecycle successes", StringComparison.Ordinal) && n.Contains("Reverse@B", StringComparison.Ordinal)));
        });
    }

    [TestCase(1UL)]
    [TestCase(7UL)]
    public async Task The_faithful_one_site_simulator_passes_noting_the_twin_was_not_observed(ulong seed)
    {
        var result = await RunAsync(MutantCatalogue.Faithful(), seed);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), result.Describe());
            Assert.That(result.Notes, Has.Some.StartsWith("one site: the twin side was not observed"));
        });
    }

    [TestCaseSource(nameof(Readings))]
    public async Task Every_reading_of_the_unconfirmed_transitions_passes(string reading, SimulatedProviderOptions options)
    {
        var result = await RunAsync(options, 5);
        Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), $"{reading}: {result.Describe()}");
    }

    [Test]
    public async Task Failback_is_reached_in_a_longer_run()
    {
        var result = await RunAsync(Options(), 12345, cases: 60);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), result.Describe());
            Assert.That(result.Notes.Single(n => n.StartsWith("lifecycle successes", StringComparison.Ordinal)), Does.Contain("Failover@A").And.Contain("Reverse@A"), "failback: a failover and a reversal at site A");
        });
    }

    [TestCase(Deviation.TestFailoverStartWrongPeerState, 1)]
    [TestCase(Deviation.PromoteWrongPostState, 2)]
    [TestCase(Deviation.ReversePeerNotUpdated, 1)]
    [TestCase(Deviation.FailoverAcceptsWrongState, 1)]
    public async Task A_seeded_defect_fails_with_its_shortest_sequence_and_replays_to_the_same_script(Deviation defect, int longest)
    {
        const ulong Seed = 11;
        var first = await RunAsync(Options(defect), Seed, cases: 50);
        var again = await RunAsync(Options(defect), Seed, cases: 50);
        var script = ScriptOf(first);
        TestContext.Out.WriteLine(first.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(CheckOutcome.Failed), first.Describe());
            Assert.That(first.Reason, Does.Contain($"VASA_SEED={Seed}"));
            Assert.That(Commands(script), Has.Count.InRange(1, longest), $"the shortest failing sequence: {script}");
            Assert.That(script, Does.Match(@"^(\w+\([AB]: [^)]+\)( → |$))*.*expected .+, got .+"), "a readable script ending where it went wrong");
            Assert.That(again.Failure?.Observed, Is.EqualTo(first.Failure?.Observed), "the same seed replays to the same script");
            Assert.That(AttachmentsOf(first.Steps), Has.Some.EqualTo(script), "the script is attached to the failing step, with its exchanges");
        });
    }

    [TestCase("profiles/simulator.json", false)]
    [TestCase("profiles/simulator-two-sites.json", true)]
    public async Task A_run_of_each_embedded_profile_passes_it(string profile, bool twoSites)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-lifecycle-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var run = await Conformance.Run.RunFactory.CreateAsync(Path.Combine(Conformance.Run.RunPaths.RepoRoot, profile), directory, name => name == "VASA_SEED" ? "3" : Environment.GetEnvironmentVariable(name));
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await run.RunCheckAsync(LifecycleCatalogue.Checks.Single());
            TestContext.Out.WriteLine($"{profile}: {result.Outcome} in {clock.Elapsed.TotalSeconds:0.00} s; {string.Join("; ", result.Notes)}");
            Assert.Multiple(() =>
            {
                Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), result.Describe());
                Assert.That(result.Notes, twoSites ? Has.Some.Contains("pair(s) discovered") : Has.Some.StartsWith("one site"));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_real_target_is_never_reset_and_each_case_starts_where_the_last_one_left_the_groups()
    {
        const string Password = "Lifecycle-Passw0rd-real-target";
        using var sandbox = new ProfileSandbox("vasa-lifecycle-real", Password);
        using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful() with { Password = Password });
        var groups = string.Join(", ", MutantCatalogue.Faithful().Groups.Select(g => $"{{ \"faultDomainId\": \"{g.FaultDomainId}\", \"deviceGroupId\": \"{g.DeviceGroupId}\" }}"));
        var profile = Path.Combine(sandbox.Directory, "profile.json");
        await File.WriteAllTextAsync(profile, $$"""
            {
              "name": "real-lifecycle",
              "target": "{{provider.BaseUri.ToString().TrimEnd('/')}}",
              "credentials": { "userNameEnv": "{{sandbox.UserVariable}}", "passwordEnv": "{{sandbox.PasswordVariable}}" },
              "groups": [ {{groups}} ],
              "budget": 100,
              "taskTimeoutSeconds": 5,
              "pollIntervalMilliseconds": 10,
              "propertyTests": { "cases": 25, "seed": 4 },
            }
            """);
        using var run = await Conformance.Run.RunFactory.CreateAsync(profile, sandbox.Directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var result = await run.RunCheckAsync(LifecycleCatalogue.Checks.Single());
        TestContext.Out.WriteLine(string.Join("\n", result.Notes));
        Assert.Multiple(() =>
        {
            Assert.That(run.Target!.Simulator, Is.Null, "a real target is never reset");
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Passed), result.Describe());
            Assert.That(result.Notes, Has.Some.Contains("5 case(s) passed"));
            Assert.That(provider.Provider.Requests.Count(r => r.Operation == "QueryReplicationGroup"), Is.GreaterThan(5), "each case reads the groups first, then after every operation");
        });
    }

    internal static SimulatedProviderOptions Options(params Deviation[] deviations) => MutantCatalogue.TwoSites(MutantCatalogue.Faithful(deviations));

    /// <summary>The check against a fresh simulator, with the seed printed.</summary>
    internal static async Task<CheckResult> RunAsync(SimulatedProviderOptions options, ulong seed, int cases = 20)
    {
        TestContext.Out.WriteLine($"seed {seed} (VASA_SEED={seed})");
        using var sim = await MutantTarget.StartAsync(options);
        var result = await LifecycleCatalogue.Checks.Single().ExecuteAsync(sim.Target.With(propertyCases: cases * LifecycleModelProperty.CaseDivisor, seed: seed));
        foreach (var note in result.Notes)
        {
            TestContext.Out.WriteLine("  " + note);
        }

        return result;
    }

    /// <summary>The script of a failure: what it observed, before the property runner's suffix.</summary>
    internal static string ScriptOf(CheckResult result)
    {
        var observed = result.Failure?.Observed ?? string.Empty;
        var end = observed.IndexOf(" — property falsified", StringComparison.Ordinal);
        return end < 0 ? observed : observed[..end];
    }

    /// <summary>The commands a script sent (its failing reading excluded).</summary>
    internal static IReadOnlyList<string> Commands(string script) =>
        script.Split(LifecycleScript.Arrow).Where(step => !step.StartsWith("QueryReplicationGroup(", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> AttachmentsOf(IEnumerable<CheckStep> steps) =>
        steps.SelectMany(s => s.Attachments.Where(a => a.Name == "Lifecycle script").Select(a => a.Content).Concat(AttachmentsOf(s.Children)));
}
