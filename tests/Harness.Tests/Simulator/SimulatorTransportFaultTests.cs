using System.Diagnostics;
using Harness.Client;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire.Faults;
using static Harness.Tests.Simulator.SimulatorFixtures;

namespace Harness.Tests.Simulator;

/// <summary>Transport faults: each kind of broken HTTP exchange, and the raw client outcome it produces.</summary>
[TestFixture]
public sealed class SimulatorTransportFaultTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    public static IEnumerable<int> Statuses => SimulatedTransportFault.Statuses;

    [Test]
    public async Task A_reset_cuts_the_connection_mid_response_and_the_client_reports_a_broken_connection()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Reset, Times = 1 });
        var c = await ConnectAsync(server, ShortTimeout);

        var cut = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        var next = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver2]);

        Assert.Multiple(() =>
        {
            Assert.That(cut.Kind, Is.EqualTo(OutcomeKind.TransportError), cut.Describe());
            Assert.That(cut.Problem, Does.StartWith("connection broken"));
            Assert.That(cut.Call.Status, Is.EqualTo(200), "the headers arrived before the cut");
            Assert.That(next.IsValue, Is.True, "times: 1 breaks only the first call; " + next.Describe());
        });
    }

    [Test]
    public async Task A_hang_is_cut_off_by_the_per_call_timeout_and_the_server_still_stops_promptly()
    {
        var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Hang });
        try
        {
            var c = await ConnectAsync(server, ShortTimeout);
            var clock = Stopwatch.StartNew();
            var hung = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
            var waited = clock.Elapsed;

            // A second hanging call still in flight while the server is disposed.
            var inFlight = c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
            await Task.Delay(200);
            clock.Restart();
            server.Dispose();
            var disposal = clock.Elapsed;
            await inFlight;

            Assert.Multiple(() =>
            {
                Assert.That(hung.Kind, Is.EqualTo(OutcomeKind.TransportError), hung.Describe());
                Assert.That(hung.Problem, Does.Contain("per-call timeout"));
                Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)).And.LessThan(TimeSpan.FromSeconds(5)));
                Assert.That(disposal, Is.LessThan(TimeSpan.FromSeconds(5)), "dispose waited for the hanging answer");
                Assert.That(server.Provider.Requests.Count(r => r.Operation == "ReverseReplicateGroup_Task"), Is.Zero, "a hang answers in the provider's place");
            });
        }
        finally
        {
            server.Dispose();
        }
    }

    [Test]
    public async Task A_trickling_body_is_cut_off_by_the_per_call_timeout_although_the_headers_came_at_once()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Trickle, Times = 1 });
        var c = await ConnectAsync(server, ShortTimeout);

        var clock = Stopwatch.StartNew();
        var trickled = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(trickled.Kind, Is.EqualTo(OutcomeKind.TransportError), trickled.Describe());
            Assert.That(trickled.Problem, Does.Contain("per-call timeout"));
            Assert.That(trickled.Call.Status, Is.EqualTo(200), "the headers came at once");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public async Task Malformed_JSON_in_a_500_is_a_protocol_violation()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.MalformedJson });
        var c = await ConnectAsync(server, ShortTimeout);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation), result.Describe());
            Assert.That(result.Problem, Does.Contain("without a MethodFault body"));
            Assert.That(result.Call.ResponseBody, Does.StartWith("{\"_typeName\":\"InvalidArgument\","));
            Assert.That(result.Call.ResponseHeaders["Content-Type"], Does.StartWith("application/json"));
        });
    }

    [Test]
    public async Task An_HTML_error_page_is_a_protocol_violation_naming_the_content_type()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Html });
        var c = await ConnectAsync(server, ShortTimeout);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation), result.Describe());
            Assert.That(result.Problem, Does.Contain("HTTP 500 with content type 'text/html'"));
        });
    }

    [Test]
    public async Task An_oversized_body_is_aborted_at_the_cap_not_buffered()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Oversized, SizeBytes = 1024 * 1024 });
        var c = await ConnectAsync(server, TimeSpan.FromSeconds(5), maxResponseBytes: 64 * 1024);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.TransportError), result.Describe());
            Assert.That(result.Problem, Does.Contain("exceeds the 65536 byte cap"));
            Assert.That(result.Call.ResponseBody, Is.Null, "nothing of the body is kept");
            Assert.That(result.Call.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task An_oversized_body_under_the_cap_is_the_exact_size_and_starts_like_a_MoRef()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Oversized, SizeBytes = 100_000 });
        var c = await ConnectAsync(server, TimeSpan.FromSeconds(5));

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Call.ResponseBody, Has.Length.EqualTo(100_000));
            Assert.That(result.Call.ResponseBody, Does.StartWith("{\"_typeName\":\"ManagedObjectReference\"").And.EndWith("xx\"}"));
            Assert.That(result.IsValue, Is.True, "a huge but well-formed MoRef is still a MoRef; " + result.Describe());
        });
    }

    [Test]
    public async Task The_real_answer_as_text_plain_is_a_protocol_violation_naming_the_content_type()
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.WrongContentType });
        var c = await ConnectAsync(server, ShortTimeout);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation), result.Describe());
            Assert.That(result.Problem, Does.Contain("HTTP 200 with content type 'text/plain' instead of application/json"));
            Assert.That(result.Call.ResponseBody, Does.Contain("\"_typeName\":\"ManagedObjectReference\""), "the body is the real one");
            Assert.That(server.Provider.Requests.Count(r => r.Operation == "ReverseReplicateGroup_Task"), Is.EqualTo(1), "the model handled the call");
        });
    }

    [TestCaseSource(nameof(Statuses))]
    public async Task A_bare_HTTP_status_in_place_of_a_fault_is_a_protocol_violation_naming_the_status(int status)
    {
        using var server = Start(new SimulatedTransportFault { Kind = TransportFaultKind.Status, Status = status });
        var c = await ConnectAsync(server, ShortTimeout);

        var result = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(OutcomeKind.ProtocolViolation), result.Describe());
            Assert.That(result.Problem, Does.StartWith($"HTTP {status} is neither 200 nor a 500 MethodFault"));
            Assert.That(result.Call.ResponseHeaders["Content-Type"], Does.StartWith("text/html"));
        });
    }

    [Test]
    public async Task A_fault_on_Login_stops_the_connection_with_the_reason()
    {
        using var server = Start(new SimulatedTransportFault { Operation = "Login", Kind = TransportFaultKind.Status, Status = 503 });
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Redactor(), ShortTimeout);

        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, server.Provider.Options.UserName, Password, null);

        Assert.Multiple(() =>
        {
            Assert.That(connection, Is.Null);
            Assert.That(failure?.Message, Does.Contain("login failed").And.Contain("HTTP 503"));
        });
    }

    [Test]
    public async Task A_fault_on_RetrieveServiceContent_makes_the_provider_unreachable()
    {
        using var server = Start(new SimulatedTransportFault { Operation = "RetrieveServiceContent", Kind = TransportFaultKind.Reset });
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", TlsPolicy.System, new Redactor(), ShortTimeout);

        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, server.Provider.Options.UserName, Password, null);

        Assert.Multiple(() =>
        {
            Assert.That(connection, Is.Null);
            Assert.That(failure?.Message, Does.Contain("provider unreachable").And.Contain("connection broken"));
        });
    }

    [Test]
    public async Task Entries_apply_in_order_each_with_its_own_count_and_other_operations_are_untouched()
    {
        using var server = Start(
            new SimulatedTransportFault { Kind = TransportFaultKind.Html, Times = 1 },
            new SimulatedTransportFault { Kind = TransportFaultKind.Status, Status = 502, Times = 1 });
        var c = await ConnectAsync(server, ShortTimeout);

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var query = await c.Client.QueryReplicationGroupAsync(c.Provider, null);
            Assert.That(query.IsValue, Is.True, query.Describe());
            outcomes.Add((await c.Client.ReverseReplicateGroupAsync(c.Provider, [])).Describe());
        }

        Assert.That(outcomes, Is.EqualTo(new[]
        {
            "protocol violation: HTTP 500 with content type 'text/html' instead of a JSON MethodFault body",
            "protocol violation: HTTP 502 is neither 200 nor a 500 MethodFault (a proxy or the service is down)",
            "HTTP 500 fault InvalidArgument",
        }));
    }

    [Test]
    public async Task Transport_faults_work_behind_https_with_the_pinned_certificate()
    {
        using var server = SimulatedProviderServer.Start(Options() with { TransportFaults = [new SimulatedTransportFault { Kind = TransportFaultKind.Reset, Times = 1 }] }, https: true);
        var c = await ConnectAsync(server, ShortTimeout, tls: TlsPolicy.Pinned(server.CertificateSha256!));

        var cut = await c.Client.ReverseReplicateGroupAsync(c.Provider, [FailedOver1]);
        var next = await c.Client.ReverseReplicateGroupAsync(c.Provider, []);

        Assert.Multiple(() =>
        {
            Assert.That(server.BaseUri.Scheme, Is.EqualTo("https"));
            Assert.That(cut.Kind, Is.EqualTo(OutcomeKind.TransportError), cut.Describe());
            Assert.That(next.Fault, Is.TypeOf<InvalidArgument>(), next.Describe());
        });
    }

    [Test]
    public void An_invalid_transport_fault_is_refused_when_the_server_starts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Start(new SimulatedTransportFault { Kind = TransportFaultKind.Hang, Operation = "Logout" }), Throws.ArgumentException.With.Message.Contain("Logout"));
            Assert.That(() => Start(new SimulatedTransportFault { Kind = TransportFaultKind.Status, Status = 500 }), Throws.ArgumentException.With.Message.Contain("500"));
            Assert.That(() => Start(new SimulatedTransportFault { Kind = TransportFaultKind.Hang, Times = 0 }), Throws.ArgumentException.With.Message.Contain("Times"));
            Assert.That(() => Start(new SimulatedTransportFault { Kind = TransportFaultKind.Oversized, SizeBytes = 0 }), Throws.ArgumentException.With.Message.Contain("SizeBytes"));
        });
    }

    [TestCase("/sdk/vim25/8.0.3.0/sms/VasaProvider/vasa-provider-1/ReverseReplicateGroup_Task", "ReverseReplicateGroup_Task")]
    [TestCase("/sdk/vim25/8.0.3.0/SessionManager/SessionManager/Login", "Login")]
    [TestCase("/sdk/vim25/8.0.3.0/ServiceInstance/ServiceInstance/content", "RetrieveServiceContent")]
    [TestCase("/sdk/vim25/8.0.3.0/sms/SmsTask/task-1/QuerySmsTaskInfo?x=1", "QuerySmsTaskInfo")]
    [TestCase("/favicon.ico", null)]
    public void The_operation_of_a_request_is_read_from_its_path(string path, string? operation)
    {
        Assert.That(SimulatedTransportFault.OperationOf(path), Is.EqualTo(operation));
    }

    private static SimulatedProviderServer Start(params SimulatedTransportFault[] faults) =>
        SimulatedProviderServer.Start(Options() with { TransportFaults = faults });

    private static async Task<ProviderConnection> ConnectAsync(SimulatedProviderServer server, TimeSpan callTimeout, long maxResponseBytes = SmsTransport.DefaultMaxResponseBytes, TlsPolicy? tls = null)
    {
        tls ??= TlsPolicy.System;
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", tls, new Redactor(), callTimeout, maxResponseBytes);
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, server.Provider.Options.UserName, Password, null);
        Assert.That(failure, Is.Null, failure?.Message);
        return connection!;
    }
}
