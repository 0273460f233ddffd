namespace Harness.Wire.Provider;

/// <summary>The session returned by <c>Login</c>.</summary>
internal sealed class UserSession : DataObject
{
    /// <summary>Session key.</summary>
    public string? Key { get; set; }

    /// <summary>User name.</summary>
    public string? UserName { get; set; }

    /// <summary>Full name.</summary>
    public string? FullName { get; set; }

    /// <summary>Login time.</summary>
    public DateTimeOffset? LoginTime { get; set; }

    /// <summary>Last activity.</summary>
    public DateTimeOffset? LastActiveTime { get; set; }

    /// <summary>The session's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>The locale of messages.</summary>
    public string? MessageLocale { get; set; }

    /// <summary>Whether an extension logged in.</summary>
    public bool? ExtensionSession { get; set; }

    /// <summary>The client's address.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The client's user agent.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Calls made in the session.</summary>
    public long? CallCount { get; set; }
}
