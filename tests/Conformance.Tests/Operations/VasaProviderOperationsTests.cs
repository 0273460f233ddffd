using Conformance.Operations;
using Harness.Oracle;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Requests;
using Harness.Wire.Serialization;

namespace Conformance.Tests.Operations;

/// <summary>
/// Every operation description agrees with VMware's type catalogue (the oracle): the method exists on VasaProvider,
/// its parameters are the argument's fields, it returns a task exactly when VMware's does, its results are subtypes of
/// the declared result, and its declared faults are the catalogue's. The bodies it builds are requests VMware's
/// definitions allow; the malformed ones are not.
/// </summary>
[TestFixture]
public sealed class VasaProviderOperationsTests
{
    private static readonly TypeCatalogue Catalogue = TypeCatalogue.Default;
    private static readonly WireValidator V803 = WireValidator.ForRelease("8.0.3.0");
    private static readonly ReplicationGroupId[] Groups = [ReplicationGroupId.Of("fd-A", "rg-1"), ReplicationGroupId.Of("fd-B", "rg-2")];

    /// <summary>The faults replication-lifecycle.md §1 lists per method (C, Q and the extras), each of which the description must accept.</summary>
    private static readonly Dictionary<string, string[]> DocumentedFaults = new(StringComparer.Ordinal)
    {
        ["QueryProviderInfo"] = ["RuntimeFault"],
        ["QueryReplicationPeer"] = Q(),
        ["QueryReplicationGroup"] = Q(),
        ["QueryPointInTimeReplica"] = [.. Q(), "InvalidArgument"],
        ["QueryActiveAlarm"] = [.. Q(), "InvalidArgument", "NotFound"],
        ["SyncReplicationGroup_Task"] = [.. C(), "SyncOngoing"],
        ["PrepareFailoverReplicationGroup_Task"] = [.. C(), "PeerNotReachable"],
        ["FailoverReplicationGroup_Task"] = [.. C(), "NoValidReplica", "PeerNotReachable"],
        ["TestFailoverReplicationGroupStart_Task"] = C(),
        ["TestFailoverReplicationGroupStop_Task"] = [.. C(), "NotSupportedByProvider"],
        ["PromoteReplicationGroup_Task"] = C(),
        ["ReverseReplicateGroup_Task"] = [.. C(), "InvalidReplicationState", "InvalidFunctionTarget", "AlreadyDone"],
        ["VasaProviderSync_Task"] = ["ProviderSyncFailed"],
        ["VasaProviderReconnect_Task"] = ["InvalidCertificate", "ProviderConnectionFailed"],
        ["VasaProviderRefreshCertificate_Task"] = ["CertificateRefreshFailed"],
        ["VasaProviderRevokeCertificate_Task"] = ["CertificateRevocationFailed"],
    };

    public static IEnumerable<TestCaseData> Operations() =>
        VasaProviderOperations.All.Select(o => new TestCaseData(o.Name).SetName($"{o.Name}_agrees_with_VMwares_type_catalogue"));

    public static IEnumerable<TestCaseData> GroupOperations() =>
        VasaProviderOperations.All.Where(o => o.Argument.NamesGroups).Select(o => new TestCaseData(o.Name).SetName($"{o.Name}_builds_bodies_VMwares_definitions_allow"));

