using System.Text.Json;
using Conformance.Bench;
using Conformance.Run;

namespace Conformance.Cli;

/// <summary><c>bench</c>: measures the figures of README "Performance", prints a table and writes out/bench.json.</summary>
internal static class BenchCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"{"figure",-58} {"value",12} {"unit",-14} {"target",-22} result  detail");
        var figures = await BenchRunner.RunAsync(Console.WriteLine).ConfigureAwait(false);
        var outDirectory = RunPaths.OutDirectory(Environment.GetEnvironmentVariable);
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, "bench.json");
        var json = JsonSerializer.Serialize(
            new { machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription }, at = DateTimeOffset.UtcNow, figures },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        await File.WriteAllTextAsync(path, json).ConfigureAwait(false);
        Console.WriteLine($"figures: {path}");
        return figures.Any(f => f.Met == false) ? 1 : 0;
    }
}
