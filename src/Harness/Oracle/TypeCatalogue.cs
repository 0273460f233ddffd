using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;

namespace Harness.Oracle;

/// <summary>
/// VMware's own type definitions for everything the SMS API reaches: data types, enums and managed methods, with the
/// release each appeared in. The data is <c>vmodl-types.json</c>, embedded in this assembly: an extraction of pyvmomi
/// 8.0.3.0.1's generated tables (<c>pyVmomi/_typeinfo_{core,vim,sms}.py</c>, Apache-2.0), which VMware generates from
/// the VMODL definitions vCenter's endpoints are built from. <c>scripts/update-vmodl-types.sh</c> refreshes it, and a
/// test holds it to its source. This is the oracle: the suite's wire model and simulator are judged by it, not by
/// each other.
/// </summary>
internal sealed class TypeCatalogue
{
    /// <summary>The catalogue in this assembly.</summary>
    public static TypeCatalogue Default => LazyDefault.Value;

    /// <summary>
    /// String properties whose declared type is <c>string</c> but whose documentation names an enum (see the
    /// extraction's notes): (owning type, property) → enum.
    /// </summary>
    public static readonly FrozenDictionary<(string Type, string Property), string> DocumentedEnums = new Dictionary<(string, string), string>
    {
        [("sms.TaskInfo", "state")] = "sms.TaskInfo.State",
        [("sms.storage.replication.SourceGroupInfo", "state")] = "sms.storage.replication.ReplicationState",
        [("sms.storage.replication.TargetGroupInfo", "state")] = "sms.storage.replication.ReplicationState",
        [("sms.storage.replication.FailoverSuccessResult", "newState")] = "sms.storage.replication.ReplicationState",
        [("sms.storage.StorageAlarm", "status")] = "sms.storage.AlarmStatus",
        [("sms.storage.StorageAlarm", "alarmType")] = "sms.storage.AlarmType",
    }.ToFrozenDictionary();

