using Conformance.Restore;
using Harness.Profiles;
using Harness.Simulator;

namespace Conformance.Tests.Restore;

/// <summary>
/// The two-site simulated world served on its own (as <c>simulate --sites 2</c> serves it), with a profile that treats
/// it as a real provider: no reset between checks, every group of both sites allowlisted. Whatever a run leaves, the
/// world keeps.
/// </summary>
internal sealed class StandaloneWorld : IDisposable
{
    private StandaloneWorld(SimulatedWorldServer server, string directory)
    {
        this.Server = server;
        this.Directory = directory;
        this.Initial = this.World();
    }

    /// <summary>The served world.</summary>
    public SimulatedWorldServer Server { get; }

    /// <summary>A folder for the profile and the runs' outputs.</summary>
    public string Directory { get; }

    /// <summary>The world as it started: site, fault domain, name and state of every group.</summary>
    public IReadOnlyList<string> Initial { get; }

    /// <summary>The profile's path.</summary>
    public string Profile => Path.Combine(this.Directory, "standalone.json");

    /// <summary>The run's environment (the credentials are the process's).</summary>
    public static string? Env(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Serves the world (tasks of <paramref name="taskMilliseconds"/>, with <paramref name="deviations"/>) and writes its profile.</summary>
    public static StandaloneWorld Start(int taskMilliseconds = 0, params Deviation[] deviations)
    {
        // The profile's credentials come from the process environment, as a real provider's would.
        Environment.SetEnvironmentVariable("RT_USER", "rt-user");
        Environment.SetEnvironmentVariable("RT_PASSWORD", "rt-Passw0rd");
        var settings = SimulatorSettings.TwoSites with { TaskDurationMilliseconds = taskMilliseconds };
        var options = settings.ToOptions("rt-user", "rt-Passw0rd") with { Deviations = deviations.ToHashSet() };
        var server = SimulatedWorldServer.Start(options);
        var directory = Path.Combine(Path.GetTempPath(), "vasa-standalone-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        string Groups(string site) => string.Join(", ", server.Provider.Groups.Where(g => g.Site == site).Select(g => $$"""{ "faultDomainId": "{{g.FaultDomainId}}", "deviceGroupId": "{{g.DeviceGroupId}}" }"""));
        File.WriteAllText(Path.Combine(directory, "standalone.json"), $$"""
            {
              "name": "standalone-two-sites",
              "target": "{{server.ServerOf(SimulatedPairs.SiteB).BaseUri}}",
              "credentials": { "userNameEnv": "RT_USER", "passwordEnv": "RT_PASSWORD" },
              "groups": [ {{Groups(SimulatedPairs.SiteB)}} ],
              "taskTimeoutSeconds": 30,
              "pollIntervalMilliseconds": 10,
              "peer": { "target": "{{server.ServerOf(SimulatedPairs.SiteA).BaseUri}}", "groups": [ {{Groups(SimulatedPairs.SiteA)}} ] }
            }
            """);
        return new StandaloneWorld(server, directory);
    }

    /// <summary>The world now, as <see cref="Initial"/> reads it.</summary>
    public IReadOnlyList<string> World() => CheckRestore.World(this.Server.Provider);

    /// <summary>How many state-changing calls (<c>*_Task</c> of the replication lifecycle) the world has answered.</summary>
    public int StateChangingCalls => this.Server.Provider.Requests.Count(r => r.Path.Contains("ReplicationGroup", StringComparison.Ordinal) || r.Path.Contains("ReplicateGroup_Task", StringComparison.Ordinal) ? r.Path.EndsWith("_Task", StringComparison.Ordinal) : false);

    /// <inheritdoc />
    public void Dispose()
    {
        this.Server.Dispose();
        System.IO.Directory.Delete(this.Directory, recursive: true);
    }
}
