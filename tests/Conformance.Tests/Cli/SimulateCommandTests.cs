using System.Text.RegularExpressions;
using Conformance.Cli;
using Harness.Client;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire.Results;

namespace Conformance.Tests.Cli;

/// <summary><c>Conformance simulate</c>: by default the two-site world, each site's URL and provider moId printed, each reachable from outside.</summary>
[TestFixture]
public sealed partial class SimulateCommandTests
{
    private const string User = "simulate-user";
    private const string Password = "simulate-Passw0rd!";

    [Test]
    public async Task By_default_it_serves_both_sites_on_two_ports_each_with_its_own_provider_and_groups()
    {
        await using var simulate = await Simulate.StartAsync();

        var sites = SiteLines().Matches(simulate.Output).ToDictionary(m => m.Groups["site"].Value, m => (Url: new Uri(m.Groups["url"].Value), MoId: m.Groups["moId"].Value));
        Assert.That(sites.Keys, Is.EquivalentTo(new[] { "A", "B" }), simulate.Output);
        var atA = await ConnectAsync(sites["A"].Url, null);
        var atB = await ConnectAsync(sites["B"].Url, null);
        var groupsAtB = await atB.Client.QueryReplicationGroupAsync(atB.Provider, null);

        Assert.Multiple(() =>
        {
            Assert.That(sites["A"].Url.Port, Is.Not.EqualTo(sites["B"].Url.Port), "two vCenters, two ports");
            Assert.That(sites["A"].MoId, Is.EqualTo(SimulatedProvider.ProviderMoId));
            Assert.That(sites["B"].MoId, Is.EqualTo(SimulatedProvider.PeerProviderMoId));
            Assert.That(atA.Provider.Value, Is.EqualTo(sites["A"].MoId), "discovery at A's URL finds the moId printed for A");
            Assert.That(atB.Provider.Value, Is.EqualTo(sites["B"].MoId));
            Assert.That(groupsAtB.Value!.Select(g => g.GroupId!.FaultDomainId!.Id), Is.Not.Empty.And.All.EqualTo("fd-B"));
            Assert.That(groupsAtB.Value!.Cast<QueryReplicationGroupSuccessResult>().Count(g => g.RgInfo!.CurrentState == "FAILEDOVER"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task With_same_vcenter_both_providers_are_served_on_one_port()
    {
        await using var simulate = await Simulate.StartAsync("--same-vcenter");

        var sites = SiteLines().Matches(simulate.Output).ToDictionary(m => m.Groups["site"].Value, m => (Url: new Uri(m.Groups["url"].Value), MoId: m.Groups["moId"].Value));
        var atB = await ConnectAsync(sites["B"].Url, sites["B"].MoId);

        Assert.Multiple(() =>
        {
            Assert.That(simulate.Output, Does.Contain("one vCenter serves both providers"));
            Assert.That(sites["A"].Url, Is.EqualTo(sites["B"].Url));
            Assert.That(atB.Info?.Name, Does.EndWith("(site B)"));
        });
    }

    [Test]
    public async Task With_sites_1_it_serves_the_one_site_provider_as_before()
    {
        await using var simulate = await Simulate.StartAsync("--sites", "1");

        Assert.That(simulate.Output, Does.Match(@"^simulated VASA provider listening on http://127\.0\.0\.1:\d+/ \(release 8\.0\.3\.0, provider moId vasa-provider-1\)"));
        Assert.That(SiteLines().IsMatch(simulate.Output), Is.False);
    }

    [TestCase("--sites", "3")]
    [TestCase("--sites", "1", "--same-vcenter")]
    [TestCase("--peer-port", "0")]
    public async Task A_bad_option_exits_2(params string[] args)
    {
        using var errors = new StringWriter();
        var exit = await SimulateCommand.RunAsync(args, TextWriter.Null, errors, Env, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2), errors.ToString());
    }

    private static string? Env(string name) => name switch
    {
        "VASA_USER" => User,
        "VASA_PASSWORD" => Password,
        _ => null,
    };

    private static async Task<ProviderConnection> ConnectAsync(Uri url, string? providerId)
    {
        var transport = new SmsTransport(url, "8.0.3.0", TlsPolicy.System, new Redactor(), TimeSpan.FromSeconds(10));
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, User, Password, providerId);
        Assert.That(failure, Is.Null, failure?.Message);
        return connection!;
    }

    [GeneratedRegex(@"^site (?<site>[AB]): (?<url>\S+) provider moId (?<moId>[\w-]+),", RegexOptions.Multiline)]
    private static partial Regex SiteLines();

    /// <summary>The command running in the background until disposed.</summary>
    private sealed class Simulate : IAsyncDisposable
    {
        private readonly StringWriter output = new();
        private readonly TextWriter writer;
        private readonly CancellationTokenSource stop = new();
        private Task<int> running = Task.FromResult(0);

        private Simulate() => this.writer = TextWriter.Synchronized(this.output);

        public string Output
        {
            get
            {
                // The synchronized writer locks on itself.
                lock (this.writer)
                {
                    return this.output.ToString();
                }
            }
        }

        public static async Task<Simulate> StartAsync(params string[] args)
        {
            var simulate = new Simulate();
            simulate.running = SimulateCommand.RunAsync(args, simulate.writer, TextWriter.Null, Env, simulate.stop.Token);
            for (var i = 0; i < 200 && !simulate.Output.Contains("press Ctrl-C", StringComparison.Ordinal) && !simulate.running.IsCompleted; i++)
            {
                await Task.Delay(50);
            }

            Assert.That(simulate.Output, Does.Contain("press Ctrl-C"), $"simulate did not start (exit {(simulate.running.IsCompleted ? simulate.running.Result : -1)})");
            return simulate;
        }

        public async ValueTask DisposeAsync()
        {
            await this.stop.CancelAsync();
            Assert.That(await this.running, Is.EqualTo(0));
            this.stop.Dispose();
            this.output.Dispose();
        }
    }
}