    [Test]
    public void Every_VasaProvider_method_of_the_lifecycle_reference_is_described_once()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VasaProviderOperations.All.Select(o => o.Name), Is.Unique);
            Assert.That(VasaProviderOperations.All.Select(o => o.Name), Is.EquivalentTo(DocumentedFaults.Keys));
            Assert.That(VasaProviderOperations.Named("ReverseReplicateGroup_Task"), Is.SameAs(VasaProviderOperations.Reverse));
            Assert.That(VasaProviderOperations.Named("NoSuchMethod"), Is.Null);
        });
    }

    [TestCaseSource(nameof(Operations))]
    public void Each_description_agrees_with_the_type_catalogue(string name)
    {
        var operation = VasaProviderOperations.Named(name)!;
        var method = Catalogue.Method(operation.ManagedObject, operation.Name);
        Assert.That(method, Is.Not.Null, $"{operation.ManagedObject} has no method {operation.Name}");
        var result = method!.TaskResult.TrimEnd('[', ']');
        Assert.Multiple(() =>
        {
            Assert.That(operation.ManagedObject, Is.EqualTo("VasaProvider"));
            Assert.That(operation.Argument.Fields, Is.EqualTo(method.Parameters.Select(p => p.Name)), "the argument's fields are the method's parameters, in order");
            Assert.That(operation.ReturnsTask, Is.EqualTo(method.Returns == "sms.Task"), $"returns {method.Returns}");
            Assert.That(operation.ResultTypes, Is.Unique);
            if (method.TaskResult == "void")
            {
                Assert.That(operation.ResultTypes, Is.Empty, "the result is void");
            }

            foreach (var type in operation.ResultTypes)
            {
                var declared = Catalogue.DataTypeByWsdl(type);
                Assert.That(declared, Is.Not.Null, $"{type} is not a VMware type");
                Assert.That(Catalogue.IsSubtypeOf(declared!.Name, result), Is.True, $"{type} is not a {method.TaskResult}");
            }

            Assert.That(operation.DeclaredFaults, Is.EqualTo(method.Faults.Select(f => Catalogue.DataType(f)?.Wsdl)), "the declared faults are the catalogue's, by wire name");
            Assert.That(operation.DeclaredFaults.Where(f => Catalogue.DataTypeByWsdl(f) is null), Is.Empty, "every declared fault is a VMware type");
            Assert.That(operation.RequestType, Does.EndWith("RequestType").And.Not.Contain("_Task"));
            if (operation.Argument.NamesGroups)
            {
                Assert.That(operation.Argument.Fields, Does.Contain(operation.Argument.GroupsField!.Split('.')[0]), "the groups field is a parameter");
                Assert.That(operation.Precondition is not null || !operation.ChangesState, Is.True, "an operation that changes groups names the state they must be in");
            }
        });
    }

    [TestCaseSource(nameof(Operations))]
    public void Each_description_accepts_every_fault_the_lifecycle_reference_lists(string name)
    {
        var operation = VasaProviderOperations.Named(name)!;
        var refused = DocumentedFaults[operation.Name].Where(name => !operation.MayRaise(Fault(name))).ToList();
        Assert.That(refused, Is.Empty, $"{operation.Name} refuses faults replication-lifecycle.md §1 lists ({operation.DescribeFaults()})");
    }

    [Test]
    public void An_undeclared_fault_is_refused_and_a_subtype_of_a_declared_one_accepted()
    {
        var reverse = VasaProviderOperations.Reverse;
        Assert.Multiple(() =>
        {
            Assert.That(reverse.MayRaise(new NotFound()), Is.False, "NotFound is not declared for ReverseReplicateGroup_Task");
            Assert.That(reverse.MayRaise(new UnrecognizedFault { TypeName = "VendorSpecificFault" }), Is.False);
            Assert.That(reverse.MayRaise(new UnrecognizedFault()), Is.False, "a fault without _typeName");
            Assert.That(reverse.MayRaise(new InvalidReplicationState()), Is.True, "a subtype of the declared SmsReplicationFault");
            Assert.That(reverse.MayRaise(new InvalidArgument()), Is.True, "a RuntimeFault, as every method may raise");
            Assert.That(VasaProviderOperations.QueryReplicationGroup.MayRaise(new TooMany()), Is.False, "queries do not declare TooMany");
        });
    }

    [TestCaseSource(nameof(GroupOperations))]
    public void Each_group_operation_builds_bodies_VMwares_definitions_allow_and_malformed_ones_they_do_not(string name)
    {
        var operation = VasaProviderOperations.Named(name)!;
        var argument = operation.Argument;
        Assert.Multiple(() =>
        {
            Assert.That(V803.Request(operation.ManagedObject, operation.Name, argument.Body(Groups)), Is.Empty, argument.Body(Groups));
            Assert.That(V803.Request(operation.ManagedObject, operation.Name, argument.Body([])), Is.Empty, "an empty list is well-typed: the provider refuses it");
            Assert.That(argument.Missing.Select(m => m.Adjective), Is.EqualTo(new[] { "Empty", "Absent", "Null" }));
            Assert.That(argument.Body(null), Is.EqualTo(argument.Absent));
            foreach (var (what, body) in argument.Malformed(ReplicationGroupId.Of("conformance-fd", "conformance-malformed-0-run")))
            {
                Assert.That(V803.Request(operation.ManagedObject, operation.Name, body), Is.Not.Empty, $"{operation.Name}: the malformed body where {what} is off-spec: {body}");
                Assert.That(body, Does.Not.Contain("fd-A"), "a malformed body names only the made-up group");
            }
        });
    }

    [Test]
    public void Reverses_body_is_the_clients_own_request()
    {
        var argument = VasaProviderOperations.Reverse.Argument;
        Assert.Multiple(() =>
        {
            Assert.That(argument.Body(Groups), Is.EqualTo(WireJson.Serialize(new ReverseReplicateGroupRequest { GroupId = [.. Groups] })));
            Assert.That(argument.Body([]), Is.EqualTo(WireJson.Serialize(new ReverseReplicateGroupRequest { GroupId = [] })));
            Assert.That(argument.Missing, Is.EqualTo(new[] { ("Empty", "{\"groupId\":[]}"), ("Absent", "{}"), ("Null", "{\"groupId\":null}") }));
        });
    }

    [Test]
    public void Only_operations_the_client_can_send_have_senders()
    {
        Assert.That(VasaProviderOperations.All.Where(o => o.Send is not null).Select(o => o.Name), Is.EqualTo(VasaProviderOperations.All.Where(o => o.Transition is not null).Select(o => o.Name)), "every operation of the lifecycle, and no other");
        Assert.That(VasaProviderOperations.All.Where(o => o.Transition is not null).ToList(), Has.Count.EqualTo(7));
        Assert.That(() => VasaProviderOperations.VasaProviderSync.RequireSend(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("VasaProviderSync_Task"));
    }

    private static string[] C() => ["InvalidArgument", "NotImplemented", "ProviderUnavailable", "ProviderOutOfResource", "InactiveProvider", "TooMany", "ProviderBusy", "SmsReplicationFault"];

    private static string[] Q() => ["NotImplemented", "ProviderUnavailable", "InactiveProvider", "ProviderBusy", "QueryExecutionFault"];

    /// <summary>A fault of that wire name: the model's own type when it has one, else an unrecognised fault carrying the name.</summary>
    private static MethodFault Fault(string name) =>
        WireTypeRegistry.TypeOf(name) is { IsAbstract: false } type ? (MethodFault)Activator.CreateInstance(type)! : new UnrecognizedFault { TypeName = name };
}
