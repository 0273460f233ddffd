namespace Harness.Wire.Provider;

/// <summary>Provider information; for VASA providers the subtype <see cref="VasaProviderInfo"/>.</summary>
internal class SmsProviderInfo : DataObject
{
    /// <summary>Unique id.</summary>
    public string? Uid { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Version.</summary>
    public string? Version { get; set; }
}
