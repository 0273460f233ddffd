namespace Harness.Wire.Requests;

/// <summary>The body of <c>SessionManager.Login</c>. Its password never reaches a log: the Redactor masks it.</summary>
internal sealed class LoginRequest
{
    /// <summary>User name.</summary>
    public string? UserName { get; set; }

    /// <summary>Password.</summary>
    public string? Password { get; set; }

    /// <summary>Locale.</summary>
    public string? Locale { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Login({this.UserName}, password: {Security.Redactor.Mask})";
}
