namespace Harness.Wire;

/// <summary>A managed object reference: <c>{"_typeName":"ManagedObjectReference","type":…,"value":…}</c>.</summary>
internal sealed class ManagedObjectReference : DataObject
{
    /// <summary>The managed object type, e.g. <c>SmsTask</c> or <c>VasaProvider</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The moId.</summary>
    public string? Value { get; set; }

    /// <summary>Optional server GUID (govmomi models it).</summary>
    public string? ServerGuid { get; set; }

    /// <summary>Creates a reference.</summary>
    public static ManagedObjectReference Of(string type, string value) => new() { Type = type, Value = value };

    /// <inheritdoc />
    public override string ToString() => $"{this.Type}:{this.Value}";
}
