namespace Harness.Reporting;

/// <summary>
/// What out/summary.json reports about one run. Checks may be added from parallel tests. Counts and the verdict are
/// computed from the checks and the recorded error each time they are read.
/// </summary>
internal sealed class RunSummary
{
    /// <summary>The <see cref="Target"/> when the provider runs inside the harness.</summary>
    public const string Embedded = "embedded";

    private readonly object gate = new();
    private readonly List<RunCheck> checks = [];
    private RunError? error;

    public RunSummary(string profile, string target = Embedded)
    {
        this.Profile = profile;
        this.Target = target;
    }

    public string Profile { get; }

    /// <summary>The provider URL (redacted when written) or <see cref="Embedded"/>.</summary>
    public string Target { get; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The provider's name as QueryProviderInfo reported it, when the run reached it.</summary>
    public string? ProviderName { get; set; }

    /// <summary>The provider's version as QueryProviderInfo reported it, when the run reached it.</summary>
    public string? ProviderVersion { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public IReadOnlyList<RunCheck> Checks
    {
        get
        {
            lock (this.gate)
            {
                return [.. this.checks];
            }
        }
    }

    /// <summary>The first recorded run-level error, if any.</summary>
    public RunError? Error
    {
        get
        {
            lock (this.gate)
            {
                return this.error;
            }
        }
    }

    public RunCounts Counts => RunCounts.From(this.Checks);

    /// <summary>The verdict (see <see cref="RunVerdict.Derive"/>), derived from the checks each time it is read.</summary>
    public RunVerdict Verdict => RunVerdict.Derive(this.Checks, this.Error, this.BaselineJudgement, this.Strict, this.Interrupted);

    /// <summary>The exit code of an interrupted run (128 + SIGINT).</summary>
    public const int InterruptedExitCode = RunVerdict.InterruptedExitCode;

    /// <summary>Whether warnings (failed SHOULD checks) fail the gate: <c>--strict</c> or the profile's <c>strict: true</c>.</summary>
    public bool Strict { get; set; }

    /// <summary>What the run consumed of the profile's group budget (set when the run's files are written).</summary>
    public BudgetSummary? Budget { get; set; }

    /// <summary>Whether the run was stopped before its end (Ctrl-C).</summary>
    public bool Interrupted { get; set; }

    /// <summary>The known-failures baseline of the run, if any.</summary>
    public Baseline? Baseline { get; set; }

    /// <summary>What the baseline makes of the checks so far (judged today).</summary>
    public BaselineJudgement? BaselineJudgement => this.Baseline?.Judge(this.Checks, DateOnly.FromDateTime(DateTime.UtcNow));

    public void Add(RunCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (this.gate)
        {
            this.checks.Add(check);
        }
    }

    /// <summary>Records a run-level error; the first one is kept. Exit code 2 or 3 (see the CLI's exit-code table).</summary>
    public void RecordError(int exitCode, string reason)
    {
        if (exitCode is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(exitCode), exitCode, "A run-level error exits with 2 or 3.");
        }

        lock (this.gate)
        {
            this.error ??= new RunError(exitCode, reason);
        }
    }
}
