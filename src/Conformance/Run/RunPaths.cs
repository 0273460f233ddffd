namespace Conformance.Run;

/// <summary>Where things are: the repository root, the output folder and the profile to run.</summary>
internal static class RunPaths
{
    /// <summary>The default profile, relative to the repository root.</summary>
    public const string DefaultProfile = "profiles/simulator.json";

    /// <summary>The repository root (the folder holding Conformance.sln), or the current directory.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The output folder: <c>VASA_OUT</c>, or <c>out/</c> under the repository root.</summary>
    public static string OutDirectory(Func<string, string?> env) =>
        env("VASA_OUT") is { Length: > 0 } custom ? Path.GetFullPath(custom) : Path.Combine(RepoRoot, "out");

    /// <summary>The profile: <c>VASA_PROFILE</c> (or the NUnit parameter <c>profile</c>), else the simulator profile.</summary>
    public static string ProfilePath(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Path.Combine(RepoRoot, DefaultProfile);
        }

        if (Path.IsPathRooted(requested) || File.Exists(requested))
        {
            return Path.GetFullPath(requested);
        }

        return Path.Combine(RepoRoot, requested);
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
