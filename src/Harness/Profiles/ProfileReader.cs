using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harness.Profiles;

/// <summary>Turns a parsed profile document into a <see cref="Profile"/>, collecting every field error in one pass.</summary>
internal static partial class ProfileReader
{
    private static readonly string[] KnownFields =
        [
            "name", "target", "allowPlainHttp", "release", "credentials", "tls", "providerId", "baseline", "callTimeoutSeconds", "maxResponseBytes", "maxConcurrentTasks", "groups", "taskTimeoutSeconds", "pollIntervalMilliseconds",
            "keepWaitingAfterStuckTask", "capabilities", "propertyTests", "retry", "simulator", "strict", "acceptedUnverified",
        ];

    private static readonly string[] CredentialFields = ["userNameEnv", "passwordEnv", "passwordFile"];
    private static readonly string[] TlsFields = ["pinnedSha256", "insecure"];
    private static readonly string[] GroupFields = ["faultDomainId", "deviceGroupId"];

    /// <summary>Reads the root object. Returns the profile, or <c>null</c> with at least one entry added to <paramref name="errors"/>.</summary>
    public static Profile? Read(JsonElement root, ProfileLoadOptions options, List<ProfileError> errors)
    {
        var before = errors.Count;
        var reader = JsonObjectReader.Open(root, JsonPath.Root, KnownFields, errors);
        if (reader is null)
        {
            return null;
        }

        var name = ReadName(reader);
        var allowPlainHttp = reader.GetBoolean("allowPlainHttp") ?? false;
        var target = ReadTarget(reader, allowPlainHttp);
        var callTimeout = reader.GetInteger("callTimeoutSeconds", DeclaredRange.Of<Profile>(nameof(Profile.CallTimeoutSeconds)));
        var maxResponse = reader.GetInteger("maxResponseBytes", DeclaredRange.Of<Profile>(nameof(Profile.MaxResponseBytes)));
        var maxConcurrentTasks = reader.GetInteger("maxConcurrentTasks", DeclaredRange.Of<Profile>(nameof(Profile.MaxConcurrentTasks)));
        var release = ReadRelease(reader);
        var tls = ReadTls(reader);
        var providerId = ReadProviderId(reader);
        var baseline = reader.IsNull("baseline") ? null : reader.GetTrimmedString("baseline", "\"known-failures.json\" (a path relative to the profile; or remove the field)");
        var taskTimeout = reader.GetInteger("taskTimeoutSeconds", DeclaredRange.Of<Profile>(nameof(Profile.TaskTimeoutSeconds)));
        var pollInterval = reader.GetInteger("pollIntervalMilliseconds", DeclaredRange.Of<Profile>(nameof(Profile.PollIntervalMilliseconds)));
        var keepWaiting = reader.GetBoolean("keepWaitingAfterStuckTask");
        var groups = ReadGroups(reader);
        var capabilities = ProfileSectionsReader.ReadCapabilities(reader);
        var propertyTests = ProfileSectionsReader.ReadPropertyTests(reader);
        var retry = ProfileSectionsReader.ReadRetry(reader);
        var strict = reader.GetBoolean("strict") ?? false;
        var acceptedUnverified = ProfileSectionsReader.ReadAcceptedUnverified(reader);

        var credentials = reader.Has("credentials") ? ReadCredentials(reader) : null;
        if (target is { IsEmbedded: false } && !reader.Has("credentials"))
        {
            reader.Error(
                "credentials",
                "required field 'credentials' is missing for a remote target; add \"credentials\": { \"userNameEnv\": \"VASA_USER\", \"passwordEnv\": \"VASA_PASSWORD\" } and export those variables");
        }

        SimulatorSettings? simulator = null;
        if (reader.Has("simulator"))
        {
            var simulatorErrors = errors.Count;
            simulator = SimulatorSettingsReader.Read(reader.GetRaw("simulator")!.Value, reader.PathOf("simulator"), options, errors);
            if (target is { IsEmbedded: false })
            {
                reader.Error("simulator", "simulator settings are only allowed when target is \"embedded\"; remove the simulator block");
            }
            else if (simulator is not null && groups is not null && errors.Count == simulatorErrors)
            {
                CheckGroupsAreSimulated(reader, groups, simulator);
            }
        }
        else if (target is { IsEmbedded: true } && groups is not null)
        {
            CheckGroupsAreSimulated(reader, groups, SimulatorSettings.Default);
        }

        if (errors.Count > before || name is null || target is null)
        {
            return null;
        }

        if (target.IsEmbedded)
        {
            simulator ??= SimulatorSettings.Default;
            groups ??= simulator.Groups.Select(GroupRef.From).ToList();
        }

        return new Profile
        {
            Name = name,
            Target = target,
            Release = release ?? Profile.DefaultRelease,
            Credentials = credentials,
            Tls = tls ?? TlsSettings.SystemTrust,
            ProviderId = providerId,
            AllowPlainHttp = allowPlainHttp,
            MaxConcurrentTasks = (int?)maxConcurrentTasks ?? Profile.DefaultMaxConcurrentTasks,
            CallTimeoutSeconds = (int?)callTimeout ?? Profile.DefaultCallTimeoutSeconds,
            MaxResponseBytes = maxResponse ?? Harness.Client.SmsTransport.DefaultMaxResponseBytes,
            Baseline = baseline,
            Groups = groups ?? [],
            TaskTimeoutSeconds = (int?)taskTimeout ?? Profile.DefaultTaskTimeoutSeconds,
            PollIntervalMilliseconds = (int?)pollInterval ?? Profile.DefaultPollIntervalMilliseconds,
            KeepWaitingAfterStuckTask = keepWaiting ?? false,
            Capabilities = capabilities ?? new Dictionary<string, OperationCapability>(StringComparer.Ordinal),
            PropertyTests = propertyTests ?? PropertyTestSettings.Default,
            Retry = retry ?? RetrySettings.Default,
            Strict = strict,
            AcceptedUnverified = acceptedUnverified ?? [],
            Simulator = target.IsEmbedded ? simulator : null,
        };
    }

