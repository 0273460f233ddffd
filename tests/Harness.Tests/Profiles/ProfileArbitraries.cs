using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Harness.Tests.Profiles;

/// <summary>
/// Generators for profile texts: arbitrary strings, JSON-ish token soup, and structurally plausible profile objects
/// whose fields are known names (at every level) or junk, with values of random JSON types, often valid ones.
/// </summary>
public static class ProfileArbitraries
{
    private static readonly string[] FieldNames =
    [
        "name", "target", "release", "credentials", "tls", "providerId", "groups", "taskTimeoutSeconds",
        "pollIntervalMilliseconds", "keepWaitingAfterStuckTask", "simulator", "userNameEnv", "passwordEnv", "passwordFile", "pinnedSha256", "insecure",
        "faultDomainId", "deviceGroupId", "state", "maxBatchSize", "batchLimit", "tooManyReportsMaxBatchSize",
        "taskPollsToComplete", "providerName", "providerVersion", "vasaVersion", "deviations",
        "capabilities", "propertyTests", "retry", "ReverseReplicateGroup_Task", "QueryReplicationGroup", "implemented",
        "preset", "cases", "seed", "attempts", "initialDelayMilliseconds", "budgetSeconds", "latencyMilliseconds",
        "taskDurationMilliseconds", "progressSteps", "faults", "operation", "fault", "times", "route",
        "peer", "$schema", "transportFaults", "kind", "status", "sizeBytes", "acceptedUnverified", "check", "clause", "reason", "expires",
        "password", "userName", "Name", "groupz", "", " ", "$", "a.b", "\u00e9", "x\"y",
    ];

    private static readonly string[] Strings =
    [
        "embedded", "Embedded", "https://vcenter.example.com", "https://vc:8443/", "http://127.0.0.1:8080", "http://[::1]",
        "http://vc.example.com", "https://u:p@vc", "https://vc/sdk?x", "file:///etc/passwd", "/relative", "fd-A", "rg-fo-1",
        "rg-x", "SOURCE", "TARGET", "FAILEDOVER", "INTEST", "REMOTE_FAILEDOVER", "VASA_USER", "1BAD", "8.0.3.0", "8.0",
        "AB:CD", new string('a', 64), new string('Z', 64), "", " ", " padded ", "OmitTaskResult", "\u0000", "\ud800",
        new string('n', 65), "sim", "quick", "thorough", "call", "task", "ProviderBusy", "TooMany", "QuerySmsTaskInfo",
    ];

    private static readonly string[] Numbers =
        ["0", "1", "-1", "2", "8", "9", "10", "30", "200", "300", "1000", "1001", "60001", "86400", "86401", "1.5", "1e3", "-0",
         "2147483648", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "1e400",
         "100000", "100001", "3600000"];

    private static readonly string[] Tokens =
        ["{", "}", "[", "]", ",", ":", "\"", "\\", "\"name\"", "\"target\"", "\"embedded\"", "1", "null", "true", "//c\n", "/*", "*/",
         " ", "\n", "'", "\"groups\"", "\"simulator\"", "\"\\u12\"", "tru", "-", "."];