    private static readonly Lazy<TypeCatalogue> LazyDefault = new(() =>
    {
        using var stream = typeof(TypeCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the Harness assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    });

    private const string ResourceName = "vmodl-types.json";

    private readonly FrozenDictionary<string, VmodlDataType> types;
    private readonly FrozenDictionary<string, VmodlDataType> typesByWsdl;
    private readonly FrozenDictionary<string, VmodlEnum> enums;
    private readonly FrozenDictionary<string, VmodlEnum> enumsByWsdl;
    private readonly FrozenDictionary<string, (string Wsdl, string? Parent, FrozenDictionary<string, VmodlMethod> Methods)> managed;
    private readonly FrozenDictionary<string, string> managedByWsdl;
    private readonly FrozenDictionary<string, Version?> versions;
    private readonly FrozenSet<string> hasSubtypes;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, VmodlProperty>> allProperties = new(StringComparer.Ordinal);

    private TypeCatalogue(string source, string sha256, IEnumerable<VmodlDataType> types, IEnumerable<VmodlEnum> enums, IEnumerable<(string Name, string Wsdl, string? Parent, IReadOnlyList<VmodlMethod> Methods)> managed, IDictionary<string, Version?> versions)
    {
        this.Source = source;
        this.Sha256 = sha256;
        this.types = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        this.typesByWsdl = this.types.Values.GroupBy(t => t.Wsdl, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        this.enums = enums.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        this.enumsByWsdl = this.enums.Values.ToFrozenDictionary(e => e.Wsdl, StringComparer.Ordinal);
        this.managed = managed.ToFrozenDictionary(m => m.Name, m => (m.Wsdl, m.Parent, m.Methods.ToFrozenDictionary(x => x.Name, StringComparer.Ordinal)), StringComparer.Ordinal);
        this.managedByWsdl = this.managed.ToFrozenDictionary(kv => kv.Value.Wsdl, kv => kv.Key, StringComparer.Ordinal);
        this.versions = versions.ToFrozenDictionary(StringComparer.Ordinal);
        this.hasSubtypes = this.types.Values.Where(t => t.Parent is not null).Select(t => t.Parent!).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Where the data came from (the extraction's own words).</summary>
    public string Source { get; }

    /// <summary>SHA-256 of the embedded file (lower-case hex).</summary>
    public string Sha256 { get; }

    /// <summary>Every data type.</summary>
    public IEnumerable<VmodlDataType> DataTypes => this.types.Values;

    /// <summary>Every enum.</summary>
    public IEnumerable<VmodlEnum> Enums => this.enums.Values;

    /// <summary>Reads a catalogue from the JSON of <c>vmodl-types.json</c>.</summary>
    /// <exception cref="JsonException">The text is not such a file.</exception>
    public static TypeCatalogue Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = root.GetProperty("types").EnumerateObject().Select(t => new VmodlDataType(
            t.Name,
            t.Value.GetProperty("wsdl").GetString()!,
            t.Value.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null,
            t.Value.GetProperty("since").GetString() ?? string.Empty,
            t.Value.GetProperty("props").EnumerateArray().Select(p => new VmodlProperty(
                p.GetProperty("name").GetString()!,
                p.GetProperty("type").GetString()!,
                p.GetProperty("optional").GetBoolean(),
                p.GetProperty("since").GetString() ?? string.Empty)).ToList())).ToList();
        var enums = root.GetProperty("enums").EnumerateObject().Select(e => new VmodlEnum(
            e.Name,
            e.Value.GetProperty("wsdl").GetString()!,
            e.Value.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList())).ToList();
        var managed = root.GetProperty("managed").EnumerateObject().Select(m => (
            m.Name,
            m.Value.GetProperty("wsdl").GetString()!,
            m.Value.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null,
            (IReadOnlyList<VmodlMethod>)m.Value.GetProperty("methods").EnumerateObject().Select(x => new VmodlMethod(
                x.Name,
                m.Name,
                x.Value.GetProperty("params").EnumerateArray().Select(p => new VmodlParameter(p.GetProperty("name").GetString()!, p.GetProperty("type").GetString()!, p.GetProperty("optional").GetBoolean())).ToList(),
                x.Value.GetProperty("returns").GetString()!,
                x.Value.GetProperty("taskResult").GetString()!,
                x.Value.GetProperty("faults").EnumerateArray().Select(f => f.GetString()!).ToList(),
                x.Value.GetProperty("since").GetString() ?? string.Empty)).ToList())).ToList();
        var versions = root.GetProperty("versions").EnumerateObject().ToDictionary(
            v => v.Name,
            v => Version.TryParse(v.Value.GetProperty("release").GetString(), out var release) ? Normalize(release) : null,
            StringComparer.Ordinal);
        return new TypeCatalogue(root.GetProperty("source").GetString() ?? "(unknown)", Convert.ToHexStringLower(SHA256.HashData(json)), types, enums, managed, versions);
    }

    /// <summary>A data type by VMODL name.</summary>
    public VmodlDataType? DataType(string vmodlName) => this.types.GetValueOrDefault(vmodlName);

    /// <summary>A data type by WSDL name (the wire <c>_typeName</c>).</summary>
    public VmodlDataType? DataTypeByWsdl(string wsdl) => this.typesByWsdl.GetValueOrDefault(wsdl);

    /// <summary>An enum by VMODL name.</summary>
    public VmodlEnum? Enum(string vmodlName) => this.enums.GetValueOrDefault(vmodlName);

    /// <summary>An enum by WSDL name.</summary>
    public VmodlEnum? EnumByWsdl(string wsdl) => this.enumsByWsdl.GetValueOrDefault(wsdl);

    /// <summary>Whether the name is a managed object type (a value of it travels as a MoRef).</summary>
    public bool IsManaged(string vmodlName) => this.managed.ContainsKey(vmodlName) || vmodlName is "vmodl.ManagedObject" || vmodlName.StartsWith("vmodl.query.", StringComparison.Ordinal);

    /// <summary>A method by the WSDL names of its managed type (as in the URL, e.g. <c>VasaProvider</c>) and of the method, inherited ones included.</summary>
    public VmodlMethod? Method(string managedWsdl, string method)
    {
        var name = this.managedByWsdl.GetValueOrDefault(managedWsdl);
        while (name is not null && this.managed.TryGetValue(name, out var type))
        {
            if (type.Methods.TryGetValue(method, out var found))
            {
                return found;
            }

            name = type.Parent;
        }

        return null;
    }

    /// <summary>Whether <paramref name="vmodlName"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public bool IsSubtypeOf(string vmodlName, string ancestor)
    {
        for (var name = vmodlName; name is not null; name = this.types.GetValueOrDefault(name)?.Parent)
        {
            if (name == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any data type derives from this one (so that a value of it may be of another type).</summary>
    public bool HasSubtypes(string vmodlName) => this.hasSubtypes.Contains(vmodlName);

    /// <summary>Every property of a data type, inherited ones included, by wire name.</summary>
    public IReadOnlyDictionary<string, VmodlProperty> PropertiesOf(string vmodlName) => this.allProperties.GetOrAdd(vmodlName, name =>
    {
        var chain = new List<VmodlDataType>();
        for (var type = this.DataType(name); type is not null; type = type.Parent is null ? null : this.DataType(type.Parent))
        {
            chain.Add(type);
        }

        var all = new Dictionary<string, VmodlProperty>(StringComparer.Ordinal);
        foreach (var type in Enumerable.Reverse(chain))
        {
            foreach (var property in type.Properties)
            {
                all[property.Name] = property;
            }
        }

        return all;
    });

    /// <summary>The release a version id stands for (e.g. <c>sms.version.v8_0_2_0</c> → 8.0.2.0), or null when it has none (always there).</summary>
    public Version? ReleaseOf(string versionId) => this.versions.GetValueOrDefault(versionId);

    /// <summary>Whether something that appeared in <paramref name="versionId"/> exists in <paramref name="release"/> (null: the newest release).</summary>
    public bool AvailableIn(string versionId, Version? release) =>
        release is null || this.ReleaseOf(versionId) is not { } since || since <= release;

    /// <summary>Parses a run's release (e.g. <c>8.0.3.0</c>); null when it is not a version, which is judged as the newest release.</summary>
    public static Version? ParseRelease(string? release) => Version.TryParse(release, out var version) ? Normalize(version) : null;

    private static Version Normalize(Version v) => new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0), Math.Max(v.Revision, 0));
}
