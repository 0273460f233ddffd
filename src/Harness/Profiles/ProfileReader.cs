using System.Text.Json;
using Harness.Simulator;

namespace Harness.Profiles;

/// <summary>
/// Turns a profile document that <see cref="ProfileSchema"/> has checked into a <see cref="Profile"/>, adding what the
/// schema cannot say: the rules across fields and across the two sites, collected in one pass with the schema's errors.
/// </summary>
internal static class ProfileReader
{
    /// <summary>The fields of the root object, in the schema's order.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
    [
        "name", "target", "allowPlainHttp", "release", "credentials", "tls", "providerId", "baseline", "callTimeoutSeconds", "maxResponseBytes", "maxConcurrentTasks", "groups", "taskTimeoutSeconds", "pollIntervalMilliseconds",
        "keepWaitingAfterStuckTask", "capabilities", "propertyTests", "retry", "simulator", "strict", "acceptedUnverified", "budget", "peer", "$schema",
    ];

    /// <summary>
    /// Reads the root object into a profile. <paramref name="errors"/> holds the schema's errors on entry; the reader
    /// adds its own. Returns the profile, or <c>null</c> when <paramref name="errors"/> is not empty at the end.
    /// </summary>
    public static Profile? Read(JsonElement root, ProfileLoadOptions options, List<ProfileError> errors)
    {
        var reader = JsonObjectReader.Open(root, JsonPath.Root, KnownFields, errors);
        if (reader is null)
        {
            return null;
        }

        var name = reader.GetString("name");
        var allowPlainHttp = reader.GetBoolean("allowPlainHttp") ?? false;
        var site = SiteReader.Read(reader, allowPlainHttp);
        var callTimeout = reader.GetInteger("callTimeoutSeconds");
        var maxResponse = reader.GetInteger("maxResponseBytes");
        var maxConcurrentTasks = reader.GetInteger("maxConcurrentTasks");
        var baseline = reader.GetString("baseline", allowNull: true);
        var taskTimeout = reader.GetInteger("taskTimeoutSeconds");
        var pollInterval = reader.GetInteger("pollIntervalMilliseconds");
        var keepWaiting = reader.GetBoolean("keepWaitingAfterStuckTask");
        var capabilities = ProfileSectionsReader.ReadCapabilities(reader);
        var propertyTests = ProfileSectionsReader.ReadPropertyTests(reader);
        var retry = ProfileSectionsReader.ReadRetry(reader);
        var strict = reader.GetBoolean("strict") ?? false;
        var acceptedUnverified = ProfileSectionsReader.ReadAcceptedUnverified(reader);
        var budget = reader.GetInteger("budget");
        var peer = reader.GetRaw("peer") is { } peerElement ? ReadPeer(reader, peerElement, site, allowPlainHttp) : null;
        // An embedded peer is the simulator's site A: the world has two sites (ReadPeer has refused any other pairing).
        var simulator = ReadSimulator(reader, site, options, peerImpliesTwoSites: peer?.Target.IsEmbedded == true);

        if (errors.Count > 0 || name is null || site is null)
        {
            return null;
        }

        if (site.Target.IsEmbedded)
        {
            simulator ??= peer is null ? SimulatorSettings.Default : SimulatorSettings.TwoSites;
            if (!reader.Has("groups"))
            {
                // In a two-site world the run tests site B (where the FAILEDOVER stock is): its groups are this site's.
                var mine = simulator.Sites == 2 ? simulator.Groups.Where(g => g.FaultDomainId == SimulatedPairs.FaultDomainB) : simulator.Groups;
                site = site with { Groups = mine.Select(GroupRef.From).ToList() };
            }
        }

        return new Profile
        {
            Name = name,
            Site = site,
            Peer = peer,
            AllowPlainHttp = allowPlainHttp,
            MaxConcurrentTasks = (int?)maxConcurrentTasks ?? Profile.DefaultMaxConcurrentTasks,
            CallTimeoutSeconds = (int?)callTimeout ?? Profile.DefaultCallTimeoutSeconds,
            MaxResponseBytes = maxResponse ?? Harness.Client.SmsTransport.DefaultMaxResponseBytes,
            Baseline = baseline,
            TaskTimeoutSeconds = (int?)taskTimeout ?? Profile.DefaultTaskTimeoutSeconds,
            PollIntervalMilliseconds = (int?)pollInterval ?? Profile.DefaultPollIntervalMilliseconds,
            KeepWaitingAfterStuckTask = keepWaiting ?? false,
            Capabilities = capabilities ?? new Dictionary<string, OperationCapability>(StringComparer.Ordinal),
            PropertyTests = propertyTests ?? PropertyTestSettings.Default,
            Retry = retry ?? RetrySettings.Default,
            Strict = strict,
            AcceptedUnverified = acceptedUnverified ?? [],
            Budget = (int?)budget,
            Simulator = site.Target.IsEmbedded ? simulator : null,
        };
    }

