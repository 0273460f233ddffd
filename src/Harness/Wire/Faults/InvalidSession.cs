namespace Harness.Wire.Faults;

/// <summary>The vCenter session behind the call timed out or is closed.</summary>
internal sealed class InvalidSession : NoPermission
{
    /// <summary>The session cookie.</summary>
    public string? SessionCookie { get; set; }
}
