using Harness.Profiles;
using Harness.Security;

namespace Harness.Tests.Profiles;

/// <summary>Credentials are looked up from the environment or a file; failures name what is missing and never show a secret.</summary>
[TestFixture]
public sealed class CredentialSourceTests
{
    private const string Password = "correct-horse-battery";
    private static readonly CredentialSource FromEnv = CredentialSource.FromEnvironment("VASA_USER", "VASA_PASSWORD");

    [Test]
    public void Resolves_user_name_and_password_from_the_environment()
    {
        var env = new Dictionary<string, string> { ["VASA_USER"] = "admin", ["VASA_PASSWORD"] = Password };

        var resolution = FromEnv.Resolve(env.GetValueOrDefault, NoFiles);

        Assert.That(resolution.IsResolved, Is.True, resolution.Error);
        Assert.That((resolution.Credentials!.UserName, resolution.Credentials.Password), Is.EqualTo(("admin", Password)));
    }

    [Test]
    public void Missing_password_variable_is_named_with_how_to_set_it()
    {
        var env = new Dictionary<string, string> { ["VASA_USER"] = "admin" };

        var resolution = FromEnv.Resolve(env.GetValueOrDefault, NoFiles, "lab");

        Assert.That(resolution.IsResolved, Is.False);
        Assert.That(resolution.Error, Is.EqualTo("environment variable VASA_PASSWORD is not set; export it before running (see credentials.passwordEnv in profile 'lab')"));
    }

    [Test]
    public void Missing_user_variable_message_never_contains_the_password()
    {
        var env = new Dictionary<string, string> { ["VASA_PASSWORD"] = Password };

        var resolution = FromEnv.Resolve(env.GetValueOrDefault, NoFiles, "lab");

        Assert.That(resolution.Error, Does.Contain("environment variable VASA_USER is not set"));
        Assert.That(resolution.Error, Does.Not.Contain(Password));
        Assert.That(resolution.ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void Empty_variable_counts_as_not_set()
    {
        var env = new Dictionary<string, string> { ["VASA_USER"] = "admin", ["VASA_PASSWORD"] = string.Empty };

        var resolution = FromEnv.Resolve(env.GetValueOrDefault, NoFiles);

        Assert.That(resolution.Error, Does.Contain("VASA_PASSWORD is not set"));
    }

    [Test]
    public void Password_file_is_read_without_its_trailing_newline()
    {
        var source = CredentialSource.FromPasswordFile("VASA_USER", "/run/secrets/vasa");
        var files = new Dictionary<string, string> { ["/run/secrets/vasa"] = Password + "\n" };

        var resolution = source.Resolve(_ => "admin", files.GetValueOrDefault);

        Assert.That(resolution.Credentials?.Password, Is.EqualTo(Password));
    }

    [Test]
    public void Unreadable_password_file_is_named_with_how_to_fix_it()
    {
        var source = CredentialSource.FromPasswordFile("VASA_USER", "/run/secrets/vasa");

        var resolution = source.Resolve(_ => "admin", NoFiles, "lab");

        Assert.That(resolution.Error, Does.StartWith("password file '/run/secrets/vasa' could not be read; create it").And.Contain("credentials.passwordFile in profile 'lab'"));
    }

    [Test]
    public void Resolved_credentials_mask_the_password_when_printed()
    {
        var credentials = new ResolvedCredentials("admin", Password);

        Assert.That(credentials.ToString(), Does.Contain("admin").And.Contain(Redactor.Mask).And.Not.Contain(Password));
        Assert.That(CredentialResolution.Success(credentials).ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void Credential_source_prints_only_variable_names()
    {
        Assert.That(FromEnv.ToString(), Does.Contain("VASA_PASSWORD"));
    }

    private static string? NoFiles(string path) => null;
}
