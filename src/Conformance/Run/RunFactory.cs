using Conformance.Targets;
using Harness.Client;
using Harness.Profiles;
using Harness.Security;
using Harness.Simulator;

namespace Conformance.Run;

/// <summary>Builds a <see cref="ConformanceRun"/> from a profile: loads and validates it, starts the embedded simulator or resolves credentials, logs in and discovers the provider.</summary>
internal static class RunFactory
{
    /// <summary>Property cases per run against the embedded simulator.</summary>
    public const int SimulatorPropertyCases = 50;

    /// <summary>Property cases per run against a real provider (each case is a real Reverse call).</summary>
    public const int RealPropertyCases = 5;

    /// <summary>Every known deviation name, for profile validation.</summary>
    public static ProfileLoadOptions LoadOptions { get; } = new() { KnownDeviations = Enum.GetNames<Deviation>().ToHashSet(StringComparer.Ordinal) };

    /// <summary>Loads a profile file.</summary>
    public static ProfileLoadResult LoadProfile(string path) => ProfileLoader.LoadFile(path, LoadOptions);

    /// <summary>Creates the run; never throws for bad input or an unreachable provider (the run then carries a <see cref="RunAbort"/>).</summary>
    public static async Task<ConformanceRun> CreateAsync(string profilePath, string outDirectory, Func<string, string?> env, CancellationToken ct = default)
    {
        var redactor = new Redactor();
        Directory.CreateDirectory(outDirectory);
        var loaded = LoadProfile(profilePath);
        if (!loaded.IsSuccess)
        {
            return new ConformanceRun(outDirectory, redactor, null, null, new RunAbort(2, "bad profile: " + loaded.FormatErrors()), null, []);
        }

        var profile = loaded.Profile;
        ulong? seed = ulong.TryParse(env("VASA_SEED"), out var s) ? s : null;
        SimulatedProviderServer? server = null;
        string user;
        string password;
        Uri baseUri;
        var tls = profile.Tls.Insecure ? TlsPolicy.AcceptAny : profile.Tls.PinnedSha256 is { } pin ? TlsPolicy.Pinned(pin) : TlsPolicy.System;
        if (profile.Target.IsEmbedded)
        {
            user = "administrator@vsphere.local";
            password = "sim-" + Guid.NewGuid().ToString("N");
            redactor.AddSecret(password);
            server = SimulatedProviderServer.Start(SimulatorOptions(profile.Simulator ?? SimulatorSettings.Default, user, password));
            baseUri = server.BaseUri;
        }
        else
        {
            var credentials = profile.Credentials!.ResolveFromProcess(profile.Name);
            if (!credentials.IsResolved)
            {
                return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(2, "missing credential: " + credentials.Error), null, []);
            }

            user = credentials.Credentials.UserName;
            password = credentials.Credentials.Password;
            redactor.AddSecret(password);
            baseUri = profile.Target.BaseUri!;
        }

        var transport = new SmsTransport(baseUri, profile.Release, tls, redactor, TimeSpan.FromSeconds(60));
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, tls, user, password, profile.ProviderId, ct).ConfigureAwait(false);
        if (connection is null)
        {
            transport.Dispose();
            return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(failure!.IsUsageError ? 2 : 3, failure.Message), server, []);
        }

        var anonymous = new Lazy<SmsTransport>(() => new SmsTransport(baseUri, profile.Release, tls, redactor, TimeSpan.FromSeconds(60)));
        var target = new ConformanceTarget
        {
            Client = connection.Client,
            CreateUnauthenticatedClient = () => new SmsClient(anonymous.Value),
            Provider = connection.Provider,
            Info = connection.Info,
            Allowlist = profile.Groups.Select(g => g.ToWire()).ToList(),
            TaskTimeout = profile.TaskTimeout,
            PollInterval = profile.PollInterval,
            PropertyCases = server is null ? RealPropertyCases : SimulatorPropertyCases,
            Seed = seed,
            Simulator = server?.Provider,
        };
        return new ConformanceRun(outDirectory, redactor, profile, target, null, server, connection.Notes)
        {
            Owned = { transport, new LazyDisposable(anonymous) },
        };
    }

    /// <summary>The simulator's options from the profile's simulator block.</summary>
    public static SimulatedProviderOptions SimulatorOptions(SimulatorSettings settings, string user, string password) => new()
    {
        Groups = settings.Groups,
        MaxBatchSize = settings.MaxBatchSize,
        BatchLimit = settings.BatchLimit,
        TooManyReportsMaxBatchSize = settings.TooManyReportsMaxBatchSize,
        TaskPollsToComplete = settings.TaskPollsToComplete,
        ProviderName = settings.ProviderName,
        ProviderVersion = settings.ProviderVersion,
        VasaVersion = settings.VasaVersion,
        UserName = user,
        Password = password,
        Deviations = settings.Deviations.Select(Enum.Parse<Deviation>).ToHashSet(),
    };

    private sealed class LazyDisposable(Lazy<SmsTransport> lazy) : IDisposable
    {
        public void Dispose()
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }
    }
}
