using System.Text.Json.Nodes;

namespace Harness.Tests.Profiles;

/// <summary>Builds profile JSON for tests: a valid base profile with fields overridden or removed. Single quotes stand for double quotes.</summary>
internal static class ProfileJson
{
    /// <summary>A valid remote profile.</summary>
    public const string RemoteBase =
        "{'name':'lab','target':'https://vcenter.example.com','credentials':{'userNameEnv':'VASA_USER','passwordEnv':'VASA_PASSWORD'}}";

    /// <summary>A valid embedded profile.</summary>
    public const string EmbeddedBase = "{'name':'sim','target':'embedded'}";

    /// <summary>Replaces single quotes with double quotes.</summary>
    public static string Q(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <summary>The remote base with the fields of <paramref name="overrides"/> set and the <paramref name="remove"/> fields removed.</summary>
    public static string Remote(string overrides, params string[] remove) => Merge(RemoteBase, overrides, remove);

    /// <summary>The embedded base with the fields of <paramref name="overrides"/> set and the <paramref name="remove"/> fields removed.</summary>
    public static string Embedded(string overrides, params string[] remove) => Merge(EmbeddedBase, overrides, remove);

    private static string Merge(string baseJson, string overrides, string[] remove)
    {
        var root = JsonNode.Parse(Q(baseJson))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(Q(overrides))!.AsObject())
        {
            root[name] = value?.DeepClone();
        }

        foreach (var name in remove)
        {
            root.Remove(name);
        }

        return root.ToJsonString();
    }
}
