using System.Text.Json;
using Harness.Oracle;

namespace Harness.Tests.Oracle;

/// <summary>The oracle judges each rule, names the JSON path, and never throws.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WireValidatorTests
{
    private const string GroupId = """{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"fd-A"},"deviceGroupId":{"_typeName":"DeviceGroupId","id":"rg-1"}}""";

    private static readonly WireValidator V803 = new(TypeCatalogue.Default, TypeCatalogue.ParseRelease("8.0.3.0"));

    private static IReadOnlyList<WireProblem> Value(string json, string declared, WireValidator? validator = null) =>
        (validator ?? V803).Value(JsonDocument.Parse(json).RootElement, declared);

    [Test]
    public void A_well_formed_group_id_has_no_problem() =>
        Assert.That(Value(GroupId, "vim.vm.replication.ReplicationGroupId"), Is.Empty);

    [Test]
    public void An_extra_property_is_a_SHOULD_with_its_path()
    {
        var problems = Value(GroupId.Replace("\"_typeName\":\"ReplicationGroupId\",", "\"_typeName\":\"ReplicationGroupId\",\"key\":\"fd-A/rg-1\","), "vim.vm.replication.ReplicationGroupId");
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That((problems[0].Rule, problems[0].Level, problems[0].Path), Is.EqualTo((WireRule.UnknownProperty, WireLevel.Should, "$.key")));
    }

    [Test]
    public void A_missing_required_property_is_a_MUST()
    {
        var problems = Value("""{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"fd-A"}}""", "vim.vm.replication.ReplicationGroupId");
        Assert.That(problems.Select(p => (p.Rule, p.Path)), Is.EqualTo(new[] { (WireRule.MissingRequired, "$.deviceGroupId") }));
    }

    [Test]
    public void A_null_required_property_is_missing() =>
        Assert.That(Value("""{"_typeName":"DeviceGroupId","id":null}""", "vim.vm.replication.DeviceGroupId").Single().Rule, Is.EqualTo(WireRule.MissingRequired));

    [Test]
    public void An_unknown_typeName_and_a_type_that_does_not_fit_are_MUSTs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Value("""{"_typeName":"VasaInvalidArgumentFault"}""", "vmodl.MethodFault").Single().Rule, Is.EqualTo(WireRule.UnknownType));
            Assert.That(Value("""{"_typeName":"FaultDomainId","id":"x"}""", "vim.vm.replication.ReplicationGroupId").Single().Rule, Is.EqualTo(WireRule.NotASubtype));
            Assert.That(Value("""{"_typeName":"InvalidReplicationState","currentState":"TARGET","desiredState":["FAILEDOVER"]}""", "vmodl.MethodFault"), Is.Empty, "a subtype fits its ancestor's slot");
        });
    }

    [Test]
    public void Enum_values_are_checked_in_enum_slots_and_in_documented_string_fields()
    {
        const string Info = """{"_typeName":"SmsTaskInfo","key":"t","task":{"_typeName":"ManagedObjectReference","type":"SmsTask","value":"t"},"state":"done"}""";
        Assert.Multiple(() =>
        {
            Assert.That(Value(Info, "sms.TaskInfo").Single().Path, Is.EqualTo("$.state"));
            Assert.That(Value(Info, "sms.TaskInfo").Single().Rule, Is.EqualTo(WireRule.IllegalEnumValue));
            Assert.That(Value(Info.Replace("done", "success"), "sms.TaskInfo"), Is.Empty);
            Assert.That(Value("\"REMOTE_FAILED_OVER\"", "sms.storage.replication.ReplicationState").Single().Rule, Is.EqualTo(WireRule.IllegalEnumValue));
        });
    }

    [TestCase("\"8\"", "long")]
    [TestCase("8.5", "long")]
    [TestCase("3000000000", "int")]
    [TestCase("\"yes\"", "boolean")]
    [TestCase("\"yesterday\"", "vmodl.DateTime")]
    [TestCase("42", "string")]
    [TestCase("{\"_typeName\":\"ReplicationGroupId\"}", "vim.vm.replication.ReplicationGroupId[]")]
    public void Primitives_and_arrays_need_their_JSON_type(string json, string declared) =>
        Assert.That(Value(json, declared).Single().Rule, Is.EqualTo(WireRule.WrongJsonType));

    [TestCase("8", "long")]
    [TestCase("true", "boolean")]
    [TestCase("\"2026-11-29T20:00:00.123Z\"", "vmodl.DateTime")]
    [TestCase("[]", "vim.vm.replication.ReplicationGroupId[]")]
    public void Well_typed_primitives_pass(string json, string declared) =>
        Assert.That(Value(json, declared), Is.Empty);

    [Test]
    public void AnyType_values_are_followed_through_their_boxes()
    {
        var boxed = $$$"""{"_typeName":"ArrayOfGroupOperationResult","_value":[{"_typeName":"ReverseReplicationSuccessResult","groupId":{{{GroupId}}},"newGroupId":{"_typeName":"DeviceGroupId","id":"rg-2"}}]}""";
        Assert.Multiple(() =>
        {
            Assert.That(Value(boxed, "anyType"), Is.Empty);
            Assert.That(Value(boxed.Replace("\"newGroupId\":{\"_typeName\":\"DeviceGroupId\",\"id\":\"rg-2\"}", "\"newGroupId\":{\"_typeName\":\"DeviceGroupId\"}"), "anyType").Single().Path, Is.EqualTo("$._value[0].newGroupId.id"));
            Assert.That(Value("""{"_typeName":"ArrayOfNoSuchThing","_value":[]}""", "anyType").Single().Rule, Is.EqualTo(WireRule.UnknownType));
            Assert.That(Value("""{"_typeName":"long","_value":"8"}""", "anyType").Single().Rule, Is.EqualTo(WireRule.WrongJsonType));
            Assert.That(Value("""{"_typeName":"ReplicationReplicationState","_value":"SOURCE"}""", "anyType"), Is.Empty, "a boxed enum");
            Assert.That(Value("""{"id":"x"}""", "anyType").Single().Rule, Is.EqualTo(WireRule.UntypedValue));
            Assert.That(Value("\"x\"", "anyType").Single().Rule, Is.EqualTo(WireRule.UntypedValue));
            Assert.That(Value($"[{GroupId}]", "anyType").Single().Level, Is.EqualTo(WireLevel.Note), "a bare array in an anyType slot is an accepted reading");
        });
    }

    [Test]
    public void MoRefs_need_a_type_and_a_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Value("""{"_typeName":"ManagedObjectReference","type":"SmsTask","value":"t-1"}""", "sms.Task"), Is.Empty);
            Assert.That(Value("""{"_typeName":"ManagedObjectReference","type":"SmsTask"}""", "sms.Task").Single().Path, Is.EqualTo("$.value"));
            Assert.That(Value("""{"_typeName":"ManagedObjectReference","type":"SmsTask","value":7}""", "sms.Task").Single().Rule, Is.EqualTo(WireRule.WrongJsonType));
            Assert.That(Value("""{"_typeName":"SmsTask","type":"SmsTask","value":"t"}""", "sms.Task").Single().Rule, Is.EqualTo(WireRule.NotASubtype));
        });
    }

    [Test]
    public void A_missing_typeName_is_read_as_the_declared_type_and_reported_as_a_SHOULD()
    {
        var problems = Value("""{"id":"fd-A"}""", "vim.vm.replication.FaultDomainId");
        Assert.That(problems.Select(p => (p.Rule, p.Level)), Is.EqualTo(new[] { (WireRule.MissingTypeName, WireLevel.Should) }));
    }

    [Test]
    public void A_property_newer_than_the_run_release_is_reported_only_for_older_releases()
    {
        const string Target = """{"_typeName":"TargetGroupInfo","groupId":{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"a"},"deviceGroupId":{"_typeName":"DeviceGroupId","id":"b"}},"sourceInfo":{"_typeName":"TargetToSourceInfo","sourceGroupId":{"_typeName":"ReplicationGroupId","faultDomainId":{"_typeName":"FaultDomainId","id":"c"},"deviceGroupId":{"_typeName":"DeviceGroupId","id":"d"}}},"state":"TARGET","name":"n"}""";
        var v801 = new WireValidator(TypeCatalogue.Default, TypeCatalogue.ParseRelease("8.0.1.0"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(Target, "sms.storage.replication.GroupInfo"), Is.Empty);
            Assert.That(Value(Target, "sms.storage.replication.GroupInfo", v801).Single().Rule, Is.EqualTo(WireRule.NewerThanRelease));
        });
    }

    [Test]
    public void Requests_are_judged_against_the_method_parameters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", $$"""{"groupId":[{{GroupId}}]}"""), Is.Empty);
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", "{}"), Is.Empty, "groupId is optional in the types; the provider refuses it with InvalidArgument");
            Assert.That(V803.Request("VasaProvider", "QueryProviderInfo", null), Is.Empty, "no body for a method without parameters");
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", """{"groupIds":[]}""")!.Single().Rule, Is.EqualTo(WireRule.UnknownProperty));
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", """{"groupId":"fd-A/rg-1"}""")!.Single().Rule, Is.EqualTo(WireRule.WrongJsonType));
            Assert.That(V803.Request("VasaProvider", "SyncReplicationGroup_Task", $$"""{"groupId":[{{GroupId}}]}""")!.Single().Path, Is.EqualTo("$.pitName"));
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", """{"_typeName":"ReverseReplicateGroupRequestType"}"""), Is.Empty, "the WSDL request type (vim_rs)");
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", """{"_typeName":"ReverseReplicateGroup_Task"}"""), Is.Empty, "the method name (govmomi)");
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", """{"_typeName":"Nonsense"}""")!.Single().Rule, Is.EqualTo(WireRule.UnknownType));
            Assert.That(V803.Request("VasaProvider", "ReverseReplicateGroup_Task", "not json")!.Single().Rule, Is.EqualTo(WireRule.WrongJsonType));
            Assert.That(V803.Request("VasaProvider", "NoSuchMethod", "{}"), Is.Null, "an unknown method is not judged here");
        });
    }

    [Test]
    public void Responses_are_judged_by_status_a_200_by_the_return_type_a_500_as_a_MethodFault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(V803.Response("VasaProvider", "ReverseReplicateGroup_Task", 200, """{"_typeName":"ManagedObjectReference","type":"SmsTask","value":"t"}"""), Is.Empty);
            Assert.That(V803.Response("VasaProvider", "ReverseReplicateGroup_Task", 500, """{"_typeName":"TooMany","maxBatchSize":"8"}""")!.Single().Path, Is.EqualTo("$.maxBatchSize"));
            Assert.That(V803.Response("VasaProvider", "QueryReplicationGroup", 200, "[]"), Is.Empty);
            Assert.That(V803.Response("VasaProvider", "QueryReplicationGroup", 404, "<html/>"), Is.Null, "other statuses are judged by the fault-envelope clauses");
            Assert.That(V803.Response("VasaProvider", "QueryReplicationGroup", 200, "{not json"), Is.Null);
        });
    }

    [Test]
    public void A_flood_of_problems_is_capped()
    {
        var many = "[" + string.Join(',', Enumerable.Repeat("\"x\"", 500)) + "]";
        Assert.That(Value(many, "long[]"), Has.Count.EqualTo(WireValidator.MaxProblems));
    }

    [TestCase("https://vc.example.com/sdk/vim25/8.0.3.0/sms/VasaProvider/vp-1/ReverseReplicateGroup_Task", "VasaProvider", "ReverseReplicateGroup_Task")]
    [TestCase("https://vc.example.com/sdk/vim25/8.0.3.0/SessionManager/SessionManager/Login", "SessionManager", "Login")]
    [TestCase("https://vc.example.com/sdk/vim25/8.0.3.0/ServiceInstance/ServiceInstance/content", "ServiceInstance", "content")]
    public void Urls_name_the_managed_type_and_method(string url, string managed, string method)
    {
        Assert.That(WireValidator.TryParseUrl(url, out var m, out var x), Is.True);
        Assert.That((m, x), Is.EqualTo((managed, method)));
    }
}
