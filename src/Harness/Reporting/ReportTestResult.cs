namespace Harness.Reporting;

/// <summary>The outcome of one test execution, as it will be written to <c>{uuid}-result.json</c>.</summary>
internal sealed class ReportTestResult
{
    /// <summary><see cref="Category"/> of a skipped test whose precondition could not be established.</summary>
    public const string Inconclusive = "inconclusive";

    /// <summary><see cref="Category"/> of a skipped test the provider legitimately does not have to support.</summary>
    public const string NotApplicable = "not applicable";

    /// <summary><see cref="Category"/> of a skipped test whose trigger never arose in the run (neither pass nor fail).</summary>
    public const string NotExercised = "not exercised";

    /// <summary><see cref="Category"/> of a failed test whose clause is a SHOULD: a warning, which fails the gate only in strict mode.</summary>
    public const string Warning = "warning";

    public ReportTestResult(string name, string fullName)
    {
        this.Name = name;
        this.FullName = fullName;
    }

    /// <summary>Display name, e.g. "Empty_groupId_is_rejected_with_InvalidArgument".</summary>
    public string Name { get; set; }

    /// <summary>Stable identity without argument values, e.g. "Conformance.ReverseReplicateGroup_Task.Empty_groupId_is_rejected_with_InvalidArgument".</summary>
    public string FullName { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Passed;

    public string? Message { get; set; }

    public string? Trace { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset Stop { get; set; }

    /// <summary>Label names may repeat (several "tag"s). Missing parentSuite/suite/subSuite labels are derived from <see cref="FullName"/>.</summary>
    public List<(string Name, string Value)> Labels { get; } = [];

    public List<ReportLink> Links { get; } = [];

    public List<ReportParameter> Parameters { get; } = [];

    public List<ReportStep> Steps { get; } = [];

    public List<ReportAttachment> Attachments { get; } = [];

    /// <summary>
    /// Our own distinction inside <see cref="ReportStatus.Skipped"/> (<see cref="Inconclusive"/>, <see cref="NotExercised"/>,
    /// <see cref="NotApplicable"/>) and <see cref="ReportStatus.Failed"/> (<see cref="Warning"/>). Written as a "category"
    /// label, and the message is prefixed "Inconclusive: " / "Not exercised: " / "Not applicable: " / "Warning (SHOULD): "
    /// so the report categories can match it.
    /// </summary>
    public string? Category { get; set; }

    /// <summary>A failure that does not fail the gate: one the baseline accepts, or a SHOULD warning outside strict mode. Allure 3 marks it "accepted" (a known issue) and its gate ignores it.</summary>
    public bool Known { get; set; }

    /// <summary>Not counted at all (a clause that does not apply): Allure 3 marks it "muted", apart from a check whose trigger never arose.</summary>
    public bool Muted { get; set; }
}
