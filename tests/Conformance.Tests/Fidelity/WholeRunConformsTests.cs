using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;
using Harness.Oracle;
using Harness.Reporting;

namespace Conformance.Tests.Fidelity;

/// <summary>
/// The whole default suite against the embedded simulator, every exchange judged by VMware's type definitions: the
/// suite sends nothing off-spec (its hand-made probes aside) and the simulator answers nothing off-spec. The simulator
/// is strict on requests, as vCenter's deserializer is, so a passing run also shows the suite's requests get through it.
/// </summary>
[TestFixture]
public sealed class WholeRunConformsTests
{
    [Test]
    public async Task A_default_run_sends_and_receives_only_what_VMware_types_allow()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-wire-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var run = await RunFactory.CreateAsync(RunPaths.ProfilePath(null), directory, Environment.GetEnvironmentVariable);
            Assert.That(run.Abort, Is.Null, run.Abort?.Message);
            await Task.WhenAll(Catalogue.InRunOrder.Select(run.RunCheckAsync));
            run.Finish();
            var ledger = run.Target!.Ledger!;
            string Show(WireSide side) => string.Join('\n', ledger.Findings(side).Select(f => $"{f.Call.Operation} {f.Call.CorrelationId} {f.Problem}"));
            var wire = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "wire.json"))).RootElement.GetProperty("sides");
            Assert.Multiple(() =>
            {
                Assert.That(ledger.Judged(WireSide.Request), Is.GreaterThan(100), "requests judged");
                Assert.That(ledger.Judged(WireSide.Response), Is.GreaterThan(100), "answers judged");
                Assert.That(ledger.Judged(WireSide.Probe), Is.GreaterThan(0), "the hand-made probes are judged too, and counted apart");
                Assert.That(ledger.Findings(WireSide.Request), Is.Empty, "the suite's own requests: " + Show(WireSide.Request));
                Assert.That(ledger.Findings(WireSide.Response), Is.Empty, "the simulator's answers: " + Show(WireSide.Response));
                Assert.That(ledger.Count(WireSide.Probe, WireLevel.Must), Is.GreaterThan(0), "the malformed probes are off-spec, as intended");
                Assert.That(wire.GetProperty("request").GetProperty("must").GetInt32() + wire.GetProperty("request").GetProperty("should").GetInt32(), Is.Zero, "out/wire.json agrees");
                Assert.That(wire.GetProperty("response").GetProperty("must").GetInt32() + wire.GetProperty("response").GetProperty("should").GetInt32() + wire.GetProperty("response").GetProperty("notes").GetInt32(), Is.Zero, "out/wire.json agrees");
                Assert.That(run.Summary.Checks.Count(c => FaithfulOutcome.Holds(c.Name, c.Outcome)), Is.EqualTo(Catalogue.InRunOrder.Count), "every check passed against the strict simulator: " + string.Join("; ", run.Summary.Checks.Where(c => !FaithfulOutcome.Holds(c.Name, c.Outcome)).Select(c => $"{c.Name}: {c.Message}")));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task The_wire_checks_wait_for_every_other_check_to_end()
    {
        // As NUnit does: every check is started in catalogue order, none awaited; the WIRE checks start while the others
        // are still running, and judge only once they have all ended. The WIRE checks make no call of their own, so the
        // mutant's QueryReplicationGroup answers they fail on come from the other checks.
        var directory = Path.Combine(Path.GetTempPath(), "vasa-wire-order-" + Guid.NewGuid().ToString("N"));
        var profile = Path.Combine(directory, "p.json");
        Directory.CreateDirectory(directory);
        try
        {
            await File.WriteAllTextAsync(profile, """{ "name": "order", "target": "embedded", "simulator": { "deviations": ["GroupIdCarriesKey"] } }""");
            using var run = await RunFactory.CreateAsync(profile, directory, Environment.GetEnvironmentVariable);
            var checks = Catalogue.InRunOrder;
            var results = await Task.WhenAll(checks.Select(run.RunCheckAsync));
            var byName = checks.Zip(results).Where(x => x.First.Feature == Conformance.Fidelity.FidelityCatalogue.Feature).ToDictionary(x => x.First.Name, x => x.Second);
            Assert.That(byName["Answers_carry_no_property_or_type_unknown_to_the_release"].Outcome, Is.EqualTo(CheckOutcome.Warning), "WIRE-5 is a SHOULD: " + byName["Answers_carry_no_property_or_type_unknown_to_the_release"].Describe());
            Assert.That(byName["Answers_carry_no_property_or_type_unknown_to_the_release"].Reason, Does.Contain("$[0].groupId.key").Or.Contain(".groupId.key"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
