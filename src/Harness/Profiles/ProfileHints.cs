using System.Globalization;
using System.Text.Json;
using Harness.Simulator;
using Harness.Wire.Groups;

namespace Harness.Profiles;

/// <summary>
/// The fix-it half of each profile message: what to write instead, per field. <see cref="ProfileSchemaErrors"/> says
/// what the schema found wrong and takes the fix from here. Fields are named by their key (see <see cref="Fold"/>),
/// so a peer field gets the same hint as the first site's.
/// </summary>
internal static class ProfileHints
{
    /// <summary>The rule for a profile name.</summary>
    public const string NameRule = "use 1 to 64 of the characters A-Z a-z 0-9 . _ - (e.g. \"acme-array-7\")";

    private const string PasswordHint =
        "inline secrets are refused: put the password in an environment variable and name it in credentials.passwordEnv (or credentials.passwordFile)";

    private const string UserNameHint =
        "inline secrets are refused: put the user name in an environment variable and name it in credentials.userNameEnv";

    private const string PeerPrefix = "peer.";

    /// <summary>
    /// The key of a field for the hints: its path without <c>$.</c> and with <c>[]</c> for an index (done by the
    /// caller), and with a leading <c>peer.</c> removed, since the peer's fields mean what the first site's mean.
    /// </summary>
    public static string Fold(string key) => key.StartsWith(PeerPrefix, StringComparison.Ordinal) ? key[PeerPrefix.Length..] : key;

    /// <summary>How to add the required field <paramref name="field"/> (its name, wherever it is required).</summary>
    public static string Required(string field) => field switch
    {
        "name" => $"give the profile a name; {NameRule}",
        "target" => "set it to \"embedded\" or to a vCenter URL such as \"https://vcenter.example.com\"",
        "userNameEnv" => "name the environment variable holding the user name, e.g. \"userNameEnv\": \"VASA_USER\"",
        "faultDomainId" => "add e.g. \"faultDomainId\": \"fd-A\"",
        "deviceGroupId" => "add e.g. \"deviceGroupId\": \"rg-1\"",
        "state" => $"add \"state\" with one of {string.Join(", ", ReplicationState.All)}",
        "fault" => $"name the fault to inject, e.g. \"fault\": \"ProviderBusy\"; one of {string.Join(", ", SimulatedFault.FaultNames)}",
        "kind" => $"name how the exchange breaks, e.g. \"kind\": \"hang\"; one of {string.Join(", ", TransportFault.Kinds.Keys)}",
        "reason" => "say why the clause cannot be verified on this provider (a ticket, a lab limitation)",
        "expires" => "every acceptance needs an end, e.g. \"expires\": \"2027-03-31\"",
        _ => $"add \"{field}\" (see its description in profile.schema.json)",
    };

    /// <summary>The message for the empty string in field <paramref name="name"/> (key <paramref name="key"/>).</summary>
    public static string Empty(string key, string name) => key switch
    {
        "credentials.passwordFile" => "'passwordFile' is empty; give the path of a file whose only content is the password",
        _ => $"'{name}' is empty; give a value such as {Example(name)}",
    };

    /// <summary>The message for <paramref name="value"/> not matching the pattern of field <paramref name="key"/>; <c>null</c> when the field has none of its own.</summary>
    public static string? Pattern(string key, string value) => key switch
    {
        "name" => $"{ProfileText.Quote(value)} is not a valid profile name; {NameRule}",
        "target" => Target(value),
        "release" => $"{ProfileText.Quote(value)} is not a release; use four dot-separated numbers such as \"{Profile.DefaultRelease}\"",
        "credentials.userNameEnv" => EnvironmentName("user name", "VASA_USER"),
        "credentials.passwordEnv" => EnvironmentName("password", "VASA_PASSWORD"),
        "tls.pinnedSha256" => "expected the certificate's SHA-256 fingerprint: 64 hex digits, colons allowed (get it with: openssl s_client -connect host:443 </dev/null | openssl x509 -noout -fingerprint -sha256)",
        "acceptedUnverified[].expires" => $"{ProfileText.Quote(value)} is not a date; write it like \"2027-03-31\"",
        _ => null,
    };

