using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;

namespace Harness.Tests.Client;

[TestFixture]
public sealed class SmsClientTests
{
    private static readonly ProviderCall Call = new() { CorrelationId = "c", Operation = "op", HttpMethod = "POST", Url = "http://x" };

    [Test]
    public void A_500_with_a_MethodFault_body_is_a_typed_fault_not_an_exception()
    {
        var r = SmsClient.Interpret<ManagedObjectReference>(500, "application/json", """{"_typeName":"InvalidArgument","invalidProperty":"groupId"}""", Call);
        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(OutcomeKind.Fault));
            Assert.That(r.Fault, Is.TypeOf<InvalidArgument>());
            Assert.That(r.Call, Is.SameAs(Call));
        });
    }

    [TestCase(500, "text/html", "<html>oops</html>", "content type 'text/html'")]
    [TestCase(500, "application/json", "[1,2]", "without a MethodFault body")]
    [TestCase(200, "application/json", "not json", "is not a ManagedObjectReference")]
    [TestCase(200, "text/plain", "{}", "instead of application/json")]
    [TestCase(401, "text/plain", "no", "authentication or permission refused")]
    [TestCase(404, "text/html", "", "wrong URL")]
    [TestCase(503, "text/html", "", "service is down")]
    public void Responses_outside_the_wire_contract_are_protocol_violations(int status, string contentType, string body, string expected)
    {
        var r = SmsClient.Interpret<ManagedObjectReference>(status, contentType, body, Call);
        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation));
            Assert.That(r.Problem, Does.Contain(expected));
        });
    }

    [Test]
    public void A_200_MoRef_is_a_value()
    {
        var r = SmsClient.Interpret<ManagedObjectReference>(200, "application/json", """{"_typeName":"ManagedObjectReference","type":"SmsTask","value":"t-1"}""", Call);
        Assert.That(r.Value?.ToString(), Is.EqualTo("SmsTask:t-1"));
    }

    [Test]
    public void An_empty_task_result_is_a_null_value_not_a_violation()
    {
        var r = SmsClient.Interpret<DataObject>(204, null, string.Empty, Call);
        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(OutcomeKind.Value));
            Assert.That(r.Value, Is.Null);
        });
    }
}
