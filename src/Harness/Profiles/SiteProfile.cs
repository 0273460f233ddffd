namespace Harness.Profiles;

/// <summary>
/// One site of the run: the vCenter (or the embedded simulator) that reaches a provider, how to log in to it, and the
/// groups the suite may change there. A profile's first site is written at the top level of its JSON; the optional
/// second site is its <c>peer</c> object, with the same fields.
/// </summary>
internal sealed record SiteProfile
{
    /// <summary>The embedded simulator (or, for a peer, the simulator's second site) or a vCenter base URI. Required.</summary>
    public required ProfileTarget Target { get; init; }

    /// <summary>The vCenter release whose API is used, four dotted numbers. <value>Default: "8.0.3.0"; for a peer, the first site's.</value></summary>
    public string Release { get; init; } = Profile.DefaultRelease;

    /// <summary>
    /// Where the user name and password come from. Required for the first site unless it is embedded.
    /// <value>Default for a peer: the first site's (the same environment variable names).</value>
    /// </summary>
    public CredentialSource? Credentials { get; init; }

    /// <summary>How the server certificate is checked. <value>Default: <see cref="TlsSettings.SystemTrust"/>; a peer never inherits it.</value></summary>
    public TlsSettings Tls { get; init; } = TlsSettings.SystemTrust;

    /// <summary>The VasaProvider moId to use instead of discovery. <value>Default: <c>null</c> (discover); a peer never inherits it.</value></summary>
    public string? ProviderId { get; init; }

    /// <summary>
    /// The allowlist: the only groups of this site the suite may change. No duplicates.
    /// <value>Default: empty (the suite only reads the site), except every simulator group for an embedded first site.</value>
    /// </summary>
    public IReadOnlyList<GroupRef> Groups { get; init; } = [];
}
