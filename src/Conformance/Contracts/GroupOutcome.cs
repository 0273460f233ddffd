using Conformance.Checks;
using Harness.Wire.Faults;

namespace Conformance.Contracts;

/// <summary>How one group fared in one call of an operation, as <see cref="OperationAnswer.Of"/> classifies it.</summary>
/// <param name="Kind">Succeeded, refused, wrong or unsettled.</param>
/// <param name="Detail">In words: for <see cref="GroupOutcomeKind.Wrong"/> the failure's text (with its category), for <see cref="GroupOutcomeKind.Unsettled"/> the reason.</param>
internal sealed record GroupOutcome(GroupOutcomeKind Kind, string Detail)
{
    /// <summary>For a wrong outcome, the failure: what the contract requires, what the provider did, and the exchange that shows it.</summary>
    public Failure? Failure { get; init; }

    /// <summary>For a refusal, the reading of the operation's U-GROUP-ERROR it took.</summary>
    public string? Reading { get; init; }

    /// <summary>For a refusal, the faults given (the GroupErrorResult's errors, the task error, or the whole-call fault).</summary>
    public IReadOnlyList<MethodFault> Faults { get; init; } = [];

    /// <summary>For a success of an operation whose successes name a new group (Reverse: newGroupId), that id (null when the result names none).</summary>
    public string? NewGroupId { get; init; }

    /// <summary>For a success, whether it carries an AlreadyDone warning (the operation had succeeded on the group before).</summary>
    public bool AlreadyDone { get; init; }

    /// <summary>A wrong outcome: the group fared as <paramref name="failure"/> says.</summary>
    public static GroupOutcome Wrong(Failure failure) => new(GroupOutcomeKind.Wrong, failure.ToString()) { Failure = failure };

    /// <summary>Stops the check as the outcome demands (failed when wrong, inconclusive when unsettled) and returns the outcome otherwise.</summary>
    public GroupOutcome Judged(CheckScope s)
    {
        s.Require(this.Kind != GroupOutcomeKind.Unsettled, this.Detail);
        if (this.Kind == GroupOutcomeKind.Wrong)
        {
            s.Fail(this.Failure ?? throw new InvalidOperationException("a wrong outcome is made by GroupOutcome.Wrong, with its failure"));
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => this.Detail;
}
