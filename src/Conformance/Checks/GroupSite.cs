namespace Conformance.Checks;

/// <summary>Where a check takes the groups it needs: the site under test, the profile's peer, or whichever holds one (the tested site first).</summary>
internal enum GroupSite
{
    /// <summary>The site under test (B).</summary>
    Tested,

    /// <summary>The profile's peer site (A).</summary>
    Peer,

    /// <summary>The site under test when it holds one, else the peer (as <see cref="Contracts.OperationSteps.SiteHoldingAsync"/> picks).</summary>
    Either,
}
