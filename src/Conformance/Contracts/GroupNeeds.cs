using Conformance.Checks;

namespace Conformance.Contracts;

/// <summary>
/// The groups each kind of check needs, declared once for every operation from its description (its precondition, its
/// transition's wrong site and wrong states, whether it is irreversible): the shared contracts and scenarios attach
/// them to the checks they build, so the run plan counts every operation's checks alike.
/// </summary>
internal static class GroupNeeds
{
    /// <summary>The key of the success scenario's shared need.</summary>
    public const string SuccessScenario = "success";

    /// <summary>The key of the repeat scenario's shared need (Reverse: reverse, then ask again).</summary>
    public const string RepeatScenario = "repeat";

    /// <summary>Whether a success of the operation consumes its group for good at one site (<see cref="Operations.LifecycleTransition.Irreversible"/>).</summary>
    public static bool Consumes(OperationUnderTest op) => op.Operation.Transition?.Irreversible == true;

    /// <summary>The precondition state (the state a success needs).</summary>
    public static string Precondition(OperationUnderTest op) => op.Operation.Precondition ?? "any";

    /// <summary>A check that reads the success scenario: up to two groups in the precondition state, at the site that holds them, taken once for every reader.</summary>
    public static IReadOnlyList<GroupNeed> Success(OperationUnderTest op) =>
        [new(GroupSite.Either, Precondition(op), Contracts.SuccessScenario.GroupsToSend, Consumes(op)) { Minimum = 1, Shared = SuccessScenario }];

    /// <summary>A check that reads the repeat scenario: one group in the precondition state at the tested site, taken once for every reader.</summary>
    public static IReadOnlyList<GroupNeed> Repeat(OperationUnderTest op) =>
        [new(GroupSite.Tested, Precondition(op), 1, Consumes(op)) { Shared = RepeatScenario }];

    /// <summary>A check that picks one group of its own in the precondition state and calls the operation on it (<see cref="OperationSteps.PickAtSiteAsync"/>).</summary>
    public static IReadOnlyList<GroupNeed> Pick(OperationUnderTest op, GroupSite site = GroupSite.Either) =>
        [new(site, Precondition(op), 1, Consumes(op))];

    /// <summary>A check that picks one group in the precondition state but sends a form that changes nothing (checkOnly): it reads the group.</summary>
    public static IReadOnlyList<GroupNeed> Probe(OperationUnderTest op) =>
        [new(GroupSite.Either, Precondition(op), 1, Consumes: false)];

    /// <summary>A check whose call is refused for a group in one of <paramref name="states"/> (the first one held): the group is only read.</summary>
    public static IReadOnlyList<GroupNeed> Refused(IReadOnlyList<string> states, GroupSite site = GroupSite.Either) =>
        [new(site, states[0], 1, Consumes: false) { Or = [.. states.Skip(1)] }];

    /// <summary>A generated property whose batches draw from the whole allowlist: it may consume every group left in the precondition state (none is enough to run).</summary>
    public static IReadOnlyList<GroupNeed> Generated(OperationUnderTest op) =>
        Consumes(op) ? [new(GroupSite.Tested, Precondition(op), 0, Consumes: true) { Rest = true }] : [];
}
