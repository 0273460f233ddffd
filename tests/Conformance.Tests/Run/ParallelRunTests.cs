using System.Collections.Concurrent;
using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Run;
using Harness.Reporting;
using Harness.Security;

namespace Conformance.Tests.Run;

/// <summary>Checks at once against a provider that is not embedded: up to maxConcurrentTasks of them, an exclusive check alone.</summary>
[TestFixture]
public sealed class ParallelRunTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => this.directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vasa-parallel-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(this.directory))
        {
            Directory.Delete(this.directory, recursive: true);
        }
    }

    [Test]
    public async Task An_exclusive_check_never_overlaps_another_check()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful(), asRealProvider: true);
        var target = sim.Target.With(maxConcurrentTasks: 4);
        var spans = new ConcurrentBag<(string Name, bool Exclusive, DateTimeOffset Start, DateTimeOffset Stop)>();
        Check Make(int i, bool exclusive) => new($"Check_{i}", ReverseCatalogue.TaskMoRef, "Parallel", async _ =>
        {
            var start = DateTimeOffset.UtcNow;
            await Task.Delay(60);
            spans.Add(($"Check_{i}", exclusive, start, DateTimeOffset.UtcNow));
        })
        { Exclusive = exclusive };
        var checks = Enumerable.Range(0, 16).Select(i => Make(i, exclusive: i % 5 == 2)).ToList();
        using var run = new ConformanceRun(this.directory, new Redactor(), null, target, null, null, []) { Lanes = [target] };
        var results = await Task.WhenAll(checks.Select(run.RunCheckAsync));
        var overlaps = spans.Where(e => e.Exclusive)
            .SelectMany(e => spans.Where(o => o.Name != e.Name && o.Start < e.Stop && e.Start < o.Stop).Select(o => $"{e.Name} with {o.Name}"))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(CheckOutcome.Passed));
            Assert.That(spans.Count(s => s.Exclusive), Is.EqualTo(3));
            Assert.That(overlaps, Is.Empty, "an exclusive check ran alongside another");
            Assert.That(MaxOverlap(spans.Where(s => !s.Exclusive).Select(s => (s.Start, s.Stop))), Is.InRange(2, ConformanceRun.SharedChecksPerTaskSlot * 4), "the other checks ran at once, within the gate");
        });
    }

    [Test]
    public async Task A_non_embedded_run_overlaps_checks_within_maxConcurrentTasks()
    {
        var options = MutantCatalogue.Faithful() with
        {
            TaskDurationMilliseconds = 200,
            Groups = [.. MutantCatalogue.Faithful().Groups, .. Enumerable.Range(9, 8).Select(i => new Harness.Simulator.SimulatedGroup("fd-A", $"rg-fo-{i}", Harness.Wire.Groups.ReplicationState.FailedOver))],
        };
        using var sim = await MutantTarget.StartAsync(options, asRealProvider: true);
        var target = sim.Target.With(maxConcurrentTasks: 4, taskTimeout: TimeSpan.FromSeconds(30));
        var checks = ReverseCatalogue.Checks.Where(c => !c.Exclusive).ToList();
        using var run = new ConformanceRun(this.directory, new Redactor(), null, target, null, null, []) { Lanes = [target] };
        Assert.That(run.SharesTarget, Is.True, "a provider started on its own is a shared target");
        var results = await Task.WhenAll(checks.Select(run.RunCheckAsync));
        var wrong = checks.Zip(results).Where(p => p.Second.Outcome is CheckOutcome.Failed or CheckOutcome.Broken).Select(p => $"{p.First.Name}: {p.Second.Reason}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(MaxOverlap(results.Select(r => (r.Start, r.Stop))), Is.GreaterThan(1), "checks at once");
            Assert.That(sim.Server.Provider.PeakOpenTasks, Is.InRange(1, 4), "tasks in flight at once");
            Assert.That(wrong, Is.Empty, "checks that failed or broke on the shared provider");
            Assert.That(target.Leases.Count, Is.Zero, "every lease was given back");
        });
    }

    private static int MaxOverlap(IEnumerable<(DateTimeOffset Start, DateTimeOffset Stop)> spans)
    {
        var events = spans.SelectMany(s => new[] { (At: s.Start, Delta: 1), (At: s.Stop, Delta: -1) }).OrderBy(e => e.At).ThenBy(e => e.Delta).ToList();
        int now = 0, max = 0;
        foreach (var e in events)
        {
            now += e.Delta;
            max = Math.Max(max, now);
        }

        return max;
    }
}
