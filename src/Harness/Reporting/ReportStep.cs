namespace Harness.Reporting;

/// <summary>One step of a test (a request, a poll, a validation). Steps nest without limit.</summary>
internal sealed class ReportStep
{
    public ReportStep(string name)
    {
        this.Name = name;
    }

    public string Name { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Passed;

    public string? Message { get; set; }

    public string? Trace { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset Stop { get; set; }

    public List<ReportStep> Steps { get; } = [];

    public List<ReportAttachment> Attachments { get; } = [];

    public List<(string Name, string Value)> Parameters { get; } = [];
}
