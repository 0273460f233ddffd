using Harness.Wire;
using Harness.Wire.Serialization;

namespace Conformance.Operations;

/// <summary>
/// An operation's argument: its request fields, as VMware declares its parameters, and, for an operation that names
/// groups, how to build a body for a list of groups and the bodies the input contract sends: a missing group list
/// (empty, absent, null) and malformed ones, each naming only the made-up group it is given.
/// </summary>
internal sealed class OperationArgument
{
    private readonly Func<string, string>? place;
    private readonly Func<string, string> entry;
    private readonly Func<string, string, IReadOnlyList<(string What, string Body)>> malformed;

    private OperationArgument(IReadOnlyList<string> fields, string? groupsField, Func<string, string>? place, Func<string, string> entry, string absent, string? nullBody, Func<string, string, IReadOnlyList<(string What, string Body)>> malformed)
    {
        this.Fields = fields;
        this.GroupsField = groupsField;
        this.place = place;
        this.entry = entry;
        this.Absent = absent;
        this.Null = nullBody;
        this.malformed = malformed;
    }

    /// <summary>The request fields in parameter order (e.g. <c>groupId</c>, <c>pitName</c>); a test holds them to VMware's parameters.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The field that carries the groups (<c>groupId</c>, <c>failoverParam</c>…), as check names spell it; null when the operation names no group.</summary>
    public string? GroupsField { get; }

    /// <summary>Whether the operation names groups (so that a body can be built for a list of them).</summary>
    public bool NamesGroups => this.place is not null;

    /// <summary>The body without the groups field: <c>{}</c>, or the other fields alone.</summary>
    public string Absent { get; }

    /// <summary>The body whose groups field is null.</summary>
    public string? Null { get; }

    /// <summary>The bodies that name no group, each with the adjective check names use: Empty, Absent, Null.</summary>
    public IReadOnlyList<(string Adjective, string Body)> Missing =>
        this.place is null ? [] : [("Empty", this.place("[]")), ("Absent", this.Absent), ("Null", this.Null!)];

    /// <summary>The body naming <paramref name="groups"/> (null: the absent body).</summary>
    /// <exception cref="InvalidOperationException">The operation names no group.</exception>
    public string Body(IReadOnlyList<ReplicationGroupId>? groups)
    {
        var place = this.place ?? throw new InvalidOperationException("the operation names no group");
        return groups is null
            ? this.Absent
            : place("[" + string.Join(",", groups.Select(g => this.entry(WireJson.Serialize(ReplicationGroupId.Of(g.FaultDomainId?.Id ?? string.Empty, g.DeviceGroupId?.Id ?? string.Empty))))) + "]");
    }

    /// <summary>The body with <paramref name="list"/>, raw JSON, where the group list goes (for generated malformed bodies).</summary>
    public string WithList(string list) => (this.place ?? throw new InvalidOperationException("the operation names no group"))(list);

    /// <summary>Malformed bodies, each naming only <paramref name="madeUp"/>, with what is wrong in words.</summary>
    public IReadOnlyList<(string What, string Body)> Malformed(ReplicationGroupId madeUp) =>
        this.place is null ? [] : this.malformed(madeUp.FaultDomainId!.Id!, madeUp.DeviceGroupId!.Id!);

    /// <summary>An argument that names no group: only its fields.</summary>
    public static OperationArgument Plain(params string[] fields) =>
        new(fields, null, null, id => id, "{}", null, (_, _) => []);

    /// <summary>
    /// A <c>groupId</c> list first, then <paramref name="rest"/> sent as given (e.g. <c>,"pitName":"x"</c>); the
    /// fields are every parameter, sent or optional.
    /// </summary>
    public static OperationArgument GroupIds(string[] fields, string rest = "")
    {
        string Place(string list) => "{\"groupId\":" + list + rest + "}";
        return new(fields, "groupId", Place, id => id, "{" + rest.TrimStart(',') + "}", Place("null"), (fd, dg) =>
        [
            ("groupId is a string", Place($"\"{fd}/{dg}\"")),
            ("groupId is a number", Place("42")),
            ("groupId is an object", Place($"{{\"faultDomainId\":{{\"id\":\"{fd}\"}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}")),
            ("an entry has no faultDomainId", Place($"[{{\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]")),
            ("an entry's id is a number", Place($"[{{\"faultDomainId\":{{\"id\":1}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]")),
            ("an entry has the wrong _typeName", Place($"[{{\"_typeName\":\"FaultDomainId\",\"faultDomainId\":{{\"id\":\"{fd}\"}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]")),
        ]);
    }

    /// <summary>
    /// One parameter object (e.g. <c>failoverParam</c> of type FailoverParam) holding <paramref name="settings"/>
    /// (e.g. <c>"isPlanned":true</c>) and the groups in <paramref name="listField"/>, each wrapped in an
    /// <paramref name="entryType"/> (<c>{"_typeName":…,"groupId":id}</c>) when given.
    /// </summary>
    public static OperationArgument Param(string field, string type, string settings, string listField, string? entryType = null)
    {
        string Place(string list) => $"{{\"{field}\":{{\"_typeName\":\"{type}\",{settings},\"{listField}\":{list}}}}}";
        string Entry(string id) => entryType is null ? id : $"{{\"_typeName\":\"{entryType}\",\"groupId\":{id}}}";
        return new([field], field, Place, Entry, "{}", $"{{\"{field}\":null}}", (fd, dg) =>
        [
            ($"{field} is a string", $"{{\"{field}\":\"{fd}/{dg}\"}}"),
            ($"{field} is a number", $"{{\"{field}\":42}}"),
            ($"{field} has the wrong _typeName", $"{{\"{field}\":{{\"_typeName\":\"FaultDomainId\",{settings},\"{listField}\":[]}}}}"),
            ($"{listField} is a string", Place($"\"{fd}/{dg}\"")),
            ("an entry has no faultDomainId", Place($"[{Entry($"{{\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}")}]")),
            ("an entry's id is a number", Place($"[{Entry($"{{\"faultDomainId\":{{\"id\":1}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}")}]")),
        ]);
    }
}
