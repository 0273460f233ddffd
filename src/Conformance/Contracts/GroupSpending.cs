using Conformance.Checks;
using Harness.Wire;

namespace Conformance.Contracts;

/// <summary>
/// Spends the profile's budget where a check picks groups to consume (<see cref="Targets.GroupBudget"/>): a pick
/// beyond it stops the check as Inconclusive, naming the budget and the fix, before anything is sent.
/// </summary>
internal static class GroupSpending
{
    /// <summary>
    /// Takes <paramref name="groups"/> (picked in <paramref name="state"/>) for the check to consume when the operation
    /// consumes a group in that state, as many as the budget allows; stops the check when it allows none.
    /// </summary>
    public static List<ReplicationGroupId> Take(CheckScope s, OperationUnderTest op, string? state, IReadOnlyList<ReplicationGroupId> groups, bool? consumes = null)
    {
        if (groups.Count == 0 || !(consumes ?? (GroupNeeds.Consumes(op) && state == op.Operation.Precondition)))
        {
            return [.. groups];
        }

        var taken = s.Target.Budget.Take([.. groups.Select(g => g.Key)], s.Name ?? "(harness)");
        s.Require(taken.Count > 0, s.Target.Budget.Refusal($"a {state} group"));
        return [.. groups.Where(g => taken.Contains(g.Key))];
    }

    /// <summary>
    /// For a generated check (<see cref="GroupNeed.Rest"/>) under an enforced, finite budget: reads the allowlisted
    /// groups once and takes every one in <paramref name="states"/>, all or none; stops the check when the budget does
    /// not cover them all.
    /// </summary>
    public static async Task TakeEveryAsync(CheckScope s, IReadOnlySet<string> states)
    {
        if (!s.Target.Budget.Counts || s.Target.Budget.Limit is null)
        {
            return;
        }

        var read = await OperationSteps.ReadStatesAsync(s, s.Target.Allowlist, $"Read the allowlisted groups' states (the budget must cover every {string.Join(" or ", states)} group this check may consume)").ConfigureAwait(false);
        var groups = s.Target.Allowlist.Where(g => read[g.Key] is { } state && states.Contains(state)).Select(g => g.Key).ToList();
        if (s.Target.Budget.TakeAll(groups, s.Name ?? "(harness)") is { } refusal)
        {
            s.Require(false, refusal);
        }
    }
}
