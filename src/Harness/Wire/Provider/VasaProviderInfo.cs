namespace Harness.Wire.Provider;

/// <summary>A VASA provider's information, from <c>QueryProviderInfo</c>.</summary>
internal sealed class VasaProviderInfo : SmsProviderInfo
{
    /// <summary>The VASA provider URL.</summary>
    public string? Url { get; set; }

    /// <summary>online, offline, syncError, unknown, connected or disconnected.</summary>
    public string? Status { get; set; }

    /// <summary>The VASA API version.</summary>
    public string? VasaVersion { get; set; }

    /// <summary>ProfileBasedManagement and/or Replication.</summary>
    public List<string>? SupportedProviderProfile { get; set; }

    /// <summary>A provider-wide batch size hint; unset or not positive means no common limit.</summary>
    public long? MaxBatchSize { get; set; }
}