    /// <summary>Reads a <c>{ faultDomainId, deviceGroupId }</c> object (also used for simulator groups).</summary>
    public static GroupRef? ReadGroupRef(JsonObjectReader group)
    {
        var faultDomain = group.Require("faultDomainId", "add e.g. \"faultDomainId\": \"fd-A\"")
            ? group.GetTrimmedString("faultDomainId", "\"fd-A\"")
            : null;
        var deviceGroup = group.Require("deviceGroupId", "add e.g. \"deviceGroupId\": \"rg-1\"")
            ? group.GetTrimmedString("deviceGroupId", "\"rg-1\"")
            : null;
        return faultDomain is null || deviceGroup is null ? null : new GroupRef(faultDomain, deviceGroup);
    }

    private static string? ReadName(JsonObjectReader reader)
    {
        const string Rule = "use 1 to 64 of the characters A-Z a-z 0-9 . _ - (e.g. \"acme-array-7\")";
        if (!reader.Require("name", $"give the profile a name; {Rule}"))
        {
            return null;
        }

        var name = reader.GetString("name");
        if (name is not null && !NamePattern().IsMatch(name))
        {
            reader.Error("name", $"{ProfileText.Quote(name)} is not a valid profile name; {Rule}");
            return null;
        }

        return name;
    }

    private static ProfileTarget? ReadTarget(JsonObjectReader reader, bool allowPlainHttp)
    {
        if (!reader.Require("target", "set it to \"embedded\" or to a vCenter URL such as \"https://vcenter.example.com\""))
        {
            return null;
        }

        var text = reader.GetString("target");
        if (text is null)
        {
            return null;
        }

        var target = ProfileTarget.Parse(text, out var error, allowPlainHttp);
        if (target is null)
        {
            reader.Error("target", error!);
        }

        return target;
    }

    private static string? ReadRelease(JsonObjectReader reader)
    {
        var release = reader.GetString("release");
        if (release is not null && !ReleasePattern().IsMatch(release))
        {
            reader.Error("release", $"{ProfileText.Quote(release)} is not a release; use four dot-separated numbers such as \"{Profile.DefaultRelease}\"");
            return null;
        }

        return release;
    }

    private static string? ReadProviderId(JsonObjectReader reader) =>
        reader.IsNull("providerId") ? null : reader.GetTrimmedString("providerId", "\"VasaProvider-1\" (or remove the field to discover the provider)");

    private static TlsSettings? ReadTls(JsonObjectReader parent)
    {
        if (parent.GetRaw("tls") is not { } element)
        {
            return null;
        }

        var tls = parent.Open(element, parent.PathOf("tls"), TlsFields);
        return tls is null ? null : ReadTlsFields(tls);
    }

