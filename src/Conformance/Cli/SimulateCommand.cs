using Conformance.Run;
using Harness.Profiles;
using Harness.Simulator;

namespace Conformance.Cli;

/// <summary>
/// <c>simulate</c>: serves the simulated world on 127.0.0.1 until Ctrl-C, as a reference endpoint for vendors and as
/// out-of-process providers to point profiles at. By default the two-site world: site A's vCenter on <c>--port</c>,
/// site B's on <c>--peer-port</c> (or port + 1), each with its own provider; <c>--sites 1</c> serves the one-site
/// provider alone. Login accepts VASA_USER / VASA_PASSWORD on every vCenter.
/// </summary>
internal static class SimulateCommand
{
    private const string Options = "use --profile FILE, --sites 1|2, --same-vcenter, --port N, --peer-port N, --https, --session-log FILE, --world-file FILE, --task-ms N";

    /// <summary>Runs the command until Ctrl-C or the process ends.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        return await RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, stop.Token).ConfigureAwait(false);
    }

    /// <summary>Runs the command until <paramref name="stop"/> is cancelled, writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?> env, CancellationToken stop)
    {
        string? profilePath = null;
        int? sites = null;
        var sameVcenter = false;
        var port = 0;
        int? peerPort = null;
        var https = false;
        string? sessionLog = null;
        string? worldFile = null;
        int? taskMilliseconds = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--profile" when i + 1 < args.Length:
                    profilePath = args[++i];
                    break;
                case "--sites" when i + 1 < args.Length && args[i + 1] is "1" or "2":
                    sites = args[++i] == "2" ? 2 : 1;
                    break;
                case "--same-vcenter":
                    sameVcenter = true;
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out port) && port is > 0 and < 65536:
                    i++;
                    break;
                case "--peer-port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is > 0 and < 65536:
                    peerPort = p;
                    i++;
                    break;
                case "--https":
                    https = true;
                    break;
                case "--session-log" when i + 1 < args.Length:
                    sessionLog = args[++i];
                    break;
                case "--world-file" when i + 1 < args.Length:
                    worldFile = args[++i];
                    break;
                case "--task-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], out var ms) && ms >= 0:
                    taskMilliseconds = ms;
                    i++;
                    break;
                default:
                    await errors.WriteLineAsync($"simulate: unknown or incomplete option '{args[i]}' ({Options})").ConfigureAwait(false);
                    return 2;
            }
        }

        var settings = SimulatorSettings.TwoSites;
        if (profilePath is not null)
        {
            var loaded = RunFactory.LoadProfile(RunPaths.ProfilePath(profilePath));
            if (!loaded.IsSuccess)
            {
                await errors.WriteLineAsync("bad profile: " + loaded.FormatErrors()).ConfigureAwait(false);
                return 2;
            }

            settings = loaded.Profile.Simulator ?? SimulatorSettings.Default;
        }

        settings = (sites ?? settings.Sites, settings.Sites) switch
        {
            (1, 2) => settings with { Sites = 1, Groups = SimulatorSettings.DefaultGroups, SameVcenter = false },
            (2, 1) => settings with { Sites = 2, Groups = SimulatedPairs.Layout(settings.Pairs) },
            _ => settings,
        };
        if (sameVcenter)
        {
            if (settings.Sites != 2)
            {
                await errors.WriteLineAsync("simulate: --same-vcenter needs two sites; remove --sites 1").ConfigureAwait(false);
                return 2;
            }

            settings = settings with { SameVcenter = true };
        }

        if (taskMilliseconds is { } duration)
        {
            settings = settings with { TaskDurationMilliseconds = duration };
        }

        var user = env("VASA_USER");
        var password = env("VASA_PASSWORD");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            await errors.WriteLineAsync("simulate: set VASA_USER and VASA_PASSWORD: the simulator accepts exactly that login").ConfigureAwait(false);
            return 2;
        }

        using var world = SimulatedWorldServer.Start(settings.ToOptions(user, password), https, [port, peerPort ?? (port is 0 or 65535 ? 0 : port + 1)]);
        if (sessionLog is not null)
        {
            // For leak tests only: every issued session id, so a test can search all output for them.
            world.Provider.SessionIssued = id => File.AppendAllText(sessionLog, id + Environment.NewLine);
        }

        foreach (var line in Describe(world))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync("press Ctrl-C to stop").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            // The simulator's own record of its groups (site, fault domain, name, state), for tests that judge what a run
            // left without the suite's reads: rewritten every 100 ms.
            while (true)
            {
                if (worldFile is not null)
                {
                    var temporary = worldFile + ".tmp";
                    await File.WriteAllLinesAsync(temporary, Restore.CheckRestore.World(world.Provider), stop).ConfigureAwait(false);
                    File.Move(temporary, worldFile, overwrite: true);
                }

                await Task.Delay(worldFile is null ? Timeout.Infinite : 100, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        return 0;
    }

    /// <summary>What is served: each site's URL and provider moId (and each vCenter's certificate thumbprint over https).</summary>
    public static IEnumerable<string> Describe(SimulatedWorldServer world)
    {
        var model = world.Provider;
        if (model.Sites.Count == 1)
        {
            var server = world.Servers[0];
            yield return $"simulated VASA provider listening on {server.BaseUri} (release 8.0.3.0, provider moId {SimulatedProvider.ProviderMoId})";
            if (server.CertificateSha256 is { } thumbprint)
            {
                yield return $"certificate SHA-256: {thumbprint} (put it in tls.pinnedSha256)";
            }

            yield break;
        }

        var vcenters = world.Servers.Count == 1 ? "one vCenter serves both providers" : "each site has its own vCenter";
        yield return $"simulated two-site world (release 8.0.3.0; {vcenters}): every pair replicates from site A to site B";
        foreach (var site in model.Sites)
        {
            var groups = model.GroupsAt(site);
            var states = string.Join(", ", groups.GroupBy(g => g.State).Select(g => $"{g.Count()} {g.Key}"));
            yield return $"site {site.Name}: {world.ServerOf(site).BaseUri} provider moId {site.ProviderMoId}, fault domain {string.Join(", ", site.FaultDomains)}, {groups.Count} groups ({states})";
        }

        foreach (var server in world.Servers.Where(s => s.CertificateSha256 is not null))
        {
            var at = string.Join(" and ", model.Sites.Where(s => s.Vcenter == server.Vcenter).Select(s => "site " + s.Name));
            yield return $"certificate SHA-256 of {at}: {server.CertificateSha256} (put it in tls.pinnedSha256)";
        }
    }
}
