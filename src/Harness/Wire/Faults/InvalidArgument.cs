namespace Harness.Wire.Faults;

/// <summary>An argument is invalid; for ReverseReplicateGroup_Task, groupId null or empty.</summary>
internal sealed class InvalidArgument : RuntimeFault
{
    /// <summary>The offending property, e.g. groupId.</summary>
    public string? InvalidProperty { get; set; }
}
