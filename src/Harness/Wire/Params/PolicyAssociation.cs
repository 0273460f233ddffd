using Harness.Wire.Devices;

namespace Harness.Wire.Params;

/// <summary>A storage policy to associate with a recovered device.</summary>
internal sealed class PolicyAssociation : DataObject
{
    /// <summary>The source device (required).</summary>
    public DeviceId? Id { get; set; }

    /// <summary>The policy (required).</summary>
    public string? PolicyId { get; set; }

    /// <summary>The datastore (required).</summary>
    public ManagedObjectReference? Datastore { get; set; }
}
