using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;
using Harness.Wire.Serialization;
using Harness.Wire.Tasks;

namespace Harness.Tests.Wire.Serialization;

[TestFixture]
public sealed class PolymorphicConverterFactoryTests
{
    [Test]
    public void A_fault_body_becomes_its_typed_fault_with_subtype_fields()
    {
        const string body = """{"_typeName":"TooMany","maxBatchSize":4,"faultMessage":[{"_typeName":"LocalizableMessage","key":"k","message":"m"}]}""";
        var fault = Deserialize<MethodFault>(body);
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.TypeOf<TooMany>());
            Assert.That(((TooMany)fault!).MaxBatchSize, Is.EqualTo(4));
            Assert.That(fault.FaultMessage![0].Key, Is.EqualTo("k"));
        });
    }

    [Test]
    public void An_unknown_fault_typeName_is_kept_with_its_raw_json_and_fields()
    {
        const string body = """{"_typeName":"VendorSpecificFault","vendorCode":17,"faultCause":{"_typeName":"NotFound"}}""";
        var fault = Deserialize<MethodFault>(body);
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.TypeOf<UnrecognizedFault>());
            Assert.That(fault!.TypeName, Is.EqualTo("VendorSpecificFault"));
            Assert.That(((UnrecognizedFault)fault).Raw.GetProperty("vendorCode").GetInt32(), Is.EqualTo(17));
            Assert.That(fault.Extra!.ContainsKey("vendorCode"), Is.True);
            Assert.That(fault.FaultCause, Is.TypeOf<NotFound>());
        });
    }

    [Test]
    public void A_fault_without_typeName_is_kept_as_unrecognised_with_a_null_name()
    {
        var fault = Deserialize<MethodFault>("""{"invalidProperty":"groupId"}""");
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.TypeOf<UnrecognizedFault>());
            Assert.That(fault!.TypeName, Is.Null);
        });
    }

    [Test]
    public void Subtype_relations_follow_the_fault_hierarchy()
    {
        var fault = Deserialize<MethodFault>("""{"_typeName":"InvalidReplicationState","currentState":"SOURCE"}""");
        Assert.Multiple(() =>
        {
            Assert.That(fault!.IsA("SmsReplicationFault"), Is.True);
            Assert.That(fault.IsA("InvalidArgument"), Is.False);
            Assert.That(Deserialize<MethodFault>("""{"_typeName":"NotAuthenticated"}""")!.IsA("NoPermission"), Is.True);
            Assert.That(fault.IsA("MethodFault"), Is.True, "the abstract base counts");
            Assert.That(Deserialize<MethodFault>("""{"_typeName":"NoSuchFault"}""")!.IsA("MethodFault"), Is.True, "an unrecognised fault is still a MethodFault");
            Assert.That(Harness.Wire.Serialization.WireTypeRegistry.IsSubtypeOf("ReverseReplicationSuccessResult", "GroupOperationResult"), Is.True);
            Assert.That(Harness.Wire.Serialization.WireTypeRegistry.IsSubtypeOf("ReverseReplicationSuccessResult", "GroupErrorResult"), Is.False);
        });
    }

    [Test]
    public void A_boxed_result_array_is_read_polymorphically()
    {
        const string info = """
            {"_typeName":"SmsTaskInfo","key":"t","state":"success","result":{"_typeName":"ArrayOfGroupOperationResult","_value":[
              {"_typeName":"ReverseReplicationSuccessResult","groupId":{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"fd"},"deviceGroupId":{"_typeName":"DeviceGroupId","id":"rg"}},"newGroupId":{"_typeName":"DeviceGroupId","id":"rg2"}},
              {"_typeName":"GroupErrorResult","groupId":{"faultDomainId":{"id":"fd"},"deviceGroupId":{"id":"x"}},"error":[{"_typeName":"InvalidReplicationState","currentState":"TARGET"}]},
              {"_typeName":"SomethingNew","groupId":{"faultDomainId":{"id":"fd"},"deviceGroupId":{"id":"y"}}}]}}
            """;
        var task = Deserialize<SmsTaskInfo>(info)!;
        var boxed = task.Result as BoxedArray;
        Assert.That(boxed, Is.Not.Null);
        Assert.That(boxed!.TryReadItems<GroupOperationResult>(out var items, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(items![0], Is.TypeOf<ReverseReplicationSuccessResult>());
            Assert.That(((GroupErrorResult)items[1]).Error![0], Is.TypeOf<InvalidReplicationState>());
            Assert.That(items[2], Is.TypeOf<UnrecognizedGroupOperationResult>());
            Assert.That(items[2].TypeName, Is.EqualTo("SomethingNew"));
            Assert.That(items[2].GroupId!.Key, Is.EqualTo("fd/y"));
        });
    }

    [Test]
    public void A_bare_array_in_an_anyType_slot_is_kept_as_a_bare_array()
    {
        var task = Deserialize<SmsTaskInfo>("""{"state":"success","result":[{"_typeName":"GroupOperationResult"}]}""")!;
        Assert.That(task.Result, Is.TypeOf<BareArray>());
    }

    [Test]
    public void Objects_built_in_code_serialise_with_their_wsdl_typeName()
    {
        var json = WireJson.Serialize(new BareGroupOperationResult { GroupId = ReplicationGroupId.Of("fd", "rg"), Warning = [new AlreadyDone()] });
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.StartWith("{\"_typeName\":\"GroupOperationResult\""));
            Assert.That(json, Does.Contain("\"_typeName\":\"AlreadyDone\""));
            Assert.That(json, Does.Contain("\"_typeName\":\"ReplicationGroupId\""));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool Any_json_in_a_fault_slot_is_kept_and_never_throws(string? typeName, int number)
    {
        var body = $$"""{"_typeName":{{System.Text.Json.JsonSerializer.Serialize(typeName)}},"n":{{number}}}""";
        var fault = Deserialize<MethodFault>(body);
        return fault is not null && (fault is UnrecognizedFault u ? u.TypeName == typeName : fault.TypeName == typeName);
    }

    private static T? Deserialize<T>(string json)
    {
        Assert.That(WireJson.TryDeserialize<T>(json, out var value, out var error), Is.True, error);
        return value;
    }
}
