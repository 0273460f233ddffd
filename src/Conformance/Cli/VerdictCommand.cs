using System.Text.Json;

namespace Conformance.Cli;

/// <summary><c>verdict</c>: prints the summary table and the verdict line of a finished run, and exits with the run's exit code.</summary>
internal static class VerdictCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string summaryPath)
    {
        if (!File.Exists(summaryPath))
        {
            Console.Error.WriteLine($"no verdict: {summaryPath} was not written, so the suite did not run to the end (see out/test-output.log)");
            return 4;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var root = doc.RootElement;
        // Every check already printed its line during the run; the table repeats only those that need attention.
        // A run that could not start (exit 2 or 3) has one reason, printed below, not one per check.
        var aborted = root.GetProperty("exitCode").GetInt32() is 2 or 3;
        var attention = aborted ? [] : root.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("outcome").GetString() != "passed")
            .Where(c => !(c.TryGetProperty("message", out var m) && m.GetString()?.StartsWith("not run:", StringComparison.Ordinal) == true))
            .ToList();
        if (attention.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"  {"outcome",-15} {"clause",-14} check — reason");
            foreach (var c in attention)
            {
                var message = c.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? " — " + m.GetString() : string.Empty;
                var outcome = c.GetProperty("outcome").GetString() + (c.TryGetProperty("baseline", out _) ? " (known)" : string.Empty);
                Console.WriteLine($"  {outcome,-15} {c.GetProperty("clauseId").GetString(),-14} {c.GetProperty("name").GetString()}{message}");
            }
        }

        Console.WriteLine();
        if (root.TryGetProperty("baseline", out var baseline))
        {
            foreach (var accepted in baseline.GetProperty("accepted").EnumerateArray())
            {
                Console.WriteLine($"  known failure (baseline): {accepted.GetProperty("check").GetString()} — {accepted.GetProperty("reason").GetString()} (until {accepted.GetProperty("expires").GetString()})");
            }

            if (baseline.TryGetProperty("acceptedUnverified", out var unverified))
            {
                foreach (var accepted in unverified.EnumerateArray())
                {
                    Console.WriteLine($"  accepted unverified (baseline or profile): {accepted.GetProperty("check").GetString()} — {accepted.GetProperty("reason").GetString()} (until {accepted.GetProperty("expires").GetString()})");
                }
            }

            foreach (var stale in baseline.GetProperty("stale").EnumerateArray())
            {
                Console.WriteLine("  " + stale.GetString());
            }
        }

        var counts = root.GetProperty("counts");
        int Count(string name) => counts.TryGetProperty(name, out var n) ? n.GetInt32() : 0;
        var exit = root.GetProperty("exitCode").GetInt32();
        var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var tally = new Harness.Reporting.RunCounts(Count("passed"), Count("failed"), Count("broken"), Count("inconclusive"), Count("notApplicable"), Count("warnings"), Count("notExercised")).Describe();
        var headline = root.TryGetProperty("headline", out var h) && h.GetString() is { Length: > 0 } text ? text : root.GetProperty("verdict").GetString()!.ToUpperInvariant();
        var strict = root.TryGetProperty("strict", out var st) && st.ValueKind == JsonValueKind.True ? ", strict" : string.Empty;
        Console.WriteLine($"Verdict: {headline} — {tally} (profile '{root.GetProperty("profile").GetString()}'{strict}, exit {exit})");
        if (reason is not null)
        {
            Console.WriteLine($"{(exit == 0 ? "Listed" : "Reason")}: {reason}");
        }

        return exit;
    }
}
