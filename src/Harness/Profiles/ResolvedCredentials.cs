using Harness.Security;

namespace Harness.Profiles;

/// <summary>A user name and password read from the places a <see cref="CredentialSource"/> names. <see cref="ToString"/> masks the password.</summary>
internal sealed class ResolvedCredentials
{
    /// <summary>Creates the pair.</summary>
    public ResolvedCredentials(string userName, string password)
    {
        this.UserName = userName;
        this.Password = password;
    }

    /// <summary>The user name.</summary>
    public string UserName { get; }

    /// <summary>The password. Register it with <see cref="Redactor.AddSecret"/> before use; never print it.</summary>
    public string Password { get; }

    /// <summary>Returns the user name with the password masked.</summary>
    public override string ToString() => $"ResolvedCredentials {{ UserName = {this.UserName}, Password = {Redactor.Mask} }}";
}
