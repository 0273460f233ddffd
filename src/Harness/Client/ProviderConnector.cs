using Harness.Wire;
using Harness.Wire.Provider;

namespace Harness.Client;

/// <summary>
/// Logs in (ServiceInstance content, then SessionManager.Login) and finds the provider: the profile's
/// providerId, or discovery through QueryStorageManager, QueryProvider and QueryProviderInfo.
/// </summary>
internal static class ProviderConnector
{
    /// <summary>Connects; never throws for a provider's answer.</summary>
    public static async Task<(ProviderConnection? Connection, ConnectFailure? Failure)> ConnectAsync(
        SmsTransport transport, string userName, string password, string? providerId, CancellationToken ct = default)
    {
        var calls = new List<ProviderCall>();
        var client = new SmsClient(transport, calls.Add);
        var notes = new List<string>();

        var content = await client.RetrieveServiceContentAsync(ct).ConfigureAwait(false);
        if (content.Kind == OutcomeKind.TransportError)
        {
            var why = content.Problem?.StartsWith("TLS", StringComparison.Ordinal) == true ? transport.Tls.LastRefusal ?? content.Problem : content.Problem;
            return (null, new ConnectFailure($"provider unreachable at {transport.BaseUri}: {why}", calls));
        }

        if (!content.IsValue || content.Value?.SessionManager?.Value is not { Length: > 0 })
        {
            return (null, new ConnectFailure($"{transport.BaseUri} did not answer ServiceInstance content like a vCenter ({content.Describe()}); check 'target' and 'release' in the profile", calls));
        }

        var login = await client.LoginAsync(content.Value.SessionManager, userName, password, ct).ConfigureAwait(false);
        if (!login.IsValue)
        {
            var detail = login.FaultName == "InvalidLogin" ? "InvalidLogin: the user name or password was refused; check the variables named in profile credentials" : login.Describe();
            return (null, new ConnectFailure($"login failed: {detail}", calls));
        }

        if (transport.SessionId is null)
        {
            return (null, new ConnectFailure("login answered 200 but sent no vmware-api-session-id header", calls));
        }

        var sessionManager = content.Value.SessionManager;
        transport.Relogin = async token =>
        {
            transport.SetSession(null);
            var again = await new SmsClient(transport).LoginAsync(sessionManager, userName, password, token).ConfigureAwait(false);
            return again.IsValue && transport.SessionId is not null;
        };

        ManagedObjectReference provider;
        if (!string.IsNullOrEmpty(providerId))
        {
            provider = ManagedObjectReference.Of("VasaProvider", providerId);
        }
        else
        {
            var (found, failure) = await DiscoverAsync(client, notes, ct).ConfigureAwait(false);
            if (found is null)
            {
                return (null, failure! with { Calls = calls });
            }

            provider = found;
        }

        var info = await client.QueryProviderInfoAsync(provider, ct).ConfigureAwait(false);
        VasaProviderInfo? vasaInfo = null;
        ProviderResult<DataObject>? infoAnswer = info;
        if (info.IsValue && info.Value is VasaProviderInfo v)
        {
            vasaInfo = v;
            infoAnswer = null;
        }
        else if (info.Kind == OutcomeKind.TransportError)
        {
            return (null, new ConnectFailure($"provider unreachable during QueryProviderInfo: {info.Problem}", calls));
        }
        else if (info.FaultName == "ManagedObjectNotFound")
        {
            return (null, new ConnectFailure($"providerId '{providerId}' is not a VasaProvider on this vCenter (ManagedObjectNotFound); remove providerId to use discovery", calls, IsUsageError: true));
        }
        else
        {
            notes.Add($"QueryProviderInfo did not return a VasaProviderInfo ({info.Describe()}); capabilities cannot be cross-checked");
        }

        // AboutInfo.fullName already names the product and version ("VMware vCenter Server 8.0.3 build-…"); else name and version.
        string? About(string field) => content.Value.About is { ValueKind: System.Text.Json.JsonValueKind.Object } a && a.TryGetProperty(field, out var v) && v.ToString() is { Length: > 0 } text ? text : null;
        var about = About("fullName") is { } fullName
            ? About("build") is { } build && !fullName.Contains(build, StringComparison.Ordinal) ? $"{fullName}, build {build}" : fullName
            : About("name") is { } name ? $"{name} {About("version")}".TrimEnd() : null;
        return (new ProviderConnection { Client = client.WithObserver(null), Provider = provider, Info = vasaInfo, InfoAnswer = infoAnswer, InfoCall = info.Call, Notes = notes, Calls = calls, VcenterAbout = about }, null);
    }

    private static async Task<(ManagedObjectReference? Provider, ConnectFailure? Failure)> DiscoverAsync(SmsClient client, List<string> notes, CancellationToken ct)
    {
        var sm = await client.QueryStorageManagerAsync(ct).ConfigureAwait(false);
        if (!sm.IsValue || sm.Value is null)
        {
            return (null, new ConnectFailure($"QueryStorageManager failed ({sm.Describe()}); set providerId in the profile to skip discovery", []));
        }

        var providers = await client.QueryProviderAsync(sm.Value, ct).ConfigureAwait(false);
        if (!providers.IsValue || providers.Value is not { Count: > 0 } list)
        {
            return (null, new ConnectFailure($"QueryProvider found no registered provider ({providers.Describe()}); register the VASA provider in vCenter or set providerId", []));
        }

        var replicationCapable = new List<(ManagedObjectReference Ref, VasaProviderInfo Info)>();
        foreach (var p in list)
        {
            var info = await client.QueryProviderInfoAsync(p, ct).ConfigureAwait(false);
            if (info.Value is VasaProviderInfo v && v.SupportedProviderProfile?.Contains("Replication") == true)
            {
                replicationCapable.Add((p, v));
            }
        }

        switch (replicationCapable.Count)
        {
            case 1:
                notes.Add($"discovered provider {replicationCapable[0].Ref.Value} ('{replicationCapable[0].Info.Name}')");
                return (replicationCapable[0].Ref, null);
            case 0 when list.Count == 1:
                // The only provider: test it, and let the capability check say that it does not report Replication.
                notes.Add($"the only registered provider, {list[0].Value}, does not report the Replication profile; testing it anyway");
                return (list[0], null);
            case 0:
                return (null, new ConnectFailure($"none of the {list.Count} registered provider(s) reports the Replication profile; set providerId to choose one", [], IsUsageError: true));
            default:
                var names = string.Join(", ", replicationCapable.Select(p => $"{p.Ref.Value} ('{p.Info.Name}')"));
                return (null, new ConnectFailure($"{replicationCapable.Count} replication providers are registered; set providerId in the profile to one of: {names}", [], IsUsageError: true));
        }
    }
}
