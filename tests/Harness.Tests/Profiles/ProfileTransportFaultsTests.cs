using Harness.Profiles;
using Harness.Simulator;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>simulator.transportFaults: entries load with their defaults, map to the simulator's options, and every mistake is reported at its JSON path.</summary>
[TestFixture]
public sealed class ProfileTransportFaultsTests
{
    public static IEnumerable<string> KindNames => TransportFault.Kinds.Keys;

    [Test]
    public void An_entry_defaults_to_Reverse_every_call()
    {
        var fault = Load(Embedded("{'simulator':{'transportFaults':[{'kind':'hang'}]}}")).Simulator!.TransportFaults.Single();

        Assert.That(fault, Is.EqualTo(new TransportFault { Operation = "ReverseReplicateGroup_Task", Kind = "hang", Times = null, SizeBytes = null, Status = null }));
    }

    [TestCaseSource(nameof(KindNames))]
    public void Every_kind_is_accepted(string kind)
    {
        var status = kind == "status" ? ",'status':502" : string.Empty;

        var fault = Load(Embedded($"{{'simulator':{{'transportFaults':[{{'kind':'{kind}'{status}}}]}}}}")).Simulator!.TransportFaults.Single();

        Assert.That(fault.ToSimulated().Kind, Is.EqualTo(TransportFault.Kinds[kind]));
    }

    [Test]
    public void Entries_load_as_written_in_order_and_map_to_the_simulator_options()
    {
        var json = Embedded("{'simulator':{'transportFaults':[{'operation':'Login','kind':'status','status':401,'times':1},{'kind':'oversized','sizeBytes':4096},{'operation':'QuerySmsTaskInfo','kind':'trickle','times':2}]}}");

        var options = Load(json).Simulator!.ToOptions("u", "p");

        Assert.That(options.TransportFaults, Is.EqualTo(new[]
        {
            new SimulatedTransportFault { Operation = "Login", Kind = TransportFaultKind.Status, Status = 401, Times = 1 },
            new SimulatedTransportFault { Kind = TransportFaultKind.Oversized, SizeBytes = 4096 },
            new SimulatedTransportFault { Operation = "QuerySmsTaskInfo", Kind = TransportFaultKind.Trickle, Times = 2 },
        }));
    }

    [Test]
    public void Without_the_field_the_simulator_has_no_transport_faults()
    {
        var options = Load(Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy'}]}}")).Simulator!.ToOptions("u", "p");

        Assert.That(options.TransportFaults, Is.Empty);
    }

    [TestCase("{'kind':'Hang'}", "$.simulator.transportFaults[0].kind", "did you mean 'hang'")]
    [TestCase("{'kind':'explode'}", "$.simulator.transportFaults[0].kind", "use one of reset, hang, trickle, malformedJson, html, oversized, wrongContentType, status")]
    [TestCase("{'times':1}", "$.simulator.transportFaults[0].kind", "required field 'kind' is missing")]
    [TestCase("{'kind':'hang','operation':'Logout'}", "$.simulator.transportFaults[0].operation", "'Logout' cannot be given a transport fault")]
    [TestCase("{'kind':'hang','times':0}", "$.simulator.transportFaults[0].times", "out of range")]
    [TestCase("{'kind':'status'}", "$.simulator.transportFaults[0].status", "required field 'status' is missing for kind \"status\"")]
    [TestCase("{'kind':'status','status':500}", "$.simulator.transportFaults[0].status", "use one of 401, 403, 404, 502, 503")]
    [TestCase("{'kind':'html','status':503}", "$.simulator.transportFaults[0].status", "applies only to kind \"status\"")]
    [TestCase("{'kind':'hang','sizeBytes':10}", "$.simulator.transportFaults[0].sizeBytes", "applies only to kind \"oversized\"")]
    [TestCase("{'kind':'oversized','sizeBytes':0}", "$.simulator.transportFaults[0].sizeBytes", "out of range")]
    [TestCase("{'kind':'oversized','sizeBytes':1073741825}", "$.simulator.transportFaults[0].sizeBytes", "between 1 and 1073741824")]
    [TestCase("{'kind':'hang','time':1}", "$.simulator.transportFaults[0].time", "did you mean 'times'")]
    [TestCase("'hang'", "$.simulator.transportFaults[0]", "expected an object")]
    public void A_wrong_entry_is_reported_at_its_path(string entry, string path, string fragment)
    {
        var result = ProfileLoader.Parse(Embedded($"{{'simulator':{{'transportFaults':[{entry}]}}}}"), "sim.json");

        ProfileErrorAssert.HasError(result, path, fragment);
    }

    [Test]
    public void A_transportFaults_field_that_is_not_an_array_is_reported()
    {
        var result = ProfileLoader.Parse(Embedded("{'simulator':{'transportFaults':{'kind':'hang'}}}"), "sim.json");

        ProfileErrorAssert.HasError(result, "$.simulator.transportFaults", "expected an array");
    }

    private static Profile Load(string json)
    {
        var result = ProfileLoader.Parse(json, "test.json");
        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        return result.Profile!;
    }
}
