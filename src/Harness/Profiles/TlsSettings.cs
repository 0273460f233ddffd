namespace Harness.Profiles;

/// <summary>
/// How the server certificate is checked: the system trust store (default), a pinned SHA-256 fingerprint,
/// or not at all (explicit opt-in). At most one of <see cref="PinnedSha256"/> and <see cref="Insecure"/> is set.
/// </summary>
internal sealed record TlsSettings
{
    private TlsSettings(string? pinnedSha256, bool insecure)
    {
        this.PinnedSha256 = pinnedSha256;
        this.Insecure = insecure;
    }

    /// <summary>The default: validate against the system trust store.</summary>
    public static TlsSettings SystemTrust { get; } = new(null, false);

    /// <summary>Accept any certificate. Only from an explicit <c>"insecure": true</c>.</summary>
    public static TlsSettings InsecureOptIn { get; } = new(null, true);

    /// <summary>The certificate's SHA-256 fingerprint: 64 upper-case hex digits, no separators; <c>null</c> when not pinned.</summary>
    public string? PinnedSha256 { get; }

    /// <summary>Whether certificate validation is switched off.</summary>
    public bool Insecure { get; }

    /// <summary>Whether neither pinning nor insecure mode is set.</summary>
    public bool UsesSystemTrust => this.PinnedSha256 is null && !this.Insecure;

    /// <summary>Pins a fingerprint; returns <c>null</c> when it isn't 64 hex digits after normalising.</summary>
    public static TlsSettings? Pinned(string fingerprint) =>
        NormalizeFingerprint(fingerprint) is { } normalized ? new TlsSettings(normalized, false) : null;

    /// <summary>
    /// Strips colons and whitespace and upper-cases, so <c>ab:cd:…</c> (openssl style) and plain hex both work.
    /// Returns <c>null</c> unless the result is exactly 64 hex digits.
    /// </summary>
    public static string? NormalizeFingerprint(string fingerprint)
    {
        var hex = new string(fingerprint.Where(c => c != ':' && !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }
}
