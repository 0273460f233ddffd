using System.ComponentModel.DataAnnotations;

namespace Harness.Profiles;

/// <summary>
/// What the profile declares about one SMS method of the provider (profile <c>capabilities.&lt;method&gt;</c>):
/// whether it is implemented and the batch limit it enforces. Checks use it to tell a declared limitation from a
/// contract break. Obtain one with <see cref="Profile.CapabilityOf"/>.
/// </summary>
internal sealed record OperationCapability
{
    /// <summary>The SMS methods a capability can be declared for (the keys of <c>capabilities</c>).</summary>
    public static IReadOnlyList<string> KnownOperations { get; } =
    [
        "ReverseReplicateGroup_Task", "FailoverReplicationGroup_Task", "PrepareFailoverReplicationGroup_Task",
        "PromoteReplicationGroup_Task", "SyncReplicationGroup_Task", "TestFailoverReplicationGroupStart_Task",
        "TestFailoverReplicationGroupStop_Task", "QueryReplicationGroup",
    ];

    /// <summary>What an operation the profile says nothing about is taken to be: implemented, no declared limit, not declared.</summary>
    public static OperationCapability Undeclared { get; } = new() { IsDeclared = false };

    /// <summary>Whether the provider implements the method. <value>Default: <c>true</c>.</value></summary>
    public bool Implemented { get; init; } = true;

    /// <summary>The most groups the method accepts in one call. <value>Default: <c>null</c> (none declared); at least 1.</value></summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? BatchLimit { get; init; }

    /// <summary>Whether the profile declared this capability (false only for <see cref="Undeclared"/>). Not a JSON field.</summary>
    public bool IsDeclared { get; init; } = true;
}
