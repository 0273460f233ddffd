using System.Globalization;
using System.Text.Json;
using Conformance.Checks;
using Conformance.Targets;
using Harness.Profiles;
using Harness.Reporting;
using Harness.Security;
using Harness.Simulator;

namespace Conformance.Run;

/// <summary>
/// One run of the suite: built once from the profile (csi-test's TestContext), it holds the target or the reason
/// the run could not start, and writes every result to allure-results and out/summary.json as it goes.
/// </summary>
internal sealed class ConformanceRun : IDisposable
{
    /// <summary>The reason of a check the run did not start because it was interrupted.</summary>
    public const string NotRunReason = "not run: the run was interrupted";

    /// <summary>The reason of a check still running when an interrupted run wrote its files.</summary>
    public const string InFlightReason = "interrupted: the run was stopped while this check was running";

    private readonly object gate = new();
    private readonly object finishGate = new();
    private readonly Dictionary<string, CheckResult> recorded = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Check Check, DateTimeOffset Start)> inFlight = new(StringComparer.Ordinal);
    private bool closed;
    private bool finished;
    private readonly AllureResultsWriter writer;
    private readonly IDisposable? server;

    /// <summary>Creates a run; <paramref name="server"/>, the embedded simulator's endpoint(s), is disposed with it.</summary>
    public ConformanceRun(string outDirectory, Redactor redactor, Profile? profile, ConformanceTarget? target, RunAbort? abort, IDisposable? server, IReadOnlyList<string> notes)
    {
        this.OutDirectory = outDirectory;
        this.Redactor = redactor;
        this.Profile = profile;
        this.Target = target;
        this.Abort = abort;
        this.server = server;
        this.Notes = notes;
        // Tasks in flight stay within maxConcurrentTasks by the task slots; more checks than slots may run, so that checks
        // reading, or waiting on a shared scenario, leave no slot idle.
        this.checkGate = new CheckGate(SharedChecksPerTaskSlot * (target?.MaxConcurrentTasks ?? 1));
        this.writer = new AllureResultsWriter(Path.Combine(outDirectory, "allure-results"), redactor);
        this.Summary = new RunSummary(profile?.Name ?? "(no profile)", profile is null ? "(none)" : profile.Target.IsEmbedded ? RunSummary.Embedded : redactor.Redact(profile.Target.BaseUri!.ToString()))
        {
            StartedAt = DateTimeOffset.UtcNow,
        };
        if (abort is not null)
        {
            this.Summary.RecordError(abort.ExitCode, abort.Message);
        }

        (target?.Journal ?? new ChangeJournal()).WriteThrough(Path.Combine(outDirectory, "journal.json"), redactor);
    }

    /// <summary>The run in progress (set by the NUnit set-up fixture).</summary>
    public static ConformanceRun? Current { get; set; }

    /// <summary>The output folder.</summary>
    public string OutDirectory { get; }

    /// <summary>The run's redactor.</summary>
    public Redactor Redactor { get; }

    /// <summary>The profile, when it loaded.</summary>
    public Profile? Profile { get; }

    /// <summary>The target, when the run could start.</summary>
    public ConformanceTarget? Target { get; }

    /// <summary>Why the run could not start.</summary>
    public RunAbort? Abort { get; }

    /// <summary>What connecting noticed.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The targets checks run on: one for a real provider; for the embedded simulator, identical simulators run in parallel.</summary>
    public IReadOnlyList<ConformanceTarget> Lanes
    {
        get => this.lanes;
        init
        {
            this.lanes = value;
            foreach (var lane in value)
            {
                this.freeLanes.Writer.TryWrite(lane);
            }
        }
    }

    private readonly IReadOnlyList<ConformanceTarget> lanes = [];
    private readonly CheckGate checkGate;

    /// <summary>Checks at once on a shared target per task slot (maxConcurrentTasks).</summary>
    public const int SharedChecksPerTaskSlot = 4;

    /// <summary>
    /// Whether checks share one target (a real provider, or a simulator started on its own): they then run at once, up
    /// to its maxConcurrentTasks, on disjoint leased groups, and an exclusive check runs alone. The embedded simulator's
    /// lanes are separate worlds, reset before each check, and keep one check per lane.
    /// </summary>
    public bool SharesTarget => this.Target is { Simulator: null };
    private readonly System.Threading.Channels.Channel<ConformanceTarget> freeLanes = System.Threading.Channels.Channel.CreateUnbounded<ConformanceTarget>();

    /// <summary>Connections and other resources the run owns and disposes.</summary>
    public List<IDisposable> Owned { get; } = [];

    /// <summary>The run plan printed at the start (groups needed against available, the budget), when the run could start.</summary>
    public RunPlan? Plan { get; set; }

    /// <summary>The summary being built.</summary>
    public RunSummary Summary { get; }

    /// <summary>Stops the run: in-flight calls and waits end, the remaining checks are reported as not run.</summary>
    public CancellationTokenSource Interruption { get; init; } = new();

    /// <summary>Whether the run was interrupted.</summary>
    public bool Interrupted => this.Interruption.IsCancellationRequested;

    /// <summary>
    /// The checks the run is to judge, in run order (the NUnit selection): an interrupted run that writes its files
    /// before NUnit has reached them all reports the missing ones as not run. Null when unknown (a test filter chose
    /// them): such a run then reports only the checks that started.
    /// </summary>
    public IReadOnlyList<Check>? Expected { get; set; }

    /// <summary>Whether <see cref="Finish"/> has written the run's files.</summary>
    public bool Finished
    {
        get
        {
            lock (this.finishGate)
            {
                return this.finished;
            }
        }
    }

    /// <summary>Runs one check (or reports the abort for it) and records the result; a check of a later stage first waits for every check of an earlier stage to end.</summary>
    public async Task<CheckResult> RunCheckAsync(Check check)
    {
        var stage = (int)check.Stage;
        Interlocked.Increment(ref this.running[stage]);
        try
        {
            await this.EarlierStagesEndedAsync(stage).ConfigureAwait(false);
            return await this.RunCheckNowAsync(check).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref this.running[stage]);
        }
    }

    private readonly int[] running = new int[Enum.GetValues<RunStage>().Length];

    /// <summary>
    /// Waits until no check of an earlier stage is running. NUnit starts cases in catalogue order, in which the stages
    /// come one after the other, so every earlier check has started by then; this waits for them to end.
    /// </summary>
    private async Task EarlierStagesEndedAsync(int stage)
    {
        while (!this.Interrupted && Enumerable.Range(0, stage).Any(s => Volatile.Read(ref this.running[s]) > 0))
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    private async Task<CheckResult> RunCheckNowAsync(Check check)
    {
        CheckResult result;
        if (this.Interrupted)
        {
            result = NotRun();
        }
        else if (this.Abort is not null || this.Target is null)
        {
            var now = DateTimeOffset.UtcNow;
            result = new CheckResult { Outcome = CheckOutcome.Broken, Reason = "run aborted: " + (this.Abort?.Message ?? "no target"), Start = now, Stop = now };
        }
        else
        {
            ConformanceTarget lane;
            IDisposable? pass = null;
            try
            {
                pass = this.SharesTarget ? await this.checkGate.EnterAsync(check.Exclusive, this.Interruption.Token).ConfigureAwait(false) : null;
                lane = this.lanes.Count == 0 || this.SharesTarget ? this.Target : await this.freeLanes.Reader.ReadAsync(this.Interruption.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return this.Record(check, NotRun());
            }

            try
            {
                this.inFlight[check.Key] = (check, DateTimeOffset.UtcNow);
                // Each check starts from the profile's initial state on the embedded simulator; real providers are never reset.
                lane.Simulator?.Reset();
                result = await check.ExecuteAsync(lane).ConfigureAwait(false);
            }
            finally
            {
                if (pass is not null)
                {
                    pass.Dispose();
                }
                else if (this.lanes.Count > 0)
                {
                    this.freeLanes.Writer.TryWrite(lane);
                }
            }
        }

        return this.Record(check, result);
    }

    /// <summary>
    /// Writes the Allure result and the summary line, once per check, and returns the result that stands: a check
    /// already recorded (an interrupted run wrote its files while it was running) keeps its first result, and once the
    /// run's files are being written nothing more is added to them.
    /// </summary>
    public CheckResult Record(Check check, CheckResult result)
    {
        var report = ReportBridge.ToReport(check, result, this.Profile?.Name ?? "(none)", this.Target?.Seed, this.Target?.BatchLimit(check.Feature));
        if (this.KnownFailure(check, result) is { } entry)
        {
            report.Known = true;
            report.Message = $"Known failure (baseline, until {entry.Expires:yyyy-MM-dd}: {entry.Reason}): {report.Message}";
        }

        // Each outcome its own mark (README "What a result means"): a warning is a failure the gate accepts unless
        // strict (resolution "accepted"); not applicable is muted, so it differs from not exercised (plain skipped).
        report.Known |= result.Outcome == CheckOutcome.Warning && !this.Summary.Strict;
        report.Muted = result.Outcome == CheckOutcome.NotApplicable;

        lock (this.gate)
        {
            this.inFlight.TryRemove(check.Key, out _);
            if (this.recorded.TryGetValue(check.Key, out var earlier))
            {
                return earlier;
            }

            if (this.closed)
            {
                return result;
            }

            this.recorded[check.Key] = result;
            this.Summary.Add(ReportBridge.ToSummary(check, result));
        }

        this.writer.Write(report);
        return result;
    }

    /// <summary>The baseline entry that accepts this failure, if any (not expired).</summary>
    public BaselineEntry? KnownFailure(Check check, CheckResult result) =>
        result.Outcome is CheckOutcome.Failed or CheckOutcome.Broken or CheckOutcome.Warning
            ? this.Summary.Baseline?.Entries.FirstOrDefault(e => e.Expires >= DateOnly.FromDateTime(DateTime.UtcNow) && e.Covers(ReportBridge.ToSummary(check, result)))
            : null;

    /// <summary>
    /// Writes the run-level files: journal, JUnit, SARIF, summary (the last of the four), then environment, latency,
    /// wire ledger, categories, executor and traceability. Once only, and safe to call from several threads (the
    /// tear-down, and the interruption that cannot wait for it): a later call returns when the files are written.
    /// An interrupted run first closes its record: a check still running is inconclusive
    /// (<see cref="InFlightReason"/>), an <see cref="Expected"/> check that never started is not run
    /// (<see cref="NotRunReason"/>).
    /// </summary>
    public void Finish()
    {
        lock (this.finishGate)
        {
            if (this.finished)
            {
                return;
            }

            this.WriteRunFiles();
            this.finished = true;
        }
    }

    /// <summary>The result of a check the run did not start because it was interrupted.</summary>
    private static CheckResult NotRun()
    {
        var now = DateTimeOffset.UtcNow;
        return new CheckResult { Outcome = CheckOutcome.Inconclusive, Reason = NotRunReason, Start = now, Stop = now };
    }

    /// <summary>Records every check an interrupted run leaves unjudged, then closes the record.</summary>
    private void CloseRecord()
    {
        if (this.Interrupted)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (check, start) in this.inFlight.Values.OrderBy(c => c.Start))
            {
                this.Record(check, new CheckResult { Outcome = CheckOutcome.Inconclusive, Reason = InFlightReason, Start = start, Stop = now });
            }

            foreach (var check in this.Expected ?? [])
            {
                this.Record(check, NotRun());
            }
        }

        lock (this.gate)
        {
            this.closed = true;
        }
    }

    private void WriteRunFiles()
    {
        this.CloseRecord();
        this.Summary.FinishedAt = DateTimeOffset.UtcNow;
        this.Summary.Interrupted = this.Interrupted;
        this.Summary.ProviderName = this.Target?.Info?.Name;
        this.Summary.ProviderVersion = this.Target?.Info?.Version;
        if (this.Target?.Budget is { } budget)
        {
            this.Summary.Budget = new BudgetSummary(budget.Limit, budget.Consumed, budget.Counts)
            {
                RefusedChecks = this.Summary.Checks.Count(c => c.Outcome == CheckOutcome.Inconclusive && c.Message?.Contains("budget: ", StringComparison.Ordinal) == true),
            };
        }

        foreach (var (task, groups) in this.AllLanes().SelectMany(l => l.OpenTasks))
        {
            this.Target!.Journal.Add("(task still in flight at the end of the run)", null, $"task SmsTask:{task} for {groups} had not ended; check it on the provider");
        }

        // The journal's coalesced writes (embedded simulator), the last entries included.
        this.Target?.Journal.Complete();

        // What CI reads first, with summary.json last: run.sh takes summary.json as the sign that the run has ended.
        JUnitWriter.Write(this.Summary, Path.Combine(this.OutDirectory, "junit.xml"), this.Redactor);
        SarifWriter.Write(this.Summary, Path.Combine(this.OutDirectory, "conformance.sarif"), this.Redactor, informationUri: new Uri(ClauseReferences.SmsApiPage), clauses: ClauseReferences.All);
        RunSummaryWriter.Write(this.Summary, Path.Combine(this.OutDirectory, "summary.json"), this.Redactor);

        var info = this.Target?.Info;
        // The verdict first: the report's first screen shows these entries (its title carries the headline too).
        var verdict = this.Summary.Verdict;
        // A count first, so a long list cut short in the report's chip still says how many.
        static string Clauses(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } list
            ? $"{list.Count}: {string.Join(", ", list)}"
            : "none";
        var checks = this.Summary.Checks;
        var latencies = this.Latencies();
        var environment = new Dictionary<string, string>
        {
            // Allure sorts the entries by name, shows the first eight, and cuts a key longer than about 16 characters:
            // short numbered keys keep the verdict on top and whole.
            ["1. verdict"] = $"{verdict.Headline} (exit {verdict.ExitCode})",
            ["2. failed MUST"] = Clauses(checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.ClauseId)),
            ["3. warnings"] = Clauses(verdict.Warnings.Select(c => c.ClauseId)),
            ["4. unverified"] = Clauses(checks.Where(c => c.Outcome is CheckOutcome.Inconclusive or CheckOutcome.Broken).Select(c => c.ClauseId)),
            ["5. not exercised"] = Clauses(verdict.NotExercised),
            ["profile"] = this.Profile?.Name ?? "(none)",
            ["target"] = this.Summary.Target,
            ["vcenter"] = this.Target?.VcenterAbout ?? (this.Target is null ? "(not reached)" : "(AboutInfo not reported)"),
            ["baseline"] = this.Summary.Baseline?.Source ?? "(none)",
            ["release"] = this.Profile?.Release ?? string.Empty,
            ["provider"] = info is null ? "(unknown)" : $"{info.Name ?? "(no name)"} {info.Version ?? "(no version)"}",
            ["vasaVersion"] = info?.VasaVersion ?? "(unknown)",
            ["maxBatchSize"] = info?.MaxBatchSize?.ToString(CultureInfo.InvariantCulture) ?? "(not reported)",
            ["providerMoId"] = this.Target?.Provider.Value ?? "(none)",
            ["suite"] = typeof(ConformanceRun).Assembly.GetName().Version?.ToString() ?? "0",
            ["runId"] = this.Target?.RunId ?? "(none)",
            // What the run consumed of the profile's budget (summary.json's budget), and what the plan expected to be short.
            ["budget"] = this.Summary.Budget?.Describe() ?? "(no run)",
            ["plan"] = this.Plan is { } plan ? $"{plan.Shortages.Count} check(s) short of groups or budget; per site and state in plan.json" : "(no plan)",
            // Per operation in latency.json; here the slowest, so a key never needs an operation's long name.
            ["latency"] = latencies.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"p95 up to {latencies.Max(l => l.P95):0.0} ms ({latencies.MaxBy(l => l.P95).Operation}) over {latencies.Sum(l => l.Count)} calls; per operation in latency.json")
                : "(no calls)",
        };

        var tasks = this.AllLanes().SelectMany(l => l.TaskDurations).Select(d => d.TotalMilliseconds).Order().ToList();
        if (tasks.Count > 0)
        {
            environment["tasks"] = string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(tasks, 0.5):0.0} ms, p95 {Percentile(tasks, 0.95):0.0} ms ({tasks.Count} tasks)");
        }

        this.writer.WriteEnvironment(environment);
        File.WriteAllText(Path.Combine(this.OutDirectory, "latency.json"), System.Text.Json.JsonSerializer.Serialize(
            new
            {
                operations = latencies.Select(l => new { operation = l.Operation, p50Ms = Math.Round(l.P50, 2), p95Ms = Math.Round(l.P95, 2), calls = l.Count }),
                tasks = new { count = tasks.Count, p50Ms = tasks.Count == 0 ? 0 : Math.Round(Percentile(tasks, 0.5), 2), p95Ms = tasks.Count == 0 ? 0 : Math.Round(Percentile(tasks, 0.95), 2) },
            },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        if (this.Target?.Ledger is { } ledger)
        {
            File.WriteAllText(Path.Combine(this.OutDirectory, "wire.json"), this.Redactor.Redact(ledger.ToJson()));
        }

        this.writer.WriteCategories();
        this.writer.WriteExecutor();
        var matrix = Traceability.Build(Catalogue.All, this.Summary.Checks);
        File.WriteAllText(Path.Combine(this.OutDirectory, "traceability.md"), Traceability.ToMarkdown(matrix));
        File.WriteAllText(Path.Combine(this.OutDirectory, "traceability.json"), Traceability.ToJson(matrix));
        // The matrix is a page of its own, not a test, so the report's counts equal summary.json's; the report links to it.
        File.WriteAllText(Path.Combine(this.OutDirectory, "traceability.html"), Traceability.ToHtml(matrix));
    }

    /// <summary>What the run changed on the provider, in words: each new source group and the group it came from.</summary>
    public IReadOnlyList<string> Changes() =>
        this.AllLanes().SelectMany(l => l.CreatedGroups).Select(c => $"{c.Value} was reversed: the new source group is {c.Key}").Order(StringComparer.Ordinal)
            .Concat(this.AllLanes().SelectMany(l => l.OpenTasks).Select(t => $"task SmsTask:{t.Key} for {t.Value} was still in flight; its outcome is unknown")).ToList();

    /// <summary>Each provider operation's latency over the run: p50, p95 and the number of calls.</summary>
    public IReadOnlyList<(string Operation, double P50, double P95, int Count)> Latencies() =>
        this.AllLanes().SelectMany(l => l.Latencies)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Values: g.SelectMany(kv => kv.Value).Order().ToList()))
            .Select(x => (x.Key, Percentile(x.Values, 0.5), Percentile(x.Values, 0.95), x.Values.Count))
            .ToList();

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private IEnumerable<ConformanceTarget> AllLanes() => this.lanes.Count > 0 ? this.lanes : this.Target is null ? [] : [this.Target];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in this.Owned)
        {
            owned.Dispose();
        }

        this.server?.Dispose();
        this.Interruption.Dispose();
    }

}
