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

    /// <summary>
    /// Checks that did not pass against the faithful simulator. Not exercised is not a false failure only for the
    /// checks of the transient faults, which the faithful simulator never raises on its own.
    /// </summary>
    public IReadOnlyList<string> FalseFailures => this.Faithful
        .Where(r => r.Value.Outcome != CheckOutcome.Passed && !(r.Value.Outcome == CheckOutcome.NotExercised && (MutantMatrix.ByKey[r.Key].MayNotArise || MutantCatalogue.TransientFaultChecks.Values.Contains(MutantMatrix.ByKey[r.Key].Name))))
        .Select(r => $"{r.Key}: {r.Value.Describe()}").ToList();

    /// <summary>Check → the mutants it killed (failed against; a SHOULD check kills with a warning).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Kills =>
        MutantMatrix.Checks.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)this.Mutants.Where(m => m.Results.TryGetValue(c.Key, out var r) && IsKill(r.Outcome)).Select(m => m.Mutant.Name).ToList());

    /// <summary>Mutants caught only by warnings: the gate lets them through unless strict. Each is a SHOULD defect by its intended checks.</summary>
    public IReadOnlyList<string> CaughtOnlyAsWarnings => this.Mutants.Where(m => m.Caught && m.GateExitCode == 0).Select(m => m.Mutant.Name).ToList();

    /// <summary>Mutants meant to be caught by a MUST check that the gate would still pass: a defect in the suite.</summary>
    public IReadOnlyList<string> MustDefectsPassingTheGate => this.Mutants.Where(m => m.IntendsMust && m.GateExitCode == 0).Select(m => m.Mutant.Name).ToList();

    /// <summary>Whether an outcome kills a mutant: a MUST failure, or a SHOULD warning.</summary>
    public static bool IsKill(CheckOutcome outcome) => outcome is CheckOutcome.Failed or CheckOutcome.Warning;

    /// <summary>Checks that kill no mutant.</summary>
    public IReadOnlyList<string> IdleChecks => this.Kills.Where(k => k.Value.Count == 0).Select(k => k.Key).ToList();

    /// <summary>Checks that broke (a harness error) anywhere in the matrix.</summary>
    public IReadOnlyList<string> Broken => this.Mutants.SelectMany(m => m.Results.Where(r => r.Value.Outcome == CheckOutcome.Broken).Select(r => $"{m.Mutant.Name}/{r.Key}: {r.Value.Reason}")).ToList();

    /// <summary>Whether the matrix proves the suite: every mutant caught, every check kills one, no false or broken failure.</summary>
    public bool Proves => this.Caught == this.Mutants.Count && this.IdleChecks.Count == 0 && this.FalseFailures.Count == 0 && this.Broken.Count == 0 && this.MustDefectsPassingTheGate.Count == 0;

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
            caughtOnlyAsWarnings = this.CaughtOnlyAsWarnings,
            mustDefectsPassingTheGate = this.MustDefectsPassingTheGate,
            perMutant = this.Mutants.Select(m => new { mutant = m.Mutant.Name, caught = m.Caught, gateExitCode = m.GateExitCode, intended = m.Mutant.IntendedCatches, missedIntended = m.MissedIntended, failedChecks = m.FailedChecks, warnings = m.WarningChecks }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The summary lines printed after the run.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\ncatch rate: {this.Caught}/{this.Mutants.Count} mutants ({this.CatchRate:P1}); {MutantMatrix.Checks.Count} checks; {this.FalseFailures.Count} false failure(s) on the faithful simulator; {this.IdleChecks.Count} idle check(s); {this.Elapsed.TotalSeconds:0.0} s\n");
        text.Append(CultureInfo.InvariantCulture, $"gate: {this.Mutants.Count(m => m.GateExitCode == 1)} mutant(s) fail the gate (exit 1); {this.CaughtOnlyAsWarnings.Count} caught as warnings only (SHOULD: exit 0 unless --strict){(this.CaughtOnlyAsWarnings.Count > 0 ? ": " + string.Join(", ", this.CaughtOnlyAsWarnings) : string.Empty)}; {this.MustDefectsPassingTheGate.Count} MUST defect(s) passing the gate\n");
        foreach (var (check, killed) in this.Kills.OrderByDescending(k => k.Value.Count))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {killed.Count,3}  {check}\n");
        }

        foreach (var line in this.FalseFailures.Select(f => "false failure: " + f).Concat(this.IdleChecks.Select(i => "idle check: " + i)).Concat(this.Mutants.Where(m => !m.Caught).Select(m => $"missed mutant: {m.Mutant.Name} (intended {string.Join(", ", m.MissedIntended)})")).Concat(this.Broken.Select(b => "broken: " + b)).Concat(this.MustDefectsPassingTheGate.Select(m => "MUST defect passing the gate: " + m)))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One mutant's results.</summary>
    public sealed record MutantRun(Mutant Mutant, IReadOnlyDictionary<string, CheckResult> Results)
    {
        /// <summary>Intended checks that did not fail (or warn, for a SHOULD check).</summary>
        public IReadOnlyList<string> MissedIntended => this.Mutant.IntendedKeys.Where(c => !this.Results.TryGetValue(c, out var r) || !IsKill(r.Outcome)).ToList();

        /// <summary>Whether an intended check enforces a MUST clause: the gate must then fail (exit 1).</summary>
        public bool IntendsMust => this.Mutant.IntendedKeys.Any(c => MutantMatrix.ByKey.GetValueOrDefault(c)?.Clause.Level == ClauseLevel.Must);

        /// <summary>The exit code the gate gives this mutant's run (not strict, no baseline).</summary>
        public int GateExitCode => RunVerdict.Derive(
            this.Results.Select(r => Run.ReportBridge.ToSummary(MutantMatrix.ByKey[r.Key], r.Value)),
            null).ExitCode;

        /// <summary>Every check that warned against it.</summary>
        public IReadOnlyList<string> WarningChecks => this.Results.Where(r => r.Value.Outcome == CheckOutcome.Warning).Select(r => r.Key).ToList();

        /// <summary>Caught when it has intended checks and every one of them failed.</summary>
        public bool Caught => this.Mutant.IntendedCatches.Count > 0 && this.MissedIntended.Count == 0;

        /// <summary>Every check that failed against it.</summary>
        public IReadOnlyList<string> FailedChecks => this.Results.Where(r => r.Value.Outcome == CheckOutcome.Failed).Select(r => r.Key).ToList();
    }
}
