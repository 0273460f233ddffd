using Conformance.Operations;

namespace Conformance.Lifecycle;

/// <summary>
/// One step of a generated lifecycle sequence: a state-changing operation (its description carries the transition the
/// model follows), the site it is called at, the replication pair whose group at that site it names, and which id.
/// Commands name pairs, not ids, so a sequence stays meaningful when a reversal renames a group.
/// </summary>
/// <param name="Operation">The operation; its <see cref="OperationDescription.Transition"/> is set.</param>
/// <param name="Site">Where it is called.</param>
/// <param name="Pair">The pair's index in the model.</param>
/// <param name="Variant">Which of the group's ids it names.</param>
internal sealed record LifecycleCommand(OperationDescription Operation, LifecycleSite Site, int Pair, LifecycleVariant Variant = LifecycleVariant.Current)
{
    /// <summary>The operation's transition (every lifecycle operation has one).</summary>
    public LifecycleTransition Transition => this.Operation.Transition ?? throw new InvalidOperationException($"{this.Operation.Name} has no lifecycle transition");

    /// <summary>The operation's short name for scripts: <c>TestFailoverStart</c> for TestFailoverReplicationGroupStart_Task.</summary>
    public string Short => ShortName(this.Operation);

    /// <summary>The short name of a lifecycle operation: its wire name without ReplicationGroup, ReplicateGroup and _Task.</summary>
    public static string ShortName(OperationDescription operation) => operation.Name
        .Replace("ReplicationGroup", string.Empty, StringComparison.Ordinal)
        .Replace("ReplicateGroup", string.Empty, StringComparison.Ordinal)
        .Replace("_Task", string.Empty, StringComparison.Ordinal);

    /// <summary>The label of a site in scripts: B for the site under test, A for the peer (the reference's §2 names).</summary>
    public static string Label(LifecycleSite site) => site == LifecycleSite.Tested ? "B" : "A";
}