    /// <summary>The message for <paramref name="value"/> not being an allowed value of field <paramref name="key"/>; <c>null</c> when the field has none of its own.</summary>
    public static string? NotAllowed(string key, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var quoted = ProfileText.Quote(text);
        return key switch
        {
            "tls.insecure" => "'insecure' may only be the literal true (an explicit opt-out of certificate checks); remove the field to use the system trust store",
            "propertyTests.preset" => $"{quoted} is not a preset; use \"{PropertyTestSettings.Quick}\" (few cases, the default) or \"{PropertyTestSettings.Thorough}\" (many more cases), or set \"cases\" to an exact number",
            "simulator.groups[].state" => $"{quoted} is not a replication state; use one of {string.Join(", ", ReplicationState.All)}",
            "simulator.faults[].operation" => $"{quoted} cannot be given a fault; use one of {string.Join(", ", SimulatedFault.Operations)} (or remove the field for {SimulatedFault.DefaultOperation})",
            "simulator.faults[].fault" => $"{quoted} is not a fault the simulator can inject; {CaseHint("fault names", text, SimulatedFault.FaultNames)}use one of {string.Join(", ", SimulatedFault.FaultNames)}",
            "simulator.faults[].route" => $"{quoted} is not a route; use \"{FaultInjection.CallRoute}\" (the call fails with HTTP 500, the default) or \"{FaultInjection.TaskRoute}\" (the call returns a task that ends in error)",
            "simulator.transportFaults[].operation" => $"{quoted} cannot be given a transport fault; use one of {string.Join(", ", SimulatedTransportFault.Operations)} (or remove the field for {SimulatedTransportFault.DefaultOperation})",
            "simulator.transportFaults[].kind" => $"{quoted} is not a transport fault kind; {CaseHint("kinds", text, TransportFault.Kinds.Keys)}use one of {string.Join(", ", TransportFault.Kinds.Keys)}",
            "simulator.transportFaults[].status" => $"{text} is not a status the simulator can answer; use one of {string.Join(", ", SimulatedTransportFault.Statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)))}",
            "simulator.requestShapeFault" => Choice(quoted, "choice", SimulatorSettingsReader.RequestShapeFaults.Keys),
            "simulator.perGroupErrors" => Choice(quoted, "reading", SimulatorSettingsReader.PerGroupErrorReadings.Keys),
            "simulator.repeats" => Choice(quoted, "reading", SimulatorSettingsReader.RepeatReadings.Keys),
            "simulator.lifecycle.concurrentSync" => Choice(quoted, "reading", SimulatorSettingsReader.ConcurrentSyncReadings.Keys),
            "simulator.lifecycle.peerAfterFailover" or "simulator.lifecycle.peerAfterPromote" => Choice(quoted, "reading", SimulatorSettingsReader.PeerReadings.Keys),
            "simulator.lifecycle.testFailoverStartResult" => Choice(quoted, "reading", SimulatorSettingsReader.TestFailoverStartResultReadings.Keys),
            "simulator.lifecycle.testFailoverStopWithoutForce" => Choice(quoted, "reading", SimulatorSettingsReader.TestFailoverStopReadings.Keys),
            _ => null,
        };
    }

    /// <summary>What a value of field <paramref name="key"/> must be, where plain "a string" says too little; <c>null</c> otherwise.</summary>
    public static string? ExpectedType(string key) => key switch
    {
        "simulator.deviations[]" => "a deviation name (a string)",
        _ => null,
    };

    /// <summary>
    /// The message for a field the schema does not allow: a secret pasted in gets the rule on secrets, a near miss gets
    /// "did you mean", anything else the list of known fields.
    /// </summary>
    public static string UnknownField(string name, IReadOnlyList<string> knownFields)
    {
        var known = $"known fields: {string.Join(", ", knownFields)}";
        var sameButCase = knownFields.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return $"unknown field {ProfileText.Quote(name)}; field names are case-sensitive camelCase: did you mean '{sameButCase}'?";
        }

        var lower = name.ToLowerInvariant();
        if (lower.Contains("pass", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal) || lower.Contains("token", StringComparison.Ordinal))
        {
            return PasswordHint;
        }

        if (lower is "user" or "username" or "login" or "userid")
        {
            return UserNameHint;
        }

        var closest = knownFields.MinBy(k => ProfileText.EditDistance(k, name));
        return closest is not null && ProfileText.EditDistance(closest, name) <= 2
            ? $"unknown field {ProfileText.Quote(name)}; did you mean '{closest}'? {known}"
            : $"unknown field {ProfileText.Quote(name)}; {known}";
    }

    private static string Example(string name) => name switch
    {
        "providerId" => "\"VasaProvider-1\" (or remove the field to discover the provider)",
        "baseline" => "\"known-failures.json\" (a path relative to the profile; or remove the field)",
        "faultDomainId" => "\"fd-A\"",
        "deviceGroupId" => "\"rg-1\"",
        "providerName" => $"\"{SimulatorSettings.Default.ProviderName}\"",
        "providerVersion" => $"\"{SimulatorSettings.Default.ProviderVersion}\"",
        "vasaVersion" => $"\"{SimulatorSettings.Default.VasaVersion}\"",
        "check" => "\"Two_concurrent_reversals_of_one_group_reverse_it_once\"",
        "clause" => "\"RRG-CONC-1\"",
        "reason" => "\"no second FAILEDOVER group in the lab\"",
        _ => "the one in its description in profile.schema.json",
    };

    // The value is not repeated: a user who pasted the secret itself here must not see it echoed to a log.
    private static string EnvironmentName(string what, string example) =>
        $"must be the NAME of the environment variable holding the {what} (letters, digits and '_', not starting with a digit), e.g. \"{example}\"; the {what} itself never goes in the profile";

    private static string Target(string text)
    {
        ProfileTarget.Parse(text, out var error, allowPlainHttp: true);
        return error ?? $"{ProfileText.Quote(text)} is not a valid target; set it to \"embedded\" or to an absolute URL such as \"https://vcenter.example.com\"";
    }

    private static string CaseHint(string what, string text, IEnumerable<string> names) =>
        names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } sameButCase
            ? $"{what} are case-sensitive: did you mean '{sameButCase}'? "
            : string.Empty;

    private static string Choice(string quoted, string what, IEnumerable<string> allowed) =>
        $"{quoted} is not a {what}; use one of {string.Join(", ", allowed.Select(ProfileText.Quote))}";
}
