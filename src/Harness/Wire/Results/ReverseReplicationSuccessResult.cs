namespace Harness.Wire.Results;

/// <summary>A reversed group: <see cref="NewGroupId"/> is the device group of the new source group, in the same fault domain.</summary>
internal sealed class ReverseReplicationSuccessResult : GroupOperationResult
{
    /// <summary>The new source group's device group id (required).</summary>
    public DeviceGroupId? NewGroupId { get; set; }
}
