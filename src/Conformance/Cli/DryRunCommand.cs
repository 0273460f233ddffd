using System.Text.Json;
using Conformance.Checks;
using Conformance.Operations;
using Conformance.Run;
using Conformance.Targets;
using Harness.Client;
using Harness.Profiles;
using Harness.Security;
using Harness.Simulator;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Cli;

/// <summary>
/// <c>dry-run</c>: lists every state-changing call a run would make, with its groups, and sends none. Against a real
/// provider it only reads (login, discovery, QueryProviderInfo, QueryReplicationGroup of the allowlist), then runs the
/// whole suite against a simulated mirror of what it read (the allowlisted groups in their current states, the
/// provider's batch limit) and prints the mirror's journal. A provider that strays from the contract may make the
/// real run differ; the journal of the real run (out/journal.json) is the record.
/// </summary>
internal static class DryRunCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string profilePath)
    {
        var loaded = RunFactory.LoadProfile(RunPaths.ProfilePath(profilePath));
        if (!loaded.IsSuccess)
        {
            Console.Error.WriteLine("bad profile: " + loaded.FormatErrors());
            return 2;
        }

        var profile = loaded.Profile;
        var (mirror, where, exit) = profile.Target.IsEmbedded ? (EmbeddedMirror(profile), "the embedded simulator", 0) : await ReadRealProviderAsync(profile).ConfigureAwait(false);
        if (mirror is null)
        {
            return exit;
        }

        var capabilities = profile.Capabilities.ToDictionary(kv => kv.Key, kv => new DeclaredCapability(kv.Value.Implemented, kv.Value.BatchLimit, kv.Value.IsDeclared));
        using var sim = await Mutants.MutantTarget.StartAsync(mirror, capabilities, rehearsal: profile).ConfigureAwait(false);
        var target = sim.Target;

        // The plan first, as the run prints it at its start: needed against available per site and state, the budget,
        // and the checks that will be inconclusive for lack of groups (the mirror holds the states the provider reported).
        var plan = await RunPlan.ReadAsync(target, Catalogue.InRunOrder).ConfigureAwait(false);
        foreach (var line in plan.Describe())
        {
            Console.WriteLine(line);
        }

        foreach (var check in Catalogue.InRunOrder)
        {
            // As in the real run: the embedded simulator starts each check afresh, a real provider is never reset.
            target.Simulator?.Reset();
            await check.ExecuteAsync(target).ConfigureAwait(false);
        }

        // The operations under test that change state, as their descriptions say; each journals its calls under its name.
        var changing = Catalogue.InRunOrder.Select(c => VasaProviderOperations.Named(c.Feature)).OfType<OperationDescription>().Where(o => o.ChangesState).Select(o => o.Name).Distinct().ToList();
        var calls = target.Journal.Entries.Where(e => changing.Any(name => e.Operation.StartsWith(name, StringComparison.Ordinal))).ToList();
        Console.WriteLine($"Dry run of profile '{profile.Name}': nothing that changes state was sent to {where}.");
        Console.WriteLine($"The run would make {calls.Count} state-changing call(s) ({string.Join(", ", changing)}), on these groups:");
        foreach (var call in calls)
        {
            var groups = call.Groups.Count == 0 ? "(no group: an invalid-input check)" : string.Join(", ", call.Groups.Take(12)) + (call.Groups.Count > 12 ? $" … ({call.Groups.Count} groups)" : string.Empty);
            Console.WriteLine($"  {call.Check ?? "(harness)",-75} {groups}");
        }

        var touched = calls.SelectMany(c => c.Groups).Distinct().Where(g => target.Allowlist.Any(a => a.Key == g) || target.CreatedGroups.ContainsKey(g)).ToList();
        Console.WriteLine($"Allowlisted groups it would send: {string.Join(", ", touched.Where(g => target.Allowlist.Any(a => a.Key == g)))}");
        Console.WriteLine($"Groups it would replace by a new group (as the simulated mirror answered): {string.Join(", ", target.CreatedGroups.Values.Distinct())}");
        var outDirectory = RunPaths.OutDirectory(Environment.GetEnvironmentVariable);
        Directory.CreateDirectory(outDirectory);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "plan.json"), plan.ToJson()).ConfigureAwait(false);
        Console.WriteLine($"After the rehearsal: {target.Budget.Describe()}");
        var file = Path.Combine(outDirectory, "dry-run.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(calls, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase })).ConfigureAwait(false);
        Console.WriteLine($"plan: {file}");
        return 0;
    }

    /// <summary>QueryReplicationGroup for the ids: the infos of the groups the provider knows (null when the call failed).</summary>
    private static async Task<List<GroupInfo>?> ReadAsync(SmsClient client, Harness.Wire.ManagedObjectReference provider, IReadOnlyList<Harness.Wire.ReplicationGroupId> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var query = await client.QueryReplicationGroupAsync(provider, ids).ConfigureAwait(false);
        return query.IsValue
            ? [.. query.Value!.OfType<QueryReplicationGroupSuccessResult>().Where(r => r.GroupId is not null && r.RgInfo?.CurrentState is not null).Select(r =>
            {
                r.RgInfo!.GroupId ??= r.GroupId;
                return r.RgInfo;
            })]
            : null;
    }

    /// <summary>A group of the mirror: the group as read, under its allowlisted id (<paramref name="back"/>: the id now → the entry), at <paramref name="site"/> (two sites) with its twin's key.</summary>
    private static SimulatedGroup Mirror(GroupInfo info, string? site, string? twin, IReadOnlyDictionary<string, string> back)
    {
        var id = back.TryGetValue(info.GroupId!.Key, out var entry) ? Harness.Wire.ReplicationGroupId.FromKey(entry) : info.GroupId;
        return new(id.FaultDomainId!.Id!, id.DeviceGroupId!.Id!, info.CurrentState!) { Site = site, Peer = twin };
    }

    private static SimulatedProviderOptions EmbeddedMirror(Profile profile) =>
        (profile.Simulator ?? SimulatorSettings.Default).ToOptions("dry-run", "dry-run-" + Guid.NewGuid().ToString("N"));

    private static async Task<(SimulatedProviderOptions? Mirror, string Where, int Exit)> ReadRealProviderAsync(Profile profile)
    {
        var credentials = profile.Credentials!.ResolveFromProcess(profile.Name);
        if (!credentials.IsResolved)
        {
            Console.Error.WriteLine("missing credential: " + credentials.Error);
            return (null, string.Empty, 2);
        }

        var redactor = new Redactor();
        redactor.AddSecret(credentials.Credentials.Password);
        var tls = profile.Tls.Insecure ? TlsPolicy.AcceptAny : profile.Tls.PinnedSha256 is { } pin ? TlsPolicy.Pinned(pin) : TlsPolicy.System;
        using var transport = new SmsTransport(profile.Target.BaseUri!, profile.Release, tls, redactor, TimeSpan.FromSeconds(profile.CallTimeoutSeconds), profile.MaxResponseBytes);
        var (connection, failure) = await ProviderConnector.ConnectAsync(transport, credentials.Credentials.UserName, credentials.Credentials.Password, profile.ProviderId).ConfigureAwait(false);
        if (connection is null)
        {
            Console.Error.WriteLine(redactor.Redact(failure!.Message));
            return (null, string.Empty, failure.IsUsageError ? 2 : 3);
        }

        var allowlist = profile.Groups.Select(g => g.ToWire()).ToList();

        // As the run does: an allowlisted group an earlier run's round trips left under a new id is found by its name.
        // The mirror gives it back its allowlisted id, so the rehearsal sends what the run would.
        var (moved, movedNotes) = await Restore.AllowlistResolver.FindAsync(connection.Client, connection.Provider, allowlist, "site under test", CancellationToken.None).ConfigureAwait(false);
        var back = moved.ToDictionary(kv => kv.Value.Key, kv => kv.Key, StringComparer.Ordinal);
        var infos = await ReadAsync(connection.Client, connection.Provider, [.. allowlist.Select(a => moved.GetValueOrDefault(a.Key) ?? a)]).ConfigureAwait(false);
        if (infos is null)
        {
            Console.Error.WriteLine(redactor.Redact("could not read the allowlisted groups' states with QueryReplicationGroup"));
            return (null, string.Empty, 3);
        }

        List<SimulatedGroup> groups;
        var sites = 1;
        if (profile.Peer is { } peer)
        {
            // Two sites: the mirror is a two-site world (each group with its twin), so the rehearsal makes the round trips
            // that restore each check's groups, and lists them too.
            var peerCredentials = (peer.Credentials ?? profile.Credentials)!.ResolveFromProcess(profile.Name);
            if (!peerCredentials.IsResolved)
            {
                Console.Error.WriteLine("missing credential for the peer site: " + peerCredentials.Error);
                return (null, string.Empty, 2);
            }

            redactor.AddSecret(peerCredentials.Credentials.Password);
            var peerTls = peer.Tls.Insecure ? TlsPolicy.AcceptAny : peer.Tls.PinnedSha256 is { } peerPin ? TlsPolicy.Pinned(peerPin) : TlsPolicy.System;
            using var peerTransport = new SmsTransport(peer.Target.BaseUri!, peer.Release, peerTls, redactor, TimeSpan.FromSeconds(profile.CallTimeoutSeconds), profile.MaxResponseBytes);
            var (peerConnection, peerFailure) = await ProviderConnector.ConnectAsync(peerTransport, peerCredentials.Credentials.UserName, peerCredentials.Credentials.Password, peer.ProviderId).ConfigureAwait(false);
            if (peerConnection is null)
            {
                Console.Error.WriteLine(redactor.Redact("the peer site: " + peerFailure!.Message));
                return (null, string.Empty, peerFailure.IsUsageError ? 2 : 3);
            }

            var peerAllowlist = peer.Groups.Select(g => g.ToWire()).ToList();
            var (peerMoved, peerNotes) = await Restore.AllowlistResolver.FindAsync(peerConnection.Client, peerConnection.Provider, peerAllowlist, "peer site", CancellationToken.None).ConfigureAwait(false);
            movedNotes = [.. movedNotes, .. peerNotes];
            foreach (var (entry, now) in peerMoved)
            {
                back[now.Key] = entry;
            }

            var twins = infos.SelectMany(Lifecycle.LifecycleDiscovery.Links);
            var peerInfos = await ReadAsync(peerConnection.Client, peerConnection.Provider, [.. peerAllowlist.Select(a => peerMoved.GetValueOrDefault(a.Key) ?? a).Concat(twins).DistinctBy(g => g.Key)]).ConfigureAwait(false) ?? [];
            string? TwinKey(GroupInfo info, IEnumerable<GroupInfo> other) => Lifecycle.LifecycleDiscovery.Links(info).Select(l => l.Key).FirstOrDefault(k => other.Any(o => o.GroupId!.Key == k)) is { } key ? back.GetValueOrDefault(key, key) : null;
            groups =
            [
                .. peerInfos.Select(i => Mirror(i, SimulatedPairs.SiteA, TwinKey(i, infos), back)),
                .. infos.Select(i => Mirror(i, SimulatedPairs.SiteB, TwinKey(i, peerInfos), back)),
            ];
            sites = 2;
            Console.WriteLine($"read {infos.Count} of {allowlist.Count} allowlisted group(s) and {peerInfos.Count} at the peer: {string.Join(", ", groups.Select(g => $"{g.Site}:{g.Key} {g.State}"))}");
        }
        else
        {
            groups = [.. infos.Select(i => Mirror(i, null, null, back))];
            Console.WriteLine($"read {groups.Count} of {allowlist.Count} allowlisted group(s): {string.Join(", ", groups.Select(g => $"{g.Key} {g.State}"))}");
        }

        foreach (var note in movedNotes)
        {
            Console.WriteLine(redactor.Redact(note));
        }

        var limit = connection.Info?.MaxBatchSize is > 0 ? connection.Info.MaxBatchSize : null;
        var mirror = new SimulatedProviderOptions
        {
            Groups = groups,
            Sites = sites,
            MaxBatchSize = limit,
            BatchLimit = limit is { } l ? (int)Math.Min(l, int.MaxValue) : null,
            TaskPollsToComplete = 1,
            Password = "dry-run-" + Guid.NewGuid().ToString("N"),
            UserName = "dry-run",
        };
        return (mirror, profile.Target.BaseUri!.ToString(), 0);
    }
}
