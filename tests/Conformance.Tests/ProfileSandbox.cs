namespace Conformance.Tests;

/// <summary>A temporary folder for a profile and a run's output, and credentials in environment variables of unique names.</summary>
internal sealed class ProfileSandbox : IDisposable
{
    public ProfileSandbox(string prefix, string password)
    {
        this.Directory = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(this.Directory);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        this.UserVariable = "VASA_T_USER_" + suffix;
        this.PasswordVariable = "VASA_T_PASSWORD_" + suffix;
        Environment.SetEnvironmentVariable(this.UserVariable, "administrator@vsphere.local");
        Environment.SetEnvironmentVariable(this.PasswordVariable, password);
    }

    public string Directory { get; }

    public string UserVariable { get; }

    public string PasswordVariable { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(this.UserVariable, null);
        Environment.SetEnvironmentVariable(this.PasswordVariable, null);
        System.IO.Directory.Delete(this.Directory, recursive: true);
    }
}
