using Conformance.Lifecycle;

namespace Conformance.Restore;

/// <summary>
/// A replication pair as read at one moment: its group at the site under test (B) and its twin at the peer (A), found
/// through QueryReplicationGroup's links. Either side may be missing (one site, or a twin the profile does not reach).
/// </summary>
/// <param name="Tested">The group at the site under test.</param>
/// <param name="Peer">Its twin at the peer site.</param>
internal sealed record PairSnapshot(GroupSnapshot? Tested, GroupSnapshot? Peer)
{
    /// <summary>The pair's identity over the run: the allowlist entries of both sides (stable across reversals).</summary>
    public string Key => $"{this.Tested?.Origin ?? "-"} ⇄ {this.Peer?.Origin ?? "-"}";

    /// <summary>The side at <paramref name="site"/>.</summary>
    public GroupSnapshot? At(LifecycleSite site) => site == LifecycleSite.Tested ? this.Tested : this.Peer;

    /// <summary>Whether both sides read as <paramref name="goal"/> says (a side the goal does not know is not compared).</summary>
    public bool Matches(PairSnapshot goal) =>
        (goal.Tested is null || goal.Tested.State == this.Tested?.State) && (goal.Peer is null || goal.Peer.State == this.Peer?.State);

    /// <summary>Whether <paramref name="key"/> names either side.</summary>
    public bool Holds(string key) => this.Tested?.Key == key || this.Peer?.Key == key;

    /// <summary><c>B fd-B/rg-1 TARGET ⇄ A fd-A/rg-1 SOURCE</c>.</summary>
    public override string ToString() => $"B {this.Tested?.ToString() ?? "(not read)"} ⇄ A {this.Peer?.ToString() ?? "(not read)"}";
}
