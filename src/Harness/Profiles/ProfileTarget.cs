using System.Net;

namespace Harness.Profiles;

/// <summary>
/// Where the provider under test is reached: the embedded simulator, or a vCenter base URI
/// (<c>https://host[:port]/</c>; plain <c>http</c> only to a loopback host).
/// </summary>
internal sealed record ProfileTarget
{
    /// <summary>The JSON spelling of the embedded target.</summary>
    public const string EmbeddedKeyword = "embedded";

    private ProfileTarget(Uri? baseUri) => this.BaseUri = baseUri;

    /// <summary>The in-process simulator.</summary>
    public static ProfileTarget Embedded { get; } = new((Uri?)null);

    /// <summary>Whether this is the in-process simulator.</summary>
    public bool IsEmbedded => this.BaseUri is null;

    /// <summary>The vCenter base URI (scheme, host, port, path <c>/</c>); <c>null</c> for the embedded target.</summary>
    public Uri? BaseUri { get; }

    /// <summary>
    /// Parses the JSON value of <c>target</c>. Returns the target, or <c>null</c> and a message saying how to fix it.
    /// The message never repeats a URL that carries user info, since that may hold a password.
    /// </summary>
    public static ProfileTarget? Parse(string text, out string? error, bool allowPlainHttp = false)
    {
        error = null;
        if (text == EmbeddedKeyword)
        {
            return Embedded;
        }

        const string Expected = "set it to \"embedded\" or to an absolute URL such as \"https://vcenter.example.com\"";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"target is empty; {Expected}";
            return null;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            // Checked before any message that quotes the text: what precedes '@' may be a password.
            error = "inline secrets are refused: remove the user info (user:password@) from the target URL and use credentials.userNameEnv / credentials.passwordEnv";
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = string.Equals(text, EmbeddedKeyword, StringComparison.OrdinalIgnoreCase)
                ? "target must be spelled \"embedded\" (lower case)"
                : $"{ProfileText.Quote(text)} is not a valid target; {Expected}";
            return null;
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || text.Contains('?') || text.Contains('#'))
        {
            error = $"{ProfileText.Quote(text)} has a path, query or fragment; give only the scheme, host and optional port, e.g. \"https://{uri.Authority}\"";
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri) && !allowPlainHttp)
        {
            error = $"plain http is only allowed to a loopback host (127.0.0.0/8, ::1, localhost); use \"https://{uri.Authority}\", or set \"allowPlainHttp\": true if you accept credentials in clear text";
            return null;
        }

        return new ProfileTarget(uri);
    }

    /// <summary>Returns <c>embedded</c> or the base URI.</summary>
    public override string ToString() => this.BaseUri?.ToString() ?? EmbeddedKeyword;

    private static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