    /// <summary>Reads the <c>simulator</c> block (only for the embedded target) and checks the allowlist against the simulated groups.</summary>
    private static SimulatorSettings? ReadSimulator(JsonObjectReader reader, SiteProfile? site, ProfileLoadOptions options, bool peerImpliesTwoSites)
    {
        SimulatorSettings? simulator = null;
        var simulatorIsValid = true;
        if (reader.Has("simulator"))
        {
            simulator = SimulatorSettingsReader.Read(reader, options, peerImpliesTwoSites);
            simulatorIsValid = simulator is not null;
            if (site?.Target is { IsEmbedded: false })
            {
                reader.Error("simulator", "simulator settings are only allowed when target is \"embedded\"; remove the simulator block");
            }
        }

        if (site?.Target is { IsEmbedded: true } && simulatorIsValid && reader.Has("groups") && !reader.HasErrorsUnder(reader.PathOf("groups")))
        {
            var simulated = (simulator ?? (peerImpliesTwoSites ? SimulatorSettings.TwoSites : SimulatorSettings.Default)).Groups.Select(GroupRef.From).ToHashSet();
            var path = reader.PathOf("groups");
            for (var i = 0; i < site.Groups.Count; i++)
            {
                if (!simulated.Contains(site.Groups[i]))
                {
                    reader.ErrorAt(
                        JsonPath.Index(path, i),
                        $"{site.Groups[i]} is not one of the simulator's groups; use one of {string.Join(", ", simulated)} or add it to simulator.groups");
                }
            }
        }

        return simulator;
    }

    /// <summary>
    /// Reads the <c>peer</c> site and checks it against the first: both embedded or neither, and a peer on the same
    /// vCenter is another provider, named by providerId on both sites (discovery cannot tell two providers of one
    /// vCenter apart).
    /// </summary>
    private static SiteProfile? ReadPeer(JsonObjectReader reader, JsonElement element, SiteProfile? first, bool allowPlainHttp)
    {
        if (reader.Open(element, reader.PathOf("peer"), SiteReader.SiteFields) is not { } peerReader
            || SiteReader.Read(peerReader, allowPlainHttp, first) is not { } peer
            || first is null)
        {
            return null;
        }

        if (first.Target.IsEmbedded && !peer.Target.IsEmbedded)
        {
            peerReader.Error("target", "the first site is \"embedded\", so the peer is the simulator's second site: set \"target\": \"embedded\" (the simulator cannot be paired with a vCenter)");
        }
        else if (!first.Target.IsEmbedded && peer.Target.IsEmbedded)
        {
            peerReader.Error("target", "the peer is \"embedded\" but the first site is a vCenter; set the peer's target to the other vCenter's URL, such as \"https://vcenter-b.example.com\" (or make both sites \"embedded\")");
        }
        else if (first.Target == peer.Target)
        {
            var where = first.Target.IsEmbedded ? "the embedded simulator" : $"the same vCenter ({first.Target})";
            if (peer.ProviderId is not null && peer.ProviderId == first.ProviderId)
            {
                peerReader.Error("providerId", $"{ProfileText.Quote(peer.ProviderId)} is also the first site's providerId, and both sites name {where}; the peer must be another provider: give its own VasaProvider id (or point the peer at the other vCenter)");
            }
            else if (!first.Target.IsEmbedded)
            {
                const string Why = "discovery cannot tell two providers of one vCenter apart";
                if (peer.ProviderId is null && !peerReader.HasErrorsUnder(peerReader.PathOf("providerId")))
                {
                    peerReader.Error("providerId", $"required field 'providerId' is missing: the peer names {where} as the first site, and {Why}; add the peer's provider, e.g. \"providerId\": \"VasaProvider-2\"");
                }

                if (first.ProviderId is null && !reader.HasErrorsUnder(reader.PathOf("providerId")))
                {
                    reader.Error("providerId", $"required field 'providerId' is missing: the peer names {where} as this site, and {Why}; add this site's provider, e.g. \"providerId\": \"VasaProvider-1\"");
                }
            }
        }

        return peer;
    }
}
