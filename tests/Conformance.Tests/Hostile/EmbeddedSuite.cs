using System.Diagnostics;
using Conformance.Checks;
using Conformance.Run;

namespace Conformance.Tests.Hostile;

/// <summary>Runs the whole catalogue (or some checks), in run order, one after the other, against the embedded simulator of a profile written to a temporary folder.</summary>
internal sealed class EmbeddedSuite : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "vasa-embedded-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates the temporary folder.</summary>
    public EmbeddedSuite() => Directory.CreateDirectory(this.directory);

    /// <summary>Runs the suite with a profile of the given top-level fields (each line ending in a comma), and times it.</summary>
    public async Task<HostileRun> RunAsync(string fields, IReadOnlyList<string>? only = null)
    {
        var output = Path.Combine(this.directory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        var profile = Path.Combine(output, "profile.json");
        await File.WriteAllTextAsync(profile, $$"""
            {
              "name": "embedded-hostile",
              "target": "embedded",
              "pollIntervalMilliseconds": 10,
              "propertyTests": { "seed": 7 },
              "retry": { "attempts": 3, "initialDelayMilliseconds": 10, "budgetSeconds": 5 },
              {{fields}}
            }
            """);
        var clock = Stopwatch.StartNew();
        var run = await RunFactory.CreateAsync(profile, output, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        foreach (var check in HostileScope.Checks.Where(c => only is null || only.Contains(c.Name)))
        {
            await run.RunCheckAsync(check);
        }

        run.Finish();
        run.Dispose();
        clock.Stop();
        return new HostileRun(run, clock.Elapsed, null);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(this.directory, recursive: true);
}
