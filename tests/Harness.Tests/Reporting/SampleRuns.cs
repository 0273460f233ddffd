using Harness.Reporting;

namespace Harness.Tests.Reporting;

/// <summary>Test data: run summaries shaped like the conformance suite's.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(2));

    /// <summary>The failed check's reason, in the suite's one shape: what the clause requires, what the provider did, and the exchange that shows it.</summary>
    public const string Failure = "wrong fault: expected NotFound; observed InvalidArgument (exchange 3f9a1c-0000a)";

    /// <summary>One check per outcome, in enum order, with distinct clause ids except the two skipped ones.</summary>
    public static RunSummary EveryOutcome()
    {
        var summary = new RunSummary("array-a", "https://array.example:8443/vasa")
        {
            StartedAt = Start,
            FinishedAt = Start.AddSeconds(12.5),
        };
        summary.Add(new RunCheck("Empty_groupId_is_rejected_with_InvalidArgument", "R-4.2.1", CheckOutcome.Passed, null, 850));
        summary.Add(new RunCheck("Unknown_group_is_rejected_with_NotFound", "R-4.2.2", CheckOutcome.Failed, Failure, 1200));
        summary.Add(new RunCheck("Failover_task_reports_progress", "T-2.1", CheckOutcome.Broken, "stuck task: no progress in 30 s", 30000));
        summary.Add(new RunCheck("Reverse_after_failover_swaps_roles", "R-5.1", CheckOutcome.Inconclusive, "precondition not established: failover did not complete", 4));
        summary.Add(new RunCheck("Async_replication_is_reported", "R-5.1", CheckOutcome.NotApplicable, "Not applicable: sync only", 3));
        return summary;
    }
}
