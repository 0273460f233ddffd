using Conformance.Run;

namespace Conformance.Cli;

/// <summary><c>validate</c>: loads the profile and resolves its credentials; prints one line per problem and exits 2, or a one-line summary and exits 0.</summary>
internal static class ValidateCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string path)
    {
        var loaded = RunFactory.LoadProfile(RunPaths.ProfilePath(path));
        if (!loaded.IsSuccess)
        {
            Console.Error.WriteLine("bad profile: " + loaded.FormatErrors());
            return 2;
        }

        var profile = loaded.Profile;
        if (!profile.Target.IsEmbedded)
        {
            var credentials = profile.Credentials!.ResolveFromProcess(profile.Name);
            if (!credentials.IsResolved)
            {
                Console.Error.WriteLine("missing credential: " + credentials.Error);
                return 2;
            }
        }

        var target = profile.Target.IsEmbedded ? "the embedded simulator" : profile.Target.BaseUri!.ToString();
        Console.WriteLine($"profile '{profile.Name}' is valid: {target}, release {profile.Release}, {profile.Groups.Count} allowlisted group(s), task timeout {profile.TaskTimeoutSeconds} s");
        return 0;
    }
}
