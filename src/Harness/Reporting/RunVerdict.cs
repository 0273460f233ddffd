namespace Harness.Reporting;

/// <summary>A verdict with its process exit code, its headline, and, unless plainly conformant, the reason.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="ExitCode">0 conformant, 1 not conformant, 2 bad input, 3 unreachable, 5 incomplete, 130 interrupted.</param>
/// <param name="Reason">Why it is not CONFORMANT; for a conformant run, what it lists (warnings, clauses not exercised).</param>
internal sealed record RunVerdict(Verdict Verdict, int ExitCode, string? Reason)
{
    /// <summary>The exit code of a run that left a MUST clause unverified.</summary>
    public const int IncompleteExitCode = 5;

    /// <summary>The exit code of an interrupted run (128 + SIGINT).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The verdict line's headline, e.g. "CONFORMANT with 2 warnings" or "INCOMPLETE".</summary>
    public string Headline { get; init; } = string.Empty;

    /// <summary>The SHOULD checks that failed (check name and clause), listed whatever the verdict.</summary>
    public IReadOnlyList<RunCheck> Warnings { get; init; } = [];

    /// <summary>The clauses whose checks' triggers never arose, listed whatever the verdict.</summary>
    public IReadOnlyList<string> NotExercised { get; init; } = [];

    /// <summary>The MUST checks left unverified (inconclusive or broken) that nothing accepts.</summary>
    public IReadOnlyList<RunCheck> Unverified { get; init; } = [];

