using System.Globalization;
using System.Text;
using Conformance.Checks;
using Harness.Reporting;

namespace Conformance.Run;

/// <summary>Turns a check's result into an Allure result and a summary line. The status mapping is documented in README "What a result means".</summary>
internal static class ReportBridge
{

    /// <summary>The stable full name of a check.</summary>
    public static string FullName(Check check) => $"Conformance.{check.Feature}.{check.Name}";

    /// <summary>The Allure result.</summary>
    public static ReportTestResult ToReport(Check check, CheckResult result, string profileName, ulong? seed, long? batchLimit)
    {
        var report = new ReportTestResult(check.Name.Replace('_', ' '), FullName(check))
        {
            Start = result.Start,
            Stop = result.Stop,
            Status = Status(result.Outcome),
            Category = result.Outcome switch
            {
                CheckOutcome.Inconclusive => ReportTestResult.Inconclusive,
                CheckOutcome.NotApplicable => ReportTestResult.NotApplicable,
                CheckOutcome.NotExercised => ReportTestResult.NotExercised,
                CheckOutcome.Warning => ReportTestResult.Warning,
                _ => null,
            },
            Message = result.Reason,
            Trace = result.Trace ?? Where(result),
            Description = Describe(check, result),
        };
        report.Labels.AddRange(
        [
            ("epic", "Replication"),
            ("feature", check.Feature),
            ("story", check.Clause.Id),
            ("severity", check.Clause.Level == ClauseLevel.Must ? "critical" : "normal"),
            ("parentSuite", "VASA provider conformance"),
            ("suite", check.Feature),
            ("subSuite", check.Clause.Id),
            ("tag", check.Clause.Level == ClauseLevel.Must ? "MUST" : "SHOULD"),
            ("host", Environment.MachineName),
            ("thread", Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture)),
            ("framework", "nunit"),
            ("language", "csharp"),
            ("testMethod", check.Name),
        ]);
        if (result.Outcome == CheckOutcome.Warning || result.Notes.Any(n => n.StartsWith("WARNING", StringComparison.Ordinal)))
        {
            report.Labels.Add(("tag", "warning"));
        }

        // The clause's own page shipped inside the report, then its section of VMware's documentation, then its row
        // in the committed clause list when that is hosted (VASA_DOCS_URL or the CI's repository).
        report.Links.Add(new ReportLink($"{check.Clause.Id} in the traceability matrix", $"traceability.html#{check.Clause.Id}"));
        var (topic, page) = ClauseReferences.All.TryGetValue(check.Clause.Id, out var clause)
            ? (clause.VmwareTopic, clause.VmwarePage.AbsoluteUri)
            : (check.Feature, ClauseReferences.ApiPage(check.Feature));
        report.Links.Add(new ReportLink($"{topic} in VMware's API reference", page));
        if (clause is not null && clause.HelpUri != clause.VmwarePage)
        {
            report.Links.Add(new ReportLink($"{check.Clause.Id} in the clause list (line {clause.Line})", clause.HelpUri.AbsoluteUri, "tms"));
        }
        report.Parameters.Add(new ReportParameter("profile", profileName));
        report.Parameters.Add(new ReportParameter("batch size", batchLimit?.ToString(CultureInfo.InvariantCulture) ?? "no limit"));
        if (seed is { } s)
        {
            report.Parameters.Add(new ReportParameter("seed", s.ToString(CultureInfo.InvariantCulture), Excluded: true));
        }

        report.Steps.AddRange(result.Steps.Select(ToStep));
        if (result.Notes.Count > 0)
        {
            report.Attachments.Add(new ReportAttachment("Notes", "text/plain", string.Join(Environment.NewLine, result.Notes)));
        }

        return report;
    }

    /// <summary>The summary line.</summary>
    public static RunCheck ToSummary(Check check, CheckResult result) =>
        new(check.Key, check.Clause.Id, result.Outcome, result.Reason, (long)(result.Stop - result.Start).TotalMilliseconds, check.Level) { Feature = check.Feature };

    /// <summary>
    /// The Allure status: a warning (a failed SHOULD) is "failed" with the category "Warning (SHOULD)"; inconclusive is
    /// "unknown" (a colour of its own: an unverified clause); not exercised and not applicable are "skipped", each
    /// with its own category.
    /// </summary>
    private static ReportStatus Status(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => ReportStatus.Passed,
        CheckOutcome.Failed or CheckOutcome.Warning => ReportStatus.Failed,
        CheckOutcome.Broken or CheckOutcome.RestoreFailed => ReportStatus.Broken,
        CheckOutcome.Inconclusive => ReportStatus.Unknown,
        _ => ReportStatus.Skipped,
    };

    /// <summary>For a failed or inconclusive check: the path of steps where it stopped, as the "trace".</summary>
    private static string? Where(CheckResult result)
    {
        if (result.Outcome == CheckOutcome.Passed)
        {
            return null;
        }

        var path = new List<string>();
        for (var steps = result.Steps; steps.LastOrDefault(s => s.Outcome != CheckOutcome.Passed) is { } stopped; steps = stopped.Children)
        {
            path.Add(stopped.Name);
        }

        return path.Count == 0 ? null : "stopped at: " + string.Join(" › ", path);
    }

    private static ReportStep ToStep(CheckStep step)
    {
        var report = new ReportStep(step.Name)
        {
            Start = step.Start,
            Stop = step.Stop == default ? step.Start : step.Stop,
            Status = Status(step.Outcome),

            // The failure's text is in the test's error box once; a failed step shows its status and its evidence.
            Message = step.Outcome == CheckOutcome.Failed ? null : step.Message,
        };
        if (step.Evidence is { } evidence)
        {
            report.Attachments.Add(new ReportAttachment($"Evidence: {evidence.Summary} [{evidence.CorrelationId}]", "application/json", evidence.ToJson(responseFirst: true)));
        }

        foreach (var call in step.Calls)
        {
            report.Attachments.Add(new ReportAttachment($"{call.Summary} [{call.CorrelationId}]", "application/json", call.ToJson()));
        }

        report.Attachments.AddRange(step.Attachments.Select(a => new ReportAttachment(a.Name, a.ContentType, a.Content)));
        report.Steps.AddRange(step.Children.Select(ToStep));
        return report;
    }

    private static string Describe(Check check, CheckResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{check.Clause.Id}** ({check.Clause.Level.ToString().ToUpperInvariant()}): {check.Clause.Text}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Source: {check.Clause.Source}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Level: {check.Clause.Level.ToString().ToUpperInvariant()}, because {check.Clause.Why}\n\n");
        if (result.Reason is not null && result.Outcome is not (CheckOutcome.Failed or CheckOutcome.Warning or CheckOutcome.Broken))
        {
            // A failure's text is in the error box; other outcomes say why here.
            text.Append(CultureInfo.InvariantCulture, $"**{RunSummaryWriter.OutcomeText(result.Outcome)}**: {result.Reason}\n\n");
        }

        foreach (var note in result.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {note}\n");
        }

        return text.ToString();
    }
}
