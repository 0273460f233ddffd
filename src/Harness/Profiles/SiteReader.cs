using System.Text.Json;

namespace Harness.Profiles;

/// <summary>
/// Reads the fields of one site (<see cref="SiteProfile"/>): the top level of a profile for the first site, its
/// <c>peer</c> object for the second. The schema has checked each field; this parses the target, resolves what the
/// peer inherits, and checks the rules across fields: credentials for a vCenter, one password source, pinning or
/// insecure, each group once.
/// </summary>
internal static class SiteReader
{
    /// <summary>The site's fields: all of a <c>peer</c> object's, in the schema's order.</summary>
    public static IReadOnlyList<string> SiteFields { get; } = ["target", "release", "credentials", "tls", "providerId", "groups"];

    /// <summary>The fields of <c>credentials</c>.</summary>
    public static IReadOnlyList<string> CredentialFields { get; } = ["userNameEnv", "passwordEnv", "passwordFile"];

    /// <summary>The fields of <c>tls</c>.</summary>
    public static IReadOnlyList<string> TlsFields { get; } = ["pinnedSha256", "insecure"];

    /// <summary>The fields of a <c>groups[]</c> entry.</summary>
    public static IReadOnlyList<string> GroupFields { get; } = ["faultDomainId", "deviceGroupId"];

    /// <summary>
    /// Reads the site whose fields are in <paramref name="reader"/>. For the peer, <paramref name="first"/> is the first
    /// site, whose release and credentials the peer inherits when it names none. Returns <c>null</c> when the target is
    /// missing or invalid; otherwise the site, whose other fields are their defaults where they were invalid (the
    /// errors say so).
    /// </summary>
    public static SiteProfile? Read(JsonObjectReader reader, bool allowPlainHttp, SiteProfile? first = null)
    {
        var target = ReadTarget(reader, allowPlainHttp);
        var release = reader.GetString("release");
        var tls = ReadTls(reader);
        var providerId = reader.GetString("providerId", allowNull: true);
        var groups = ReadGroups(reader);
        var credentials = ReadCredentials(reader);
        if (first is null && target is { IsEmbedded: false } && !reader.Has("credentials"))
        {
            reader.Error(
                "credentials",
                "required field 'credentials' is missing for a remote target; add \"credentials\": { \"userNameEnv\": \"VASA_USER\", \"passwordEnv\": \"VASA_PASSWORD\" } and export those variables");
        }

        return target is null
            ? null
            : new SiteProfile
            {
                Target = target,
                Release = release ?? first?.Release ?? Profile.DefaultRelease,
                Credentials = credentials ?? first?.Credentials,
                Tls = tls ?? TlsSettings.SystemTrust,
                ProviderId = providerId,
                Groups = groups ?? [],
            };
    }

    /// <summary>Reads a <c>{ faultDomainId, deviceGroupId }</c> object (also used for simulator groups).</summary>
    public static GroupRef? ReadGroupRef(JsonObjectReader group) =>
        group.GetString("faultDomainId") is { } faultDomain && group.GetString("deviceGroupId") is { } deviceGroup
            ? new GroupRef(faultDomain, deviceGroup)
            : null;

    private static ProfileTarget? ReadTarget(JsonObjectReader reader, bool allowPlainHttp)
    {
        if (reader.GetString("target") is not { } text)
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

    private static TlsSettings? ReadTls(JsonObjectReader parent)
    {
        if (parent.GetRaw("tls") is not { } element || parent.Open(element, parent.PathOf("tls"), TlsFields) is not { } tls)
        {
            return null;
        }

        if (tls.Has("pinnedSha256") && tls.Has("insecure"))
        {
            tls.ErrorHere("give either pinnedSha256 or insecure, not both; pinning already accepts a self-signed certificate");
            return null;
        }

        if (tls.GetRaw("insecure") is { ValueKind: JsonValueKind.True })
        {
            return TlsSettings.InsecureOptIn;
        }

        if (tls.GetString("pinnedSha256") is not { } fingerprint)
        {
            return tls.HasErrorsUnder(tls.Path) ? null : TlsSettings.SystemTrust;
        }

        // Never fall back to the system trust store for a pin the schema let through: that would quietly weaken the check.
        return TlsSettings.Pinned(fingerprint)
            ?? throw new InvalidOperationException($"{tls.PathOf("pinnedSha256")}: profile.schema.json accepted a fingerprint that is not 64 hex digits; the schema and the reader disagree");
    }

    private static CredentialSource? ReadCredentials(JsonObjectReader parent)
    {
        if (parent.GetRaw("credentials") is not { } element || parent.Open(element, parent.PathOf("credentials"), CredentialFields) is not { } reader)
        {
            return null;
        }

        var userNameEnv = reader.GetString("userNameEnv");
        var passwordEnv = reader.GetString("passwordEnv");
        var passwordFile = reader.GetString("passwordFile");
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

        var source = userNameEnv is null ? null
            : passwordEnv is not null ? CredentialSource.FromEnvironment(userNameEnv, passwordEnv)
            : passwordFile is not null ? CredentialSource.FromPasswordFile(userNameEnv, passwordFile)
            : null;
        var field = reader.Path[(JsonPath.Root.Length + 1)..];
        return source is null || reader.HasErrorsUnder(reader.Path) ? null : source.At(field);
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
        foreach (var (element, path) in items)
        {
            var reader = parent.Open(element, path, GroupFields);
            if (reader is null || ReadGroupRef(reader) is not { } group)
            {
                continue;
            }

            if (!firstSeen.TryAdd(group, path))
            {
                reader.ErrorHere($"{group} is listed twice (first at {firstSeen[group]}); list each group once");
                continue;
            }

            groups.Add(group);
        }

        return groups;
    }
}