    /// <summary>
    /// Pure. In order: an interrupted run is INTERRUPTED (130); a recorded run-level error wins (its own exit code, 2
    /// or 3); no check at all is an error (2). Then a failed MUST check, a warning in <paramref name="strict"/> mode, or a
    /// stale baseline entry makes the run NOT CONFORMANT (1), unless the baseline accepts the failure. Then a MUST check
    /// left inconclusive or broken makes it INCOMPLETE (5), unless the baseline or the profile accepts it as unverified,
    /// and so does a run in which no check passed at all. Otherwise it is CONFORMANT (0), with its warnings and the clauses not exercised listed. Not-applicable checks
    /// do not affect the verdict.
    /// </summary>
    public static RunVerdict Derive(IEnumerable<RunCheck> checks, RunError? error, BaselineJudgement? baseline = null, bool strict = false, bool interrupted = false)
    {
        var list = checks.ToList();
        var counts = RunCounts.From(list);
        var warnings = list.Where(c => c.Outcome == CheckOutcome.Warning).ToList();
        var notExercised = list.Where(c => c.Outcome == CheckOutcome.NotExercised).Select(c => c.ClauseId).Distinct(StringComparer.Ordinal).ToList();
        var accepted = baseline?.Accepted ?? new Dictionary<string, BaselineEntry>();
        var acceptedUnverified = baseline?.AcceptedUnverified ?? new Dictionary<string, BaselineEntry>();
        var unverified = list.Where(c => c.LeavesMustUnverified && !acceptedUnverified.ContainsKey(c.Name) && !accepted.ContainsKey(c.Name)).ToList();
        RunVerdict With(Verdict verdict, int exit, string? reason, string headline) => new(verdict, exit, reason)
        {
            Headline = headline,
            Warnings = warnings,
            NotExercised = notExercised,
            Unverified = unverified,
        };

        if (interrupted)
        {
            var unjudged = list.Count(c => c.Outcome == CheckOutcome.Inconclusive);
            return With(Verdict.Interrupted, InterruptedExitCode, $"the run was interrupted; {unjudged} check(s) were not judged", "INTERRUPTED");
        }

        if (error is not null)
        {
            return With(Verdict.Error, error.ExitCode, error.Reason, error.ExitCode == 3 ? "PROVIDER UNREACHABLE" : "CANNOT RUN");
        }

        if (counts.Total == 0)
        {
            return With(Verdict.Error, 2, "no check ran: the filter selected no check", "CANNOT RUN");
        }

        var failed = list.Where(c => c.Outcome == CheckOutcome.Failed || (strict && c.Outcome == CheckOutcome.Warning)).Where(c => !accepted.ContainsKey(c.Name)).ToList();
        var stale = baseline?.Stale ?? [];
        if (failed.Count > 0 || stale.Count > 0)
        {
            var reasons = new List<string>();
            if (failed.Count > 0)
            {
                var must = failed.Count(c => c.Outcome == CheckOutcome.Failed);
                var strictWarnings = failed.Count - must;
                reasons.Add($"{must} MUST check(s) failed{(strictWarnings > 0 ? $" and {strictWarnings} warning(s) fail in strict mode" : string.Empty)}: {Names(failed)}{(accepted.Count > 0 ? $" ({accepted.Count} more accepted by the baseline)" : string.Empty)}");
            }

            reasons.AddRange(stale);
            return With(Verdict.NotConformant, 1, string.Join("; ", reasons), "NOT CONFORMANT");
        }

        // A check whose groups could not be put back leaves the array changed: no baseline accepts that, and the gate fails.
        var notRestored = list.Where(c => c.Outcome == CheckOutcome.RestoreFailed).ToList();
        if (notRestored.Count > 0)
        {
            return With(
                Verdict.Incomplete,
                IncompleteExitCode,
                $"{notRestored.Count} check(s) could not restore the groups they changed, so the run stopped changing state: {Names(notRestored)}; journal.json says what is left in which state; run ./run.sh restore, then run again",
                "INCOMPLETE");
        }

        if (unverified.Count > 0)
        {
            var broken = unverified.Count(c => c.Outcome == CheckOutcome.Broken);
            return With(
                Verdict.Incomplete,
                IncompleteExitCode,
                $"{unverified.Count} MUST check(s) left unverified ({unverified.Count - broken} inconclusive, {broken} broken): {Names(unverified)}; establish their preconditions (see each reason), or list them under acceptedUnverified in the baseline or the profile with a reason and an expiry",
                "INCOMPLETE");
        }

        if (counts.Passed + counts.Warnings == 0)
        {
            return With(Verdict.Incomplete, IncompleteExitCode, $"no clause was verified: {counts.Describe()}; a run must exercise at least one clause to be CONFORMANT (check the filter and the profile's capabilities)", "INCOMPLETE");
        }

        var extras = new List<string>();
        var with = new List<string>();
        var openWarnings = warnings.Where(c => !accepted.ContainsKey(c.Name)).ToList();
        if (openWarnings.Count > 0)
        {
            with.Add($"{openWarnings.Count} warning{(openWarnings.Count == 1 ? string.Empty : "s")}");
            extras.Add($"warnings (SHOULD): {Names(openWarnings)}");
        }

        var knownCount = list.Count(c => accepted.ContainsKey(c.Name));
        if (knownCount > 0)
        {
            with.Add($"{knownCount} known failure{(knownCount == 1 ? string.Empty : "s")} accepted by the baseline");
            extras.Add($"{knownCount} known failure(s) accepted by the baseline");
        }

        var headline = with.Count == 0 ? "CONFORMANT" : "CONFORMANT with " + string.Join(" and ", with);

        var acceptedCount = list.Count(c => c.LeavesMustUnverified && acceptedUnverified.ContainsKey(c.Name));
        if (acceptedCount > 0)
        {
            extras.Add($"{acceptedCount} MUST check(s) accepted unverified");
        }

        if (notExercised.Count > 0)
        {
            extras.Add($"not exercised (the trigger never arose): {string.Join(", ", notExercised)}");
        }

        return With(Verdict.Conformant, 0, extras.Count == 0 ? null : string.Join("; ", extras), headline);
    }

    private static string Names(IEnumerable<RunCheck> checks) => string.Join(", ", checks.Select(c => $"{c.Name} ({c.ClauseId})"));
}
