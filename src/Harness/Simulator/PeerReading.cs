namespace Harness.Simulator;

/// <summary>
/// What becomes of the twin at the other site, the old source, when a group is failed over or promoted in a two-site
/// world (profile <c>simulator.lifecycle.peerAfterFailover</c> and <c>peerAfterPromote</c>). Unconfirmed (reference §2,
/// T4 and T8), so each plausible reading is a setting; both are faithful.
/// </summary>
public enum PeerReading
{
    /// <summary>The twin stays as it was: SOURCE (the default; JSON <c>unchanged</c>).</summary>
    Unchanged,

    /// <summary>The twin becomes TARGET (JSON <c>target</c>).</summary>
    Target,
}
