using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>The result of running one check: its outcome, the reason in plain words, notes, and the narrated steps.</summary>
internal sealed record CheckResult
{
    /// <summary>The outcome.</summary>
    public required CheckOutcome Outcome { get; init; }

    /// <summary>Why it did not pass, in plain words (categories key on its prefix).</summary>
    public string? Reason { get; init; }

    /// <summary>For a failure (and a warning, a failed SHOULD): what the clause requires, what the provider did, and the exchange that shows it; <see cref="Reason"/> is its text.</summary>
    public Failure? Failure { get; init; }

    /// <summary>Observations worth reporting even on a pass, e.g. which reading of an unconfirmed point was seen.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The narrated steps with their exchanges.</summary>
    public IReadOnlyList<CheckStep> Steps { get; init; } = [];

    /// <summary>The stack trace, for Broken only (report only, never the console).</summary>
    public string? Trace { get; init; }

    /// <summary>When the check started.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset Stop { get; init; }

    /// <summary>One line for logs and the console.</summary>
    public string Describe() => this.Reason is null ? this.Outcome.ToString() : $"{this.Outcome}: {this.Reason}";
}
