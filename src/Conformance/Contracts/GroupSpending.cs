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
}
