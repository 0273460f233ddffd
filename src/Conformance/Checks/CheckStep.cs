using Harness.Client;

using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>One narrated step of a check: what was done, the exchanges it made, and how it ended.</summary>
internal sealed class CheckStep
{
    internal CheckStep(string name, DateTimeOffset start)
    {
        this.Name = name;
        this.Start = start;
    }

    /// <summary>What the step does, in a vendor's words.</summary>
    public string Name { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset Stop { get; internal set; }

    /// <summary>How it ended (Passed unless the check stopped inside it).</summary>
    public CheckOutcome Outcome { get; internal set; } = CheckOutcome.Passed;

    /// <summary>Why it did not pass.</summary>
    public string? Message { get; internal set; }

    /// <summary>Sub-steps.</summary>
    public List<CheckStep> Children { get; } = [];

    /// <summary>The exchanges made in this step (already redacted).</summary>
    internal List<ProviderCall> Calls { get; } = [];

    /// <summary>The exchange that shows the failure this step stopped on (attached first, response first).</summary>
    internal ProviderCall? Evidence { get; set; }

    /// <summary>Named texts to attach (e.g. a counterexample).</summary>
    public List<(string Name, string ContentType, string Content)> Attachments { get; } = [];
}
