using Conformance.Cli;

namespace Conformance;

/// <summary>The command line run.sh uses: validate a profile, print a run's verdict, or serve the simulator standalone.</summary>
public static class Program
{
    /// <summary>Entry point. Exit codes: 0 ok or conformant, 1 not conformant, 2 bad usage or profile, 3 unreachable, 4 harness error.</summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "validate" when args.Length == 2 => ValidateCommand.Run(args[1]),
                "verdict" when args.Length == 2 => VerdictCommand.Run(args[1]),
                "simulate" => await SimulateCommand.RunAsync(args[1..]).ConfigureAwait(false),
                "catalogue" when args.Length == 1 => PrintCatalogue(),
                "dry-run" when args.Length == 2 => await DryRunCommand.RunAsync(args[1]).ConfigureAwait(false),
                "bench" when args.Length == 1 => await BenchCommand.RunAsync().ConfigureAwait(false),
                "mutants" when args.Length == 1 => await MutantsCommand.RunAsync().ConfigureAwait(false),
                "restore" => await RestoreCommand.RunAsync(args[1..], Console.Out, Console.Error, Environment.GetEnvironmentVariable).ConfigureAwait(false),
                _ => Usage(),
            };
        }
        catch (Exception ex)
        {
            // Never a stack trace for the user: one line, and the exit code of a harness error.
            await Console.Error.WriteLineAsync(Harness.Security.Redactor.Shared.Redact($"harness error: {ex.GetType().Name}: {ex.Message}")).ConfigureAwait(false);
            return 4;
        }
    }

    private static int PrintCatalogue()
    {
        Console.Out.Write(Run.Traceability.CatalogueMarkdown(Checks.Catalogue.All));
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: Conformance validate <profile.json>
                   Conformance verdict <out/summary.json>
                   Conformance simulate [--profile <profile.json>] [--sites 1|2] [--same-vcenter] [--port <n>] [--peer-port <n>] [--https] [--task-ms <n>] [--world-file <file>]
                   Conformance catalogue              (the clauses and checks, as markdown)
                   Conformance dry-run <profile.json> (every state-changing call a run would make; sends none)
                   Conformance bench                  (the performance figures; writes out/bench.json)
                   Conformance mutants                (the mutant matrix: catch rate, kills per check; writes out/mutants.json)
                   Conformance restore <profile.json> [--journal <out/journal.json>] [--dry-run]
                                                      (brings every pair a run changed back to how it found them)
            """);
        return 2;
    }
}
