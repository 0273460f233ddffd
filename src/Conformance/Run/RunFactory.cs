using Conformance.Restore;
using Conformance.Targets;
using Harness.Client;
using Harness.Oracle;
using Harness.Profiles;
using Harness.Reporting;
using Harness.Security;
using Harness.Simulator;

namespace Conformance.Run;

/// <summary>Builds a <see cref="ConformanceRun"/> from a profile: loads and validates it, starts the embedded simulator or resolves credentials, logs in and discovers the provider.</summary>
internal static class RunFactory
{
    /// <summary>Every known deviation name, for profile validation.</summary>
    public static ProfileLoadOptions LoadOptions { get; } = new() { KnownDeviations = Enum.GetNames<Deviation>().ToHashSet(StringComparer.Ordinal) };

    /// <summary>Loads a profile file.</summary>
    public static ProfileLoadResult LoadProfile(string path) => ProfileLoader.LoadFile(path, LoadOptions);

    /// <summary>
    /// Creates the run; never throws for bad input or an unreachable provider (the run then carries a <see cref="RunAbort"/>).
    /// <paramref name="interruption"/> becomes the run's <see cref="ConformanceRun.Interruption"/> (a new one when null):
    /// cancelled while connecting, it ends the connection's calls at once and the run reports itself interrupted.
    /// </summary>
    public static async Task<ConformanceRun> CreateAsync(string profilePath, string outDirectory, Func<string, string?> env, CancellationToken ct = default, CancellationTokenSource? interruption = null)
    {
        var redactor = new Redactor();
        interruption ??= new CancellationTokenSource();
        Directory.CreateDirectory(outDirectory);
        var loaded = LoadProfile(profilePath);
        if (!loaded.IsSuccess)
        {
            return new ConformanceRun(outDirectory, redactor, null, null, new RunAbort(2, "bad profile: " + loaded.FormatErrors()), null, []) { Interruption = interruption };
        }

        var profile = loaded.Profile;
        Baseline? baseline = null;
        var baselinePath = env("VASA_BASELINE") is { Length: > 0 } fromFlag
            ? Path.GetFullPath(fromFlag)
            : profile.Baseline is { } fromProfile ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(profile.SourcePath ?? profilePath) ?? ".", fromProfile)) : null;
        if (baselinePath is not null)
        {
            var (read, errors) = Baseline.Load(baselinePath);
            if (read is null)
            {
                return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(2, "bad baseline: " + string.Join(Environment.NewLine, errors)), null, []) { Interruption = interruption };
            }

            baseline = read;
        }

        if (profile.AcceptedUnverified.Count > 0)
        {
            var source = $"{Path.GetFileName(profile.SourcePath ?? profilePath)} (acceptedUnverified)";
            baseline = baseline?.With(source, profile.AcceptedUnverified) ?? Baseline.FromUnverified(source, profile.AcceptedUnverified);
        }

        ulong? seed = ulong.TryParse(env("VASA_SEED"), out var s) ? s : profile.PropertyTests.Seed;
        IDisposable? server = null;
        SimulatedProviderServer? tested = null;
        SimulatedWorldServer? testedWorld = null;
        var providerId = profile.ProviderId;
        var allowlist = profile.Groups;
        string user;
        string password;
        Uri baseUri;
        var tls = profile.Tls.Insecure ? TlsPolicy.AcceptAny : profile.Tls.PinnedSha256 is { } pin ? TlsPolicy.Pinned(pin) : TlsPolicy.System;
        if (profile.Target.IsEmbedded)
        {
            user = "administrator@vsphere.local";
            password = "sim-" + Guid.NewGuid().ToString("N");
            redactor.AddSecret(password);
            var world = StartEmbedded((profile.Simulator ?? SimulatorSettings.Default).ToOptions(user, password), ref providerId, out tested);
            server = world;
            testedWorld = world;
            baseUri = tested.BaseUri;
            if (world.Provider.Sites.Count > 1)
            {
                // A two-site world is tested at site B, where the FAILEDOVER stock is; site A's groups are not its provider's.
                var held = world.Provider.GroupsAt(world.Provider.Site(SimulatedPairs.SiteB)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
                allowlist = [.. allowlist.Where(g => held.Contains(g.ToWire().Key))];
            }
        }
        else
        {
            var credentials = profile.Credentials!.ResolveFromProcess(profile.Name);
            if (!credentials.IsResolved)
            {
                return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(2, "missing credential: " + credentials.Error), null, []) { Interruption = interruption };
            }

            user = credentials.Credentials.UserName;
            password = credentials.Credentials.Password;
            redactor.AddSecret(password);
            baseUri = profile.Target.BaseUri!;
        }

        var callTimeout = TimeSpan.FromSeconds(profile.CallTimeoutSeconds);
        // One ledger for the whole run, every lane and every client: the oracle judges each exchange as it happens.
        var ledger = new ExchangeLedger(WireValidator.ForRelease(profile.Release));
        var transport = new SmsTransport(baseUri, profile.Release, tls, redactor, callTimeout, profile.MaxResponseBytes) { Stopping = interruption.Token, Ledger = ledger };
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, user, password, providerId, ct).ConfigureAwait(false);
        if (connection is null)
        {
            transport.Dispose();
            var message = interruption.IsCancellationRequested ? "the run was interrupted while connecting to the provider" : failure!.Message;
            return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(failure!.IsUsageError ? 2 : 3, message), server, []) { Interruption = interruption };
        }

        // Against the embedded simulator nothing real changes: coalesce the journal's writes (the run's files write the rest).
        var journal = new ChangeJournal { Coalesce = profile.Target.IsEmbedded ? TimeSpan.FromMilliseconds(500) : TimeSpan.Zero };
        var faults = new System.Collections.Concurrent.ConcurrentQueue<FaultSighting>();
        // One memory of stuck tasks and silent methods for the whole run: a cause met on one lane spares every lane the wait.
        var failFast = new FailFast { KeepWaitingAfterStuckTask = profile.KeepWaitingAfterStuckTask };
        // One budget for the whole run, every lane and the peer side: what a one-site run may consume for good.
        var budget = GroupBudget.For(profile.Budget, profile.Target.IsEmbedded, hasPeer: profile.Peer is not null);
        ConformanceTarget Build(ProviderConnection on, Uri at, SimulatedProviderServer? simulator, List<IDisposable> owned, PeerSite? peer)
        {
            var anonymous = new Lazy<SmsTransport>(() => new SmsTransport(at, profile.Release, tls, redactor, callTimeout, profile.MaxResponseBytes) { Stopping = interruption.Token, Ledger = ledger });
            owned.Add(new LazyDisposable(anonymous));
            return new ConformanceTarget
            {
                Client = on.Client,
                CreateUnauthenticatedClient = () => new SmsClient(anonymous.Value),
                Provider = on.Provider,
                Info = on.Info,
                InfoAnswer = on.InfoAnswer,
                InfoCall = on.InfoCall,
                VcenterAbout = on.VcenterAbout,
                Allowlist = allowlist.Select(g => g.ToWire()).ToList(),
                TaskTimeout = profile.TaskTimeout,
                PollInterval = profile.PollInterval,
                PropertyCases = PropertyCases(profile.PropertyTests, embedded: simulator is not null),
                Retry = new RetryPolicy(profile.Retry.Attempts, profile.Retry.InitialDelay, profile.Retry.Budget),
                Capabilities = profile.Capabilities.ToDictionary(kv => kv.Key, kv => new DeclaredCapability(kv.Value.Implemented, kv.Value.BatchLimit, kv.Value.IsDeclared)),
                Seed = seed,
                Simulator = simulator?.Provider,
                Peer = peer,
                Stopping = interruption.Token,
                MaxConcurrentTasks = profile.MaxConcurrentTasks,
                Journal = journal,
                Ledger = ledger,
                Faults = faults,
                FailFast = failFast,
                Budget = budget,
            };
        }

        var owned = new List<IDisposable> { transport };

        // The peer site, read only: in the embedded two-site world it is site A of the same world; else the profile's peer vCenter.
        async Task<(PeerSite? Peer, string? Error)> ConnectPeerAsync(SimulatedWorldServer? world)
        {
            if (profile.Peer is not { } peer)
            {
                return (null, null);
            }

            string peerUser = user, peerPassword = password;
            Uri peerUri;
            var peerAllowlist = peer.Groups.Select(g => g.ToWire()).ToList();
            var peerTls = peer.Tls.Insecure ? TlsPolicy.AcceptAny : peer.Tls.PinnedSha256 is { } peerPin ? TlsPolicy.Pinned(peerPin) : TlsPolicy.System;
            var peerProviderId = peer.ProviderId;
            if (world is not null)
            {
                var site = world.Provider.Sites[0];
                peerUri = world.ServerOf(site).BaseUri;
                peerProviderId ??= site.ProviderMoId;

                // The embedded peer: the suite may change every group of site A (the simulator is its own lab).
                peerAllowlist = [.. world.Provider.GroupsAt(site).Select(g => Harness.Wire.ReplicationGroupId.Of(g.FaultDomainId, g.DeviceGroupId))];
            }
            else
            {
                var credentials = (peer.Credentials ?? profile.Credentials)!.ResolveFromProcess(profile.Name);
                if (!credentials.IsResolved)
                {
                    return (null, "missing credential for the peer site: " + credentials.Error);
                }

                peerUser = credentials.Credentials.UserName;
                peerPassword = credentials.Credentials.Password;
                redactor.AddSecret(peerPassword);
                peerUri = peer.Target.BaseUri!;
            }

            var peerTransport = new SmsTransport(peerUri, peer.Release, peerTls, redactor, callTimeout, profile.MaxResponseBytes) { Stopping = interruption.Token, Ledger = ledger };
            owned.Add(peerTransport);
            var (peerConnection, peerFailure) = await ProviderConnector.ConnectAsync(peerTransport, peerUser, peerPassword, peerProviderId, ct).ConfigureAwait(false);
            return peerConnection is null
                ? (null, "the peer site: " + peerFailure!.Message)
                : (PeerSite.Of(peerConnection, peerAllowlist), null);
        }

        var (peerSite, peerError) = await ConnectPeerAsync(testedWorld).ConfigureAwait(false);
        if (peerError is not null)
        {
            owned.ForEach(o => o.Dispose());
            return new ConformanceRun(outDirectory, redactor, profile, null, new RunAbort(3, peerError), server, []) { Interruption = interruption };
        }

        var target = Build(connection, baseUri, tested, owned, peerSite);
        var lanes = new List<ConformanceTarget> { target };
        if (tested is not null)
        {
            // The embedded simulator starts every check afresh, so checks are independent: run them on parallel lanes,
            // each an identical simulator with its own session. A real provider always has one lane.
            // Injected faults count their calls ("times"), so a simulator with faults keeps to one lane and counts them all.
            var settings = profile.Simulator ?? SimulatorSettings.Default;
            var laneCount = settings.Faults.Count + settings.TransportFaults.Count > 0 ? 1 : EmbeddedLanes(env);
            for (var lane = 1; lane < laneCount; lane++)
            {
                var laneProviderId = profile.ProviderId;
                var laneWorld = StartEmbedded((profile.Simulator ?? SimulatorSettings.Default).ToOptions(user, password), ref laneProviderId, out var extra);
                owned.Add(laneWorld);
                var extraTransport = new SmsTransport(extra.BaseUri, profile.Release, tls, redactor, callTimeout, profile.MaxResponseBytes) { Stopping = interruption.Token, Ledger = ledger };
                owned.Add(extraTransport);
                var (extraConnection, extraFailure) = await ProviderConnector.ConnectAsync(extraTransport, user, password, laneProviderId, ct).ConfigureAwait(false);
                if (extraConnection is null && interruption.IsCancellationRequested)
                {
                    // Interrupted while connecting the lanes: the run reports itself interrupted with the lanes it has.
                    break;
                }

                if (extraConnection is null)
                {
                    throw new InvalidOperationException("a simulator lane could not connect: " + extraFailure!.Message);
                }

                var (lanePeer, lanePeerError) = await ConnectPeerAsync(laneWorld).ConfigureAwait(false);
                if (lanePeerError is not null)
                {
                    throw new InvalidOperationException("a simulator lane could not connect its peer site: " + lanePeerError);
                }

                lanes.Add(Build(extraConnection, extra.BaseUri, extra, owned, lanePeer));
            }
        }

        var notes = connection.Notes.ToList();
        if (tested is null)
        {
            // A real provider keeps what earlier runs did: allowlisted groups a round trip left under a new id are found again.
            notes.AddRange(await AllowlistResolver.ResolveAsync(target, "site under test", ct).ConfigureAwait(false));
            if (target.PeerSide is { } peerSide)
            {
                notes.AddRange(await AllowlistResolver.ResolveAsync(peerSide, "peer site", ct).ConfigureAwait(false));
            }
        }

        var run = new ConformanceRun(outDirectory, redactor, profile, target, null, server, notes)
        {
            Interruption = interruption,
            Lanes = lanes,
        };
        run.Owned.AddRange(owned);
        run.Summary.Baseline = baseline;
        run.Summary.Strict = profile.Strict || env("VASA_STRICT") is "1" or "true";
        return run;
    }

    /// <summary>
    /// Starts the embedded simulator: its endpoint under test is the only one, or in a two-site world site B's (the
    /// site whose FAILEDOVER groups the checks reverse). With both providers in one vCenter, discovery would find two
    /// replication providers, so the provider is named (unless the profile names one).
    /// </summary>
    private static SimulatedWorldServer StartEmbedded(SimulatedProviderOptions options, ref string? providerId, out SimulatedProviderServer tested)
    {
        var world = SimulatedWorldServer.Start(options);
        var site = world.Provider.Sites[^1];
        tested = world.ServerOf(site);
        if (world.Provider.Sites.Count(s => s.Vcenter == site.Vcenter) > 1)
        {
            providerId ??= site.ProviderMoId;
        }

        return world;
    }

    /// <summary>Parallel lanes for the embedded simulator: VASA_LANES, else one per core (at most 4).</summary>
    public static int EmbeddedLanes(Func<string, string?> env) =>
        int.TryParse(env("VASA_LANES"), out var lanes) && lanes is >= 1 and <= 16 ? lanes : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Cases per property: the profile's count, else its preset (quick: 50 against the simulator, 5 against a real provider; thorough: 500 and 25).</summary>
    public static int PropertyCases(PropertyTestSettings settings, bool embedded) =>
        settings.Cases ?? (settings.Preset == "thorough" ? (embedded ? 500 : 25) : (embedded ? 50 : 5));

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
