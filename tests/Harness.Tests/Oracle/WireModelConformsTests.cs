using System.Text.Json.Serialization.Metadata;
using Harness.Oracle;
using Harness.Wire;
using Harness.Wire.Requests;
using Harness.Wire.Serialization;

namespace Harness.Tests.Oracle;

/// <summary>
/// Every C# wire type held against VMware's type definitions: its <c>_typeName</c> is a WSDL name, and each property
/// the serializer writes is a property of that WSDL type or an ancestor, with no extras (the <c>key</c> leak this
/// test was written for). Request types are held against their method's parameters.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WireModelConformsTests
{
    private static TypeCatalogue Catalogue => TypeCatalogue.Default;

    /// <summary>Every registered wire type: its WSDL name and C# type.</summary>
    public static IEnumerable<TestCaseData> WireTypes =>
        WireTypeRegistry.Names.Order(StringComparer.Ordinal).Select(n => new TestCaseData(n).SetName($"Wire_type_{n}_writes_only_properties_of_its_WSDL_type"));

    [TestCaseSource(nameof(WireTypes))]
    public void Each_wire_type_writes_only_properties_of_its_WSDL_type(string wsdl)
    {
        var type = WireTypeRegistry.TypeOf(wsdl)!;
        var written = Written(type);
        if (wsdl == "ManagedObjectReference")
        {
            // Not a data type in VMODL: the runtime's reference, {type, value} (serverGuid as govmomi models it).
            Assert.That(written, Is.SubsetOf(new[] { "_typeName", "type", "value", "serverGuid" }));
            return;
        }

        var declared = Catalogue.DataTypeByWsdl(wsdl);
        Assert.That(declared, Is.Not.Null, $"{type.Name} is registered as '{wsdl}', which VMware's type definitions do not know");
        var allowed = Catalogue.PropertiesOf(declared!.Name).Keys.Append("_typeName");
        Assert.That(written, Is.SubsetOf(allowed), $"{type.Name} writes properties that {wsdl} does not have");
    }

    [TestCase(typeof(ReverseReplicateGroupRequest), "VasaProvider", "ReverseReplicateGroup_Task")]
    [TestCase(typeof(QueryReplicationGroupRequest), "VasaProvider", "QueryReplicationGroup")]
    [TestCase(typeof(LoginRequest), "SessionManager", "Login")]
    [TestCase(typeof(QueryReplicationPeerRequest), "VasaProvider", "QueryReplicationPeer")]
    [TestCase(typeof(QueryPointInTimeReplicaRequest), "VasaProvider", "QueryPointInTimeReplica")]
    [TestCase(typeof(QueryActiveAlarmRequest), "VasaProvider", "QueryActiveAlarm")]
    [TestCase(typeof(VasaProviderSyncRequest), "VasaProvider", "VasaProviderSync_Task")]
    [TestCase(typeof(QueryFaultDomainRequest), "SmsStorageManager", "QueryFaultDomain")]
    [TestCase(typeof(QueryReplicationGroupInfoRequest), "SmsStorageManager", "QueryReplicationGroupInfo")]
    [TestCase(typeof(SyncReplicationGroupRequest), "VasaProvider", "SyncReplicationGroup_Task")]
    [TestCase(typeof(PrepareFailoverReplicationGroupRequest), "VasaProvider", "PrepareFailoverReplicationGroup_Task")]
    [TestCase(typeof(FailoverReplicationGroupRequest), "VasaProvider", "FailoverReplicationGroup_Task")]
    [TestCase(typeof(TestFailoverReplicationGroupStartRequest), "VasaProvider", "TestFailoverReplicationGroupStart_Task")]
    [TestCase(typeof(TestFailoverReplicationGroupStopRequest), "VasaProvider", "TestFailoverReplicationGroupStop_Task")]
    [TestCase(typeof(PromoteReplicationGroupRequest), "VasaProvider", "PromoteReplicationGroup_Task")]
    public void Each_request_type_writes_only_its_method_parameters(Type request, string managed, string method)
    {
        var parameters = Catalogue.Method(managed, method)!.Parameters.Select(p => p.Name);
        Assert.That(Written(request), Is.SubsetOf(parameters));
    }

    [Test]
    public void A_group_id_read_from_a_provider_is_sent_without_the_fields_it_echoed()
    {
        var echoed = WireJson.TryDeserialize<ReplicationGroupId>("""{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"fd-A"},"deviceGroupId":{"_typeName":"DeviceGroupId","id":"rg-1"},"vendorField":1}""", out var id, out _);
        Assert.That(echoed, Is.True);
        var body = WireJson.Serialize(new ReverseReplicateGroupRequest { GroupId = [ReplicationGroupId.Of(id!.FaultDomainId!.Id!, id.DeviceGroupId!.Id!)] });
        var problems = new WireValidator(Catalogue, TypeCatalogue.ParseRelease("8.0.3.0")).Request("VasaProvider", "ReverseReplicateGroup_Task", body);
        Assert.That(problems, Is.Empty, body);
    }

    /// <summary>The JSON names the serializer writes for a type (extension data aside: it only echoes what was read).</summary>
    private static IReadOnlyList<string> Written(Type type)
    {
        var info = WireJson.Options.GetTypeInfo(type);
        return info.Properties.Where(p => p.Get is not null && !IsExtensionData(p)).Select(p => p.Name).ToList();
    }

    private static bool IsExtensionData(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(System.Text.Json.Serialization.JsonExtensionDataAttribute), inherit: true) == true;
}
