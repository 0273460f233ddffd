namespace Conformance.Lifecycle;

/// <summary>
/// One replication pair of the model: its group at the site under test and its twin at the peer, found through
/// QueryReplicationGroup's links (never by name). Either side may be missing: in a one-site profile the twin is not
/// observed, and a peer group no allowlisted group links to stands alone.
/// </summary>
/// <param name="Tested">The group at the site under test (B).</param>
/// <param name="Peer">The group at the peer (A).</param>
internal sealed record LifecyclePair(LifecycleSide? Tested, LifecycleSide? Peer)
{
    /// <summary>The pair's group at <paramref name="site"/>, or null.</summary>
    public LifecycleSide? At(LifecycleSite site) => site == LifecycleSite.Tested ? this.Tested : this.Peer;

    /// <summary>The pair with <paramref name="side"/> at <paramref name="site"/>.</summary>
    public LifecyclePair With(LifecycleSite site, LifecycleSide? side) => site == LifecycleSite.Tested ? this with { Tested = side } : this with { Peer = side };

    /// <summary>The pair's shape for the shrinker: pairs of one shape start alike, so a sequence may name one for the other.</summary>
    public string Shape => $"{this.Tested?.Current ?? "-"}{(this.Tested?.Changeable == true ? "*" : string.Empty)}/{this.Peer?.Current ?? "-"}{(this.Peer?.Changeable == true ? "*" : string.Empty)}";

    /// <summary>The pair in words: <c>rg-tgt-1-b ⇄ rg-tgt-1-a</c>.</summary>
    public override string ToString() => $"{this.Tested?.Alias ?? "(none)"} ⇄ {this.Peer?.Alias ?? "(not observed)"}";
}
