namespace Harness.Reporting;

/// <summary>One known failure: the check (or every check of a clause) that may fail, why, and until when.</summary>
/// <param name="Check">A check name, or null when the entry names a clause.</param>
/// <param name="Clause">A clause id, or null when the entry names a check.</param>
/// <param name="Reason">Why the failure is accepted for now (a ticket, a release).</param>
/// <param name="Expires">The last day the entry is honoured.</param>
internal sealed record BaselineEntry(string? Check, string? Clause, string Reason, DateOnly Expires)
{
    /// <summary>Whether the entry covers the check.</summary>
    /// <remarks>A check is named by its key (<c>{operation}.{name}</c>); a bare name covers that check of every operation.</remarks>
    public bool Covers(RunCheck check) => this.Check is not null
        ? this.Check == check.Name || check.Name.EndsWith("." + this.Check, StringComparison.Ordinal)
        : this.Clause == check.ClauseId;

    /// <summary>What the entry names.</summary>
    public string Subject => this.Check ?? "clause " + this.Clause;
}
