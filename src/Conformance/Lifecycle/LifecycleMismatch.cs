namespace Conformance.Lifecycle;

/// <summary>A difference between the provider and the model after a command: <c>QueryReplicationGroup(A: rg-tgt-1-a) expected TARGET, got SOURCE</c>.</summary>
/// <param name="Site">Where the group was read.</param>
/// <param name="Alias">The group's name in scripts.</param>
/// <param name="Expected">What the model allows.</param>
/// <param name="Got">What the provider said.</param>
internal sealed record LifecycleMismatch(LifecycleSite Site, string Alias, string Expected, string Got)
{
    /// <inheritdoc />
    public override string ToString() => $"QueryReplicationGroup({LifecycleCommand.Label(this.Site)}: {this.Alias}) expected {this.Expected}, got {this.Got}";
}