    /// <summary>The arbitrary used by <c>Loader_never_throws_and_returns_profile_or_errors</c>.</summary>
    public static Arbitrary<ProfileCandidate> ProfileCandidate() =>
        Gen.Frequency(
                (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
                (1, Gen.Elements(Tokens).ArrayOf().Select(string.Concat)),
                (3, Value(3)),
                (5, PlausibleProfile()))
            .Select(json => new ProfileCandidate(json))
            .ToArbitrary();

    private static Gen<string> Scalar() =>
        Gen.OneOf(
            Gen.Elements(Strings).Select(s => JsonSerializer.Serialize(s)),
            ArbMap.Default.GeneratorFor<string>().Select(s => JsonSerializer.Serialize(s ?? string.Empty)),
            Gen.Elements(Numbers),
            Gen.Elements("true", "false", "null"));

    private static Gen<string> Value(int depth) =>
        depth == 0
            ? Scalar()
            : Gen.Frequency(
                (4, Scalar()),
                (1, Value(depth - 1).ListOf(4).Select(items => $"[{string.Join(",", items)}]")),
                (2, Object(depth - 1)));

    private static Gen<string> Object(int depth) =>
        Gen.Zip(Gen.Elements(FieldNames), Value(depth))
            .ListOf(6)
            .Select(fields => $"{{{string.Join(",", fields.Select(f => $"{JsonSerializer.Serialize(f.Item1)}:{f.Item2}"))}}}");

    /// <summary>A profile whose fields are mostly valid, sometimes junk, sometimes missing, so every path is reached.</summary>
    private static Gen<string> PlausibleProfile() => Gen.Elements(true, false).SelectMany(PlausibleProfile);

    private static Gen<string> PlausibleProfile(bool embedded)
    {
        var groupIds = embedded
            ? new[] { ("fd-A", "rg-fo-1"), ("fd-B", "rg-fo-4"), ("fd-A", "rg-src-1"), ("fd-B", "rg-rfo-1") }
            : new[] { ("fd-1", "rg-1"), ("fd-1", "rg-2"), ("fd-2", "rg-1") };
        var groups = Gen.SubListOf(groupIds)
            .Select(ids => $"[{string.Join(",", ids.Select(id => $"{{\"faultDomainId\":\"{id.Item1}\",\"deviceGroupId\":\"{id.Item2}\"}}"))}]");
        var simulator = Gen.Elements(
            "{}",
            "{\"maxBatchSize\":null,\"batchLimit\":null,\"tooManyReportsMaxBatchSize\":false}",
            "{\"taskPollsToComplete\":0,\"deviations\":[\"OmitTaskResult\"],\"providerName\":\"p\"}",
            "{\"groups\":[{\"faultDomainId\":\"fd-A\",\"deviceGroupId\":\"rg-fo-1\",\"state\":\"FAILEDOVER\"}]}",
            "{\"latencyMilliseconds\":0,\"taskDurationMilliseconds\":5,\"progressSteps\":3}",
            "{\"faults\":[{\"fault\":\"ProviderBusy\",\"times\":2},{\"operation\":\"QueryReplicationGroup\",\"fault\":\"NotFound\",\"route\":\"task\"}]}");
        var fields = new List<(string Name, Gen<string> Valid, bool Required)>
        {
            ("name", Gen.Elements("\"sim\"", "\"lab-1\""), true),
            ("target", embedded ? Gen.Constant("\"embedded\"") : Gen.Elements("\"https://vcenter.example.com\"", "\"http://localhost:8080\""), true),
            ("release", Gen.Constant("\"8.0.3.0\""), false),
            ("credentials", Gen.Elements("{\"userNameEnv\":\"U\",\"passwordEnv\":\"P\"}", "{\"userNameEnv\":\"U\",\"passwordFile\":\"/p\"}"), !embedded),
            ("tls", Gen.Elements("{}", "{\"insecure\":true}", $"{{\"pinnedSha256\":\"{new string('a', 64)}\"}}"), false),
            ("providerId", Gen.Elements("\"vp-1\"", "null"), false),
            ("groups", groups, false),
            ("taskTimeoutSeconds", Gen.Choose(1, 86400).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), false),
            ("pollIntervalMilliseconds", Gen.Choose(10, 60000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), false),
            ("keepWaitingAfterStuckTask", Gen.Elements("true", "false"), false),
            ("capabilities", Gen.Elements("{}", "{\"ReverseReplicateGroup_Task\":{\"implemented\":true,\"batchLimit\":8}}", "{\"QueryReplicationGroup\":{\"implemented\":false,\"batchLimit\":null}}"), false),
            ("propertyTests", Gen.Elements("{}", "{\"preset\":\"thorough\"}", "{\"preset\":\"quick\",\"cases\":5,\"seed\":18446744073709551615}"), false),
            ("retry", Gen.Elements("{}", "{\"attempts\":0}", "{\"attempts\":20,\"initialDelayMilliseconds\":1,\"budgetSeconds\":3600}"), false),
            ("peer", embedded
                ? Gen.Elements("{\"target\":\"embedded\"}", "{\"target\":\"embedded\",\"providerId\":\"vp-1\"}", "{\"target\":\"https://vc-b\"}")
                : Gen.Elements("{\"target\":\"https://vc-b.example.com\"}", "{\"target\":\"https://vcenter.example.com\",\"providerId\":\"vp-2\"}", "{\"target\":\"embedded\"}", "{\"target\":\"https://vc-b\",\"credentials\":{\"userNameEnv\":\"U2\",\"passwordFile\":\"/p2\"},\"groups\":[{\"faultDomainId\":\"fd-9\",\"deviceGroupId\":\"rg-9\"}]}"), false),
        };
        if (embedded)
        {
            fields.Add(("simulator", simulator, false));
        }

        var extra = Gen.Frequency(
            (6, Gen.Constant((string?)null)),
            (1, Gen.Zip(Gen.Elements(FieldNames), Value(1)).Select(e => (string?)$"{JsonSerializer.Serialize(e.Item1)}:{e.Item2}")));

        return Gen.CollectToList(fields.Select(f => Gen.Frequency(
                (30, f.Valid.Select(v => (string?)$"\"{f.Name}\":{v}")),
                (1, Value(2).Select(v => (string?)$"\"{f.Name}\":{v}")),
                (f.Required ? 1 : 10, Gen.Constant((string?)null)))))
            .SelectMany(_ => extra, (known, field) => "{" + string.Join(",", known.Append(field).OfType<string>()) + "}");
    }
}
