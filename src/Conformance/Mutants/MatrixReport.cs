using System.Globalization;
using System.Text;
using System.Text.Json;
using Conformance.Checks;
using Harness.Reporting;

namespace Conformance.Mutants;

/// <summary>What the mutant matrix found: the catch rate, what each check kills, false failures, idle checks and the run time.</summary>
internal sealed class MatrixReport(IReadOnlyDictionary<string, CheckResult> faithful, IReadOnlyList<MatrixReport.MutantRun> mutants, TimeSpan elapsed)
{
    /// <summary>The checks against the faithful simulator.</summary>
    public IReadOnlyDictionary<string, CheckResult> Faithful { get; } = faithful;

    /// <summary>Each mutant's run.</summary>
    public IReadOnlyList<MutantRun> Mutants { get; } = mutants;

    /// <summary>How long the matrix took.</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Mutants whose intended checks all failed.</summary>
    public int Caught => this.Mutants.Count(m => m.Caught);

    /// <summary>Caught / all.</summary>
    public double CatchRate => this.Mutants.Count == 0 ? 0 : (double)this.Caught / this.Mutants.Count;

    /// <summary>Checks that did not pass against the faithful simulator.</summary>
    public IReadOnlyList<string> FalseFailures => this.Faithful.Where(r => r.Value.Outcome != CheckOutcome.Passed).Select(r => $"{r.Key}: {r.Value.Describe()}").ToList();

    /// <summary>Check → the mutants it killed (failed against).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Kills =>
        MutantMatrix.Checks.ToDictionary(c => c.Name, c => (IReadOnlyList<string>)this.Mutants.Where(m => m.Results[c.Name].Outcome == CheckOutcome.Failed).Select(m => m.Mutant.Name).ToList());

    /// <summary>Checks that kill no mutant.</summary>
    public IReadOnlyList<string> IdleChecks => this.Kills.Where(k => k.Value.Count == 0).Select(k => k.Key).ToList();

    /// <summary>Checks that broke (a harness error) anywhere in the matrix.</summary>
    public IReadOnlyList<string> Broken => this.Mutants.SelectMany(m => m.Results.Where(r => r.Value.Outcome == CheckOutcome.Broken).Select(r => $"{m.Mutant.Name}/{r.Key}: {r.Value.Reason}")).ToList();

    /// <summary>Whether the matrix proves the suite: every mutant caught, every check kills one, no false or broken failure.</summary>
    public bool Proves => this.Caught == this.Mutants.Count && this.IdleChecks.Count == 0 && this.FalseFailures.Count == 0 && this.Broken.Count == 0;

    /// <summary>The figures as JSON (out/mutants.json).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            mutants = this.Mutants.Count,
            caught = this.Caught,
            catchRate = Math.Round(this.CatchRate, 4),
            falseFailuresOnFaithfulSimulator = this.FalseFailures,
            idleChecks = this.IdleChecks,
            brokenChecks = this.Broken,
            seconds = Math.Round(this.Elapsed.TotalSeconds, 2),
            checks = MutantMatrix.Checks.Count,
            kills = this.Kills.ToDictionary(k => k.Key, k => k.Value),
            perMutant = this.Mutants.Select(m => new { mutant = m.Mutant.Name, caught = m.Caught, intended = m.Mutant.IntendedCatches, missedIntended = m.MissedIntended, failedChecks = m.FailedChecks }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The summary lines printed after the run.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\ncatch rate: {this.Caught}/{this.Mutants.Count} mutants ({this.CatchRate:P1}); {MutantMatrix.Checks.Count} checks; {this.FalseFailures.Count} false failure(s) on the faithful simulator; {this.IdleChecks.Count} idle check(s); {this.Elapsed.TotalSeconds:0.0} s\n");
        foreach (var (check, killed) in this.Kills.OrderByDescending(k => k.Value.Count))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {killed.Count,3}  {check}\n");
        }

        foreach (var line in this.FalseFailures.Select(f => "false failure: " + f).Concat(this.IdleChecks.Select(i => "idle check: " + i)).Concat(this.Mutants.Where(m => !m.Caught).Select(m => $"missed mutant: {m.Mutant.Name} (intended {string.Join(", ", m.MissedIntended)})")).Concat(this.Broken.Select(b => "broken: " + b)))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One mutant's results.</summary>
    public sealed record MutantRun(Mutant Mutant, IReadOnlyDictionary<string, CheckResult> Results)
    {
        /// <summary>Intended checks that did not fail.</summary>
        public IReadOnlyList<string> MissedIntended => this.Mutant.IntendedCatches.Where(c => !this.Results.TryGetValue(c, out var r) || r.Outcome != CheckOutcome.Failed).ToList();

        /// <summary>Caught when it has intended checks and every one of them failed.</summary>
        public bool Caught => this.Mutant.IntendedCatches.Count > 0 && this.MissedIntended.Count == 0;

        /// <summary>Every check that failed against it.</summary>
        public IReadOnlyList<string> FailedChecks => this.Results.Where(r => r.Value.Outcome == CheckOutcome.Failed).Select(r => r.Key).ToList();
    }
}
