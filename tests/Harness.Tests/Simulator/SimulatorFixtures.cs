using Harness.Client;
using Harness.Oracle;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;

namespace Harness.Tests.Simulator;

/// <summary>Builds simulated providers and connections for tests, and drives Reverse calls to their end.</summary>
internal static class SimulatorFixtures
{
    public const string Password = "s3cret-Passw0rd!";

    private static readonly WireValidator Validator = WireValidator.ForRelease("8.0.3.0");

    public static SimulatedProviderOptions Options(params Deviation[] deviations) => new()
    {
        Password = Password,
        TaskPollsToComplete = 1,
        Deviations = deviations.ToHashSet(),
        Groups =
        [
            new("fd-A", "rg-fo-1", ReplicationState.FailedOver),
            new("fd-A", "rg-fo-2", ReplicationState.FailedOver),
            new("fd-B", "rg-fo-3", ReplicationState.FailedOver),
            new("fd-A", "rg-src-1", ReplicationState.Source),
            new("fd-B", "rg-tgt-1", ReplicationState.Target),
            new("fd-B", "rg-int-1", ReplicationState.InTest),
        ],
    };

    /// <summary>The default two-site world (two TARGET, three FAILEDOVER and one INTEST pair), tasks done after one poll.</summary>
    public static SimulatedProviderOptions TwoSiteOptions(bool sameVcenter = false) => Options() with
    {
        Sites = 2,
        SameVcenter = sameVcenter,
        Groups = SimulatedPairs.Layout(SimulatedPairs.Default),
    };

    /// <summary>Connects to a site of a world: through its vCenter, naming the provider when its vCenter serves both.</summary>
    public static Task<ProviderConnection> ConnectAsync(SimulatedWorldServer world, string site)
    {
        var at = world.Provider.Site(site);
        var shared = world.Provider.Sites.Count(s => s.Vcenter == at.Vcenter) > 1;
        return ConnectAsync(world.ServerOf(at), providerId: shared ? at.ProviderMoId : null);
    }

    /// <summary>Asserts that both sides of an exchange hold to VMware's type definitions: the request to its method's parameters, the answer to its return type (or MethodFault).</summary>
    public static void AssertConforms(ProviderCall call)
    {
        Assert.That(WireValidator.TryParseUrl(call.Url, out var managed, out var method), Is.True, call.Url);
        var request = Validator.Request(managed, method, call.RequestBody);
        Assert.That(request, Is.Not.Null, $"VMware's type definitions have no {managed}.{method}");
        Assert.That(request, Is.Empty, $"{method}'s request is off the definitions: {string.Join("; ", request!)}\n{call.RequestBody}");
        Assert.That(call.Status, Is.Not.Null, call.TransportError);
        var response = Validator.Response(managed, method, call.Status!.Value, call.ResponseBody) ?? [];
        Assert.That(response, Is.Empty, $"{method}'s HTTP {call.Status} answer is off the definitions: {string.Join("; ", response)}\n{call.ResponseBody}");
    }

    /// <summary>fd-A/rg-fo-1, FAILEDOVER in <see cref="Options"/>.</summary>
    public static ReplicationGroupId FailedOver1 { get; } = ReplicationGroupId.Of("fd-A", "rg-fo-1");

    /// <summary>fd-A/rg-fo-2, FAILEDOVER in <see cref="Options"/>.</summary>
    public static ReplicationGroupId FailedOver2 { get; } = ReplicationGroupId.Of("fd-A", "rg-fo-2");

    /// <summary>fd-A/rg-src-1, SOURCE in <see cref="Options"/>.</summary>
    public static ReplicationGroupId Source1 { get; } = ReplicationGroupId.Of("fd-A", "rg-src-1");

    /// <summary>Logs in and discovers the provider (or, with <paramref name="providerId"/>, names it and skips discovery).</summary>
    public static async Task<ProviderConnection> ConnectAsync(SimulatedProviderServer server, Redactor? redactor = null, TlsPolicy? tls = null, string? providerId = null)
    {
        tls ??= TlsPolicy.System;
        var transport = new SmsTransport(server.BaseUri, "8.0.3.0", tls, redactor ?? new Redactor(), TimeSpan.FromSeconds(10));
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, server.Provider.Options.UserName, Password, providerId);
        Assert.That(failure, Is.Null, failure?.Message);
        return connection!;
    }

    /// <summary>Polls the task until it is terminal (5 s at most) and returns its last info.</summary>
    public static async Task<SmsTaskInfo> WaitAsync(ProviderConnection c, ManagedObjectReference task)
    {
        var wait = await new TaskWaiter(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(2)).WaitAsync(c.Client, task);
        Assert.That(wait.Final is not null && SmsTaskState.IsTerminal(wait.Final.State), Is.True, wait.Describe());
        return wait.Final!;
    }

    /// <summary>Starts a Reverse call (it must answer a task) and waits for the task's end.</summary>
    public static async Task<SmsTaskInfo> ReverseAsync(ProviderConnection c, params ReplicationGroupId[] groups)
    {
        var call = await c.Client.ReverseReplicateGroupAsync(c.Provider, groups);
        Assert.That(call.IsValue, Is.True, call.Describe());
        return await WaitAsync(c, call.Value!);
    }

    /// <summary>Reverses the groups, expects success, and returns the per-group results.</summary>
    public static async Task<List<GroupOperationResult>> ReverseResultsAsync(ProviderConnection c, params ReplicationGroupId[] groups)
    {
        var info = await ReverseAsync(c, groups);
        Assert.That(info.State, Is.EqualTo(SmsTaskState.Success));
        return Results(info.Result);
    }

    /// <summary>The items of a boxed ArrayOfGroupOperationResult.</summary>
    public static List<GroupOperationResult> Results(DataObject? result)
    {
        Assert.That(result, Is.TypeOf<BoxedArray>());
        var boxed = (BoxedArray)result!;
        Assert.That(boxed.TypeName, Is.EqualTo("ArrayOfGroupOperationResult"));
        Assert.That(boxed.TryReadItems<GroupOperationResult>(out var items, out var error), Is.True, error);
        return items!;
    }

    /// <summary>Polls the task's info <paramref name="count"/> times, in order.</summary>
    public static async Task<List<SmsTaskInfo>> PollAsync(ProviderConnection c, ManagedObjectReference task, int count)
    {
        var infos = new List<SmsTaskInfo>();
        for (var i = 0; i < count; i++)
        {
            var poll = await c.Client.QuerySmsTaskInfoAsync(task);
            Assert.That(poll.IsValue, Is.True, poll.Describe());
            infos.Add(poll.Value!);
        }

        return infos;
    }

    /// <summary>The groups of the provider whose fault domain and original device group match, e.g. fd-A and rg-fo-1 (rg-fo-1, rg-fo-1-r1, …).</summary>
    public static IReadOnlyList<SimulatedGroup> Descendants(SimulatedProviderServer server, ReplicationGroupId original) =>
        server.Provider.Groups
            .Where(g => g.FaultDomainId == original.FaultDomainId!.Id && (g.DeviceGroupId == original.DeviceGroupId!.Id || g.DeviceGroupId.StartsWith(original.DeviceGroupId.Id + "-r", StringComparison.Ordinal)))
            .ToList();
}
