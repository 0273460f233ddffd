using Conformance.Run;
using Harness.Profiles;
using Harness.Simulator;

namespace Conformance.Cli;

/// <summary>
/// <c>simulate</c>: serves the simulated provider on 127.0.0.1 until Ctrl-C, as a reference endpoint for vendors and
/// as a second, out-of-process provider to point a profile at. Login accepts VASA_USER / VASA_PASSWORD.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? profilePath = null;
        var port = 0;
        var https = false;
        string? sessionLog = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--profile" when i + 1 < args.Length:
                    profilePath = args[++i];
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out port) && port is > 0 and < 65536:
                    i++;
                    break;
                case "--https":
                    https = true;
                    break;
                case "--session-log" when i + 1 < args.Length:
                    sessionLog = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"simulate: unknown or incomplete option '{args[i]}' (use --profile FILE, --port N, --https, --session-log FILE)");
                    return 2;
            }
        }

        var settings = SimulatorSettings.Default;
        if (profilePath is not null)
        {
            var loaded = RunFactory.LoadProfile(RunPaths.ProfilePath(profilePath));
            if (!loaded.IsSuccess)
            {
                Console.Error.WriteLine("bad profile: " + loaded.FormatErrors());
                return 2;
            }

            settings = loaded.Profile.Simulator ?? SimulatorSettings.Default;
        }

        var user = Environment.GetEnvironmentVariable("VASA_USER");
        var password = Environment.GetEnvironmentVariable("VASA_PASSWORD");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("simulate: set VASA_USER and VASA_PASSWORD: the simulator accepts exactly that login");
            return 2;
        }

        using var server = SimulatedProviderServer.Start(settings.ToOptions(user, password), https, port);
        if (sessionLog is not null)
        {
            // For leak tests only: every issued session id, so a test can search all output for them.
            server.Provider.SessionIssued = id => File.AppendAllText(sessionLog, id + Environment.NewLine);
        }

        Console.WriteLine($"simulated VASA provider listening on {server.BaseUri} (release 8.0.3.0, provider moId {SimulatedProvider.ProviderMoId})");
        if (server.CertificateSha256 is { } thumbprint)
        {
            Console.WriteLine($"certificate SHA-256: {thumbprint} (put it in tls.pinnedSha256)");
        }

        Console.WriteLine("press Ctrl-C to stop");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        return 0;
    }
}
