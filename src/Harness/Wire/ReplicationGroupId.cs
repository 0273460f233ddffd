using System.Text.Json.Serialization;

namespace Harness.Wire;

/// <summary>A replication group id: the pair of fault domain id and device group id.</summary>
internal sealed class ReplicationGroupId : DataObject
{
    /// <summary>The fault domain.</summary>
    public FaultDomainId? FaultDomainId { get; set; }

    /// <summary>The device group within the fault domain.</summary>
    public DeviceGroupId? DeviceGroupId { get; set; }

    /// <summary>"faultDomain/deviceGroup", the identity used to match results to requests. Not a wire property: ReplicationGroupId has only faultDomainId and deviceGroupId.</summary>
    [JsonIgnore]
    public string Key => $"{this.FaultDomainId?.Id}/{this.DeviceGroupId?.Id}";

    /// <summary>Creates an id.</summary>
    public static ReplicationGroupId Of(string faultDomainId, string deviceGroupId) => new()
    {
        FaultDomainId = new FaultDomainId { Id = faultDomainId },
        DeviceGroupId = new DeviceGroupId { Id = deviceGroupId },
    };

    /// <summary>The id a <see cref="Key"/> names (<c>faultDomain/deviceGroup</c>; the fault domain is everything before the first slash).</summary>
    public static ReplicationGroupId FromKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Of(string.Empty, key) : Of(key[..slash], key[(slash + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => this.Key;
}
