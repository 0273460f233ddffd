using System.Globalization;

namespace Conformance.Targets;

/// <summary>
/// The profile's <c>budget</c>: how many allowlisted groups a run may consume for good (Reverse, Failover and Promote
/// leave a group in another state for every later check of a one-site run). A check that would consume beyond it is
/// inconclusive, naming the budget and the fix. With the peer site in the profile the budget is not enforced
/// (<see cref="Counts"/> false): a two-site run restores its groups. One per run, shared by every lane; thread-safe.
/// </summary>
internal sealed class GroupBudget
{
    private readonly object gate = new();
    private readonly List<(string Group, string Check)> consumed = [];

    /// <summary>Creates a budget of <paramref name="limit"/> groups (null: unlimited) that is enforced when <paramref name="counts"/>.</summary>
    public GroupBudget(int? limit, bool counts, bool defaulted = false)
    {
        this.Limit = limit;
        this.Counts = counts;
        this.Defaulted = defaulted;
    }

    /// <summary>How many groups the run may consume; null when unlimited.</summary>
    public int? Limit { get; }

    /// <summary>Whether consumption counts against the limit: a one-site run (no peer to restore the groups).</summary>
    public bool Counts { get; }

    /// <summary>Whether the profile set no budget and the default applies (0 for a real provider).</summary>
    public bool Defaulted { get; }

    /// <summary>The groups given to irreversible calls so far (an upper bound of what was consumed: a call may still have been refused).</summary>
    public int Consumed
    {
        get
        {
            lock (this.gate)
            {
                return this.consumed.Count;
            }
        }
    }

    /// <summary>What is left of the budget; null when unlimited.</summary>
    public int? Left => this.Limit is { } limit ? Math.Max(0, limit - this.Consumed) : null;

    /// <summary>Each group consumed and the check (or shared scenario) that consumed it, in order.</summary>
    public IReadOnlyList<(string Group, string Check)> Entries
    {
        get
        {
            lock (this.gate)
            {
                return this.consumed.ToList();
            }
        }
    }

    /// <summary>The budget for a profile's run: its <c>budget</c>, else unlimited for the embedded simulator and 0 for a real provider; enforced only without a peer.</summary>
    public static GroupBudget For(int? budget, bool embedded, bool hasPeer) =>
        new(budget ?? (embedded ? null : 0), counts: !hasPeer, defaulted: budget is null);

    /// <summary>
    /// Takes up to all of <paramref name="groups"/> (keys) for <paramref name="check"/> to consume: all of them when the
    /// budget is not enforced or unlimited, else as many as are left. Returns those taken.
    /// </summary>
    public IReadOnlyList<string> Take(IReadOnlyList<string> groups, string check)
    {
        lock (this.gate)
        {
            var room = !this.Counts || this.Limit is not { } limit ? groups.Count : Math.Max(0, limit - this.consumed.Count);
            var taken = groups.Take(room).ToList();
            this.consumed.AddRange(taken.Select(g => (g, check)));
            return taken;
        }
    }

    /// <summary>
    /// Takes every group of <paramref name="groups"/> not consumed yet, all or none, for a check that may consume any of
    /// them (a generated property). Returns null when taken, else the reason it may not run.
    /// </summary>
    public string? TakeAll(IReadOnlyList<string> groups, string check)
    {
        lock (this.gate)
        {
            var fresh = groups.Where(g => !this.consumed.Any(c => c.Group == g)).ToList();
            if (this.Counts && this.Limit is { } limit && limit - this.consumed.Count < fresh.Count)
            {
                return this.Refusal($"any of the {fresh.Count} allowlisted group(s) it may take (its generated batches draw from them all)");
            }

            this.consumed.AddRange(fresh.Select(g => (g, check)));
            return null;
        }
    }

    /// <summary>Why a check may not consume <paramref name="what"/>: the budget, what is consumed, and the fix.</summary>
    public string Refusal(string what)
    {
        var limit = this.Limit ?? 0;
        var set = this.Defaulted
            ? "the profile sets no budget, so a one-site run against a real provider consumes no group (budget 0)"
            : string.Create(CultureInfo.InvariantCulture, $"the profile's budget allows {limit} group(s) to be consumed on this one-site run and {this.Consumed} already were");
        return $"budget: this check would consume {what} for good, and {set}; raise \"budget\" in the profile to let it run (or add the peer site, whose groups are restored)";
    }

    /// <summary>The budget in words, e.g. <c>budget 4: 3 consumed, 1 left</c>.</summary>
    public string Describe() =>
        !this.Counts
            ? string.Create(CultureInfo.InvariantCulture, $"budget not enforced (two sites: groups are restored); {this.Consumed} group(s) given to irreversible calls")
            : this.Limit is not { } limit
                ? string.Create(CultureInfo.InvariantCulture, $"budget unlimited{(this.Defaulted ? " (embedded simulator)" : string.Empty)}: {this.Consumed} group(s) consumed")
                : string.Create(CultureInfo.InvariantCulture, $"budget {limit}{(this.Defaulted ? " (default for a real provider)" : string.Empty)}: {this.Consumed} consumed, {this.Left} left");
}
