namespace Harness.Profiles;

/// <summary>
/// Where the user name and password come from. The profile only names environment variables (or a file);
/// it never holds a secret. Exactly one of <see cref="PasswordEnv"/> and <see cref="PasswordFile"/> is set.
/// </summary>
internal sealed record CredentialSource
{
    private CredentialSource(string userNameEnv, string? passwordEnv, string? passwordFile)
    {
        this.UserNameEnv = userNameEnv;
        this.PasswordEnv = passwordEnv;
        this.PasswordFile = passwordFile;
    }

    /// <summary>The environment variable holding the user name, e.g. <c>VASA_USER</c>.</summary>
    public string UserNameEnv { get; }

    /// <summary>The environment variable holding the password, e.g. <c>VASA_PASSWORD</c>; <c>null</c> when <see cref="PasswordFile"/> is used.</summary>
    public string? PasswordEnv { get; }

    /// <summary>A file whose content (without trailing newlines) is the password; relative paths are relative to the working directory.</summary>
    public string? PasswordFile { get; }

    /// <summary>Where the profile names this source, e.g. <c>credentials</c> or <c>peer.credentials</c>; messages point there. <value>Default: "credentials".</value></summary>
    public string Field { get; private init; } = "credentials";

    /// <summary>User name and password both from environment variables.</summary>
    public static CredentialSource FromEnvironment(string userNameEnv, string passwordEnv) => new(userNameEnv, passwordEnv, null);

    /// <summary>User name from an environment variable, password from a file.</summary>
    public static CredentialSource FromPasswordFile(string userNameEnv, string passwordFile) => new(userNameEnv, null, passwordFile);

    /// <summary>The same source, named at <paramref name="field"/> in the profile (e.g. <c>peer.credentials</c>).</summary>
    public CredentialSource At(string field) => this with { Field = field };

    /// <summary>Reads a file's text, or returns <c>null</c> when it is missing or unreadable. The usual <c>readFile</c> for <see cref="Resolve"/>.</summary>
    public static string? ReadFileOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Looks the credentials up. Pure: the environment and the file system come in as functions.
    /// On failure the one message names every missing variable or file and how to set it, and never contains a secret.
    /// </summary>
    /// <param name="getEnv">Returns an environment variable's value or <c>null</c> (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="readFile">Returns a file's text or <c>null</c> (e.g. <see cref="ReadFileOrNull"/>).</param>
    /// <param name="profileName">The profile's name, quoted in messages so the reader knows which file to look at.</param>
    public CredentialResolution Resolve(Func<string, string?> getEnv, Func<string, string?> readFile, string? profileName = null)
    {
        var inProfile = profileName is null ? string.Empty : $" in profile '{profileName}'";
        var problems = new List<string>();

        var userName = getEnv(this.UserNameEnv);
        if (string.IsNullOrEmpty(userName))
        {
            problems.Add(MissingVariable(this.UserNameEnv, $"{this.Field}.userNameEnv", inProfile));
        }

        string? password;
        if (this.PasswordEnv is not null)
        {
            password = getEnv(this.PasswordEnv);
            if (string.IsNullOrEmpty(password))
            {
                problems.Add(MissingVariable(this.PasswordEnv, $"{this.Field}.passwordEnv", inProfile));
            }
        }
        else
        {
            var path = this.PasswordFile!;
            password = readFile(path)?.TrimEnd('\r', '\n');
            if (password is null)
            {
                problems.Add($"password file '{path}' could not be read; create it with the password as its only content, readable by this user (see {this.Field}.passwordFile{inProfile})");
            }
            else if (password.Length == 0)
            {
                problems.Add($"password file '{path}' is empty; write the password into it (see {this.Field}.passwordFile{inProfile})");
            }
        }

        return problems.Count == 0
            ? CredentialResolution.Success(new ResolvedCredentials(userName!, password!))
            : CredentialResolution.Failure(string.Join("; ", problems));
    }

    /// <summary><see cref="Resolve"/> against this process's environment and file system.</summary>
    public CredentialResolution ResolveFromProcess(string? profileName = null) =>
        this.Resolve(Environment.GetEnvironmentVariable, ReadFileOrNull, profileName);

    private static string MissingVariable(string name, string field, string inProfile) =>
        $"environment variable {name} is not set; export it before running (see {field}{inProfile})";
}