    private static TlsSettings? ReadTlsFields(JsonObjectReader tls)
    {
        TlsSettings? pinned = null;
        var fingerprint = tls.GetString("pinnedSha256");
        if (fingerprint is not null)
        {
            pinned = TlsSettings.Pinned(fingerprint);
            if (pinned is null)
            {
                tls.Error("pinnedSha256", "expected the certificate's SHA-256 fingerprint: 64 hex digits, colons allowed (get it with: openssl s_client -connect host:443 </dev/null | openssl x509 -noout -fingerprint -sha256)");
            }
        }

        var insecure = false;
        if (tls.Has("insecure"))
        {
            insecure = tls.GetRaw("insecure")!.Value.ValueKind == JsonValueKind.True;
            if (!insecure)
            {
                tls.Error("insecure", "'insecure' may only be the literal true (an explicit opt-out of certificate checks); remove the field to use the system trust store");
            }
        }

        if (fingerprint is not null && tls.Has("insecure"))
        {
            tls.ErrorHere("give either pinnedSha256 or insecure, not both; pinning already accepts a self-signed certificate");
            return null;
        }

        return insecure ? TlsSettings.InsecureOptIn : pinned ?? (fingerprint is null ? TlsSettings.SystemTrust : null);
    }

    private static CredentialSource? ReadCredentials(JsonObjectReader parent)
    {
        var reader = parent.Open(parent.GetRaw("credentials")!.Value, parent.PathOf("credentials"), CredentialFields);
        if (reader is null)
        {
            return null;
        }

        var userNameEnv = reader.Require("userNameEnv", "name the environment variable holding the user name, e.g. \"userNameEnv\": \"VASA_USER\"")
            ? ReadEnvName(reader, "userNameEnv", "VASA_USER", "user name")
            : null;
        var passwordEnv = reader.Has("passwordEnv") ? ReadEnvName(reader, "passwordEnv", "VASA_PASSWORD", "password") : null;
        string? passwordFile = null;
        if (reader.Has("passwordFile"))
        {
            passwordFile = reader.GetString("passwordFile");
            if (passwordFile is { Length: 0 })
            {
                reader.Error("passwordFile", "'passwordFile' is empty; give the path of a file whose only content is the password");
                passwordFile = null;
            }
        }

        if (reader.Has("passwordEnv") && reader.Has("passwordFile"))
        {
            reader.ErrorHere("give exactly one of passwordEnv or passwordFile, not both");
            return null;
        }

        if (!reader.Has("passwordEnv") && !reader.Has("passwordFile"))
        {
            reader.ErrorHere("name where the password comes from: add \"passwordEnv\": \"VASA_PASSWORD\" (or \"passwordFile\": \"/path/to/file\")");
            return null;
        }

        if (userNameEnv is null)
        {
            return null;
        }

        return passwordEnv is not null ? CredentialSource.FromEnvironment(userNameEnv, passwordEnv)
            : passwordFile is not null ? CredentialSource.FromPasswordFile(userNameEnv, passwordFile)
            : null;
    }

    private static string? ReadEnvName(JsonObjectReader reader, string field, string example, string what)
    {
        var name = reader.GetString(field);
        if (name is not null && !EnvNamePattern().IsMatch(name))
        {
            // The value is not repeated: a user who pasted the secret itself here must not see it echoed to a log.
            reader.Error(field, $"must be the NAME of the environment variable holding the {what} (letters, digits and '_', not starting with a digit), e.g. \"{example}\"; the {what} itself never goes in the profile");
            return null;
        }

        return name;
    }

    private static List<GroupRef>? ReadGroups(JsonObjectReader parent)
    {
        var items = parent.GetArray("groups");
        if (items is null)
        {
            return null;
        }

        var groups = new List<GroupRef>();
        var firstSeen = new Dictionary<GroupRef, string>();
        var valid = true;
        foreach (var (element, path) in items)
        {
            var reader = parent.Open(element, path, GroupFields);
            var group = reader is null ? null : ReadGroupRef(reader);
            if (group is null)
            {
                valid = false;
            }
            else if (!firstSeen.TryAdd(group, path))
            {
                reader!.ErrorHere($"{group} is listed twice (first at {firstSeen[group]}); list each group once");
                valid = false;
            }
            else
            {
                groups.Add(group);
            }
        }

        return valid ? groups : null;
    }

    private static void CheckGroupsAreSimulated(JsonObjectReader reader, List<GroupRef> groups, SimulatorSettings simulator)
    {
        var simulated = simulator.Groups.Select(GroupRef.From).ToHashSet();
        var path = reader.PathOf("groups");
        for (var i = 0; i < groups.Count; i++)
        {
            if (!simulated.Contains(groups[i]))
            {
                reader.ErrorAt(
                    JsonPath.Index(path, i),
                    $"{groups[i]} is not one of the simulator's groups; use one of {string.Join(", ", simulated)} or add it to simulator.groups");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$")]
    private static partial Regex ReleasePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvNamePattern();
}
