using Harness.Wire.Faults;

namespace Harness.Wire.Results;

/// <summary>The base of every per-group result. Abstract here; the plain wire type is <see cref="BareGroupOperationResult"/>.</summary>
internal abstract class GroupOperationResult : DataObject
{
    /// <summary>The group this result is for (required).</summary>
    public ReplicationGroupId? GroupId { get; set; }

    /// <summary>Warnings, e.g. <c>AlreadyDone</c>.</summary>
    public List<MethodFault>? Warning { get; set; }
}
