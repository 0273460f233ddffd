using Conformance.Mutants;
using Conformance.Run;

namespace Conformance.Cli;

/// <summary><c>mutants</c>: runs every check against the faithful simulator and every mutant, prints the catch rate and what each check kills, writes out/mutants.json; exits 0 only when the matrix proves the suite.</summary>
internal static class MutantsCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"mutant matrix: {MutantCatalogue.All.Count} mutants × {MutantMatrix.Checks.Count} checks, plus the faithful simulator");
        var report = await MutantMatrix.RunAsync(MutantCatalogue.All, line => Console.WriteLine("  " + line)).ConfigureAwait(false);
        Console.Write(report.Describe());
        var outDirectory = RunPaths.OutDirectory(Environment.GetEnvironmentVariable);
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, "mutants.json");
        await File.WriteAllTextAsync(path, report.ToJson()).ConfigureAwait(false);
        Console.WriteLine($"figures: {path}");
        return report.Proves ? 0 : 1;
    }
}
