namespace Harness.Wire;

/// <summary>A device group id, unique within its fault domain.</summary>
internal sealed class DeviceGroupId : DataObject
{
    /// <summary>The id.</summary>
    public string? Id { get; set; }
}
