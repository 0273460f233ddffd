using Harness.Profiles;

namespace Harness.Tests.Profiles;

[TestFixture]
public sealed class ProfileTransportFieldsTests
{
    private const string Credentials = "\"credentials\": { \"userNameEnv\": \"U\", \"passwordEnv\": \"P\" }";

    [Test]
    public void Plain_http_to_a_remote_host_needs_the_explicit_opt_in()
    {
        var refused = ProfileLoader.Parse($$"""{ "name": "p", "target": "http://10.0.0.5", {{Credentials}} }""", "p.json");
        var allowed = ProfileLoader.Parse($$"""{ "name": "p", "target": "http://10.0.0.5", "allowPlainHttp": true, {{Credentials}} }""", "p.json");
        Assert.Multiple(() =>
        {
            Assert.That(refused.Errors.Single().Message, Does.Contain("allowPlainHttp"));
            Assert.That(allowed.Profile?.Target.BaseUri?.ToString(), Is.EqualTo("http://10.0.0.5/"));
            Assert.That(allowed.Profile?.AllowPlainHttp, Is.True);
        });
    }

    [Test]
    public void Call_timeout_and_response_cap_have_defaults_and_ranges()
    {
        var defaults = ProfileLoader.Parse("""{ "name": "p", "target": "embedded" }""", "p.json").Profile!;
        var set = ProfileLoader.Parse("""{ "name": "p", "target": "embedded", "callTimeoutSeconds": 5, "maxResponseBytes": 4096, "baseline": "known.json" }""", "p.json").Profile!;
        var bad = ProfileLoader.Parse("""{ "name": "p", "target": "embedded", "callTimeoutSeconds": 0, "maxResponseBytes": 10 }""", "p.json");
        Assert.Multiple(() =>
        {
            Assert.That(defaults.CallTimeoutSeconds, Is.EqualTo(60));
            Assert.That(defaults.MaxResponseBytes, Is.EqualTo(16 * 1024 * 1024));
            Assert.That((set.CallTimeoutSeconds, set.MaxResponseBytes, set.Baseline), Is.EqualTo((5, 4096L, "known.json")));
            Assert.That(bad.Errors.Select(e => e.Path), Is.EquivalentTo(new[] { "$.callTimeoutSeconds", "$.maxResponseBytes" }));
        });
    }

    [Test]
    public void Keep_waiting_after_a_stuck_task_is_off_by_default_and_must_be_a_boolean()
    {
        var defaults = ProfileLoader.Parse("""{ "name": "p", "target": "embedded" }""", "p.json").Profile!;
        var set = ProfileLoader.Parse("""{ "name": "p", "target": "embedded", "keepWaitingAfterStuckTask": true }""", "p.json").Profile!;
        var bad = ProfileLoader.Parse("""{ "name": "p", "target": "embedded", "keepWaitingAfterStuckTask": "yes" }""", "p.json");
        Assert.Multiple(() =>
        {
            Assert.That(defaults.KeepWaitingAfterStuckTask, Is.False, "by default, checks stop waiting after the first stuck task");
            Assert.That(set.KeepWaitingAfterStuckTask, Is.True);
            Assert.That(bad.Errors.Select(e => (e.Path, e.Message)), Is.EqualTo(new[] { ("$.keepWaitingAfterStuckTask", "expected a boolean (true or false), got a string") }));
        });
    }
}
