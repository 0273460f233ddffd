using Harness.Profiles;

namespace Harness.Tests.Profiles;

/// <summary>Assertions on loader results.</summary>
internal static class ProfileErrorAssert
{
    /// <summary>Asserts the load failed with an error at <paramref name="path"/> whose message contains <paramref name="fragment"/>.</summary>
    public static void HasError(ProfileLoadResult result, string path, string fragment)
    {
        Assert.That(result.Profile, Is.Null, "the profile should have been rejected");
        Assert.That(
            result.Errors.Any(e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal)),
            Is.True,
            $"expected an error at {path} containing \"{fragment}\"; got:{Environment.NewLine}{result.FormatErrors()}");
    }
}
