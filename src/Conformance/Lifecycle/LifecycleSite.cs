namespace Conformance.Lifecycle;

/// <summary>
/// One end of a replication pair as the lifecycle model names it: the site under test (B in the reference's §2 and in
/// the embedded two-site world, where the TARGET, FAILEDOVER and INTEST twins are) and its peer (A, the original source).
/// </summary>
internal enum LifecycleSite
{
    /// <summary>The provider under test (<c>s.Target</c>), printed B.</summary>
    Tested,

    /// <summary>The peer site (<c>s.Target.PeerSide</c>), printed A; absent in a one-site profile.</summary>
    Peer,
}
