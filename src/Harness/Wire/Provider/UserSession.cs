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
}
