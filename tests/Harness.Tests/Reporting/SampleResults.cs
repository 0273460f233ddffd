using Harness.Reporting;

namespace Harness.Tests.Reporting;

/// <summary>Test data: results shaped like the conformance suite's.</summary>
internal static class SampleResults
{
    public const string FullName = "Conformance.Reverse.ReverseReplicateGroupTests.Empty_groupId_is_rejected_with_InvalidArgument";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 1, TimeSpan.Zero);

    public static ReportTestResult Passed(string provider = "mock", string seed = "42")
    {
        var result = new ReportTestResult("Empty_groupId_is_rejected_with_InvalidArgument", FullName)
        {
            Description = "Calls **reverseReplicateGroup** with an empty groupId.",
            Status = ReportStatus.Passed,
            Start = Start,
            Stop = Start.AddMilliseconds(850),
        };
        result.Labels.Add(("parentSuite", "Conformance"));
        result.Labels.Add(("suite", "Reverse"));
        result.Labels.Add(("subSuite", "ReverseReplicateGroupTests"));
        result.Labels.Add(("tag", "negative"));
        result.Labels.Add(("tag", "replication"));
        result.Parameters.Add(new ReportParameter("provider", provider));
        result.Parameters.Add(new ReportParameter("seed", seed, Excluded: true));
        return result;
    }

    public static ReportTestResult FailedWithNestedStep()
    {
        var result = new ReportTestResult("Failover_task_reports_progress", "Conformance.Tasks.FailoverTests.Failover_task_reports_progress")
        {
            Status = ReportStatus.Failed,
            Message = "[task] progress went backwards: 60 -> 40",
            Trace = "   at Conformance.Tasks.FailoverTests.Failover_task_reports_progress() in FailoverTests.cs:line 57",
            Start = Start,
            Stop = Start.AddSeconds(3),
        };
        var call = new ReportStep("POST /vasa/failoverReplicationGroup")
        {
            Status = ReportStatus.Failed,
            Message = "progress went backwards",
            Start = Start.AddMilliseconds(100),
            Stop = Start.AddSeconds(2),
        };
        call.Parameters.Add(("method", "POST"));
        call.Attachments.Add(new ReportAttachment("request", "application/json", "{\"groupId\":\"g-1\"}"));
        var poll = new ReportStep("poll task t-1")
        {
            Status = ReportStatus.Failed,
            Start = Start.AddMilliseconds(500),
            Stop = Start.AddSeconds(2),
        };
        poll.Attachments.Add(new ReportAttachment("task states", "text/plain", "60\n40\n"));
        call.Steps.Add(poll);
        result.Steps.Add(call);
        result.Attachments.Add(new ReportAttachment("Console Output", "text/plain; charset=utf-8", "polling…"));
        return result;
    }
}
