namespace Harness.Tests.Reporting;

/// <summary>Paths in the repository the tests run from (found by walking up to Conformance.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    public static string File(params string[] parts) => Path.Combine([Root(), .. parts]);
}
