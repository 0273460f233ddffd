using Harness.Wire;
using Harness.Wire.Provider;

namespace Harness.Client;

/// <summary>An authenticated session with a discovered (or named) VASA provider.</summary>
internal sealed class ProviderConnection
{
    /// <summary>The client, logged in.</summary>
    public required SmsClient Client { get; init; }

    /// <summary>The provider under test.</summary>
    public required ManagedObjectReference Provider { get; init; }

    /// <summary>Its information; null when QueryProviderInfo did not answer with one (see <see cref="Notes"/>).</summary>
    public VasaProviderInfo? Info { get; init; }

    /// <summary>The answer to QueryProviderInfo, when it was not a VasaProviderInfo (the reason <see cref="Info"/> is null); null otherwise.</summary>
    public ProviderResult<DataObject>? InfoAnswer { get; init; }

    /// <summary>The QueryProviderInfo exchange made while connecting (the evidence when its answer contradicts the profile).</summary>
    public ProviderCall? InfoCall { get; init; }

    /// <summary>The vCenter's own name and version, from ServiceContent.about.</summary>
    public string? VcenterAbout { get; init; }

    /// <summary>What discovery saw that a reader should know.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Every exchange made while connecting.</summary>
    public IReadOnlyList<ProviderCall> Calls { get; init; } = [];
}
