using Conformance.Checks;
using FsCheck.Fluent;
using Harness.Client;

namespace Conformance.Contracts;

/// <summary>
/// The FsCheck properties every operation keeps, whatever it does to a group: every answer is a task MoRef or a
/// documented fault, and invalid input never changes any group. An operation's own state model is its own property.
/// </summary>
internal sealed class PropertyContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public PropertyContract(OperationUnderTest op)
    {
        this.op = op;
        this.AnswersDocumented = new("Every_answer_is_a_task_MoRef_or_a_documented_fault", op.Clauses.AnswersDocumented, op.Name, this.EveryAnswerIsATaskOrADocumentedFaultAsync) { Exclusive = true, Needs = GroupNeeds.Generated(op) };
        this.InvalidChangesNothing = new("Invalid_input_never_changes_any_group_state", op.Clauses.InvalidChangesNothing, op.Name, this.InvalidInputChangesNothingAsync) { Exclusive = true };
    }

    /// <summary>Every answer is HTTP 200 with a task MoRef, or HTTP 500 with a documented fault.</summary>
    public Check AnswersDocumented { get; }

    /// <summary>Invalid input (a null, empty or malformed group list, an oversized batch) never changes any group's state.</summary>
    public Check InvalidChangesNothing { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [this.AnswersDocumented, this.InvalidChangesNothing];

    /// <summary>The batch size the generators work around: the provider's or declared limit, else 8.</summary>
    public static int Limit(Targets.ConformanceTarget t, string operation) => (int)Math.Clamp(t.BatchLimit(operation) ?? 8, 1, 64);

    private Task EveryAnswerIsATaskOrADocumentedFaultAsync(CheckScope s)
    {
        var operation = this.op.Operation;
        var limit = Limit(s.Target, this.op.Name);
        var arb = Arb.From(OperationArbitraries.Inputs(operation, s.Target, limit), i => OperationArbitraries.ShrinkInput(operation, i, limit));
        return PropertyRunner.RunAsync(s, "Send generated requests", arb, async (c, input) =>
        {
            var call = await c.StepAsync($"Call {this.op.Name} with {input.What}", () => OperationSteps.CallAsync(c, this.op, input.Groups, input.Body)).ConfigureAwait(false);
            if (call.IsValue && OperationSteps.IsTaskMoRef(call.Value))
            {
                await OperationSteps.WaitIfTasksFinishAsync(c, this.op, call.Value!).ConfigureAwait(false);
                return;
            }

            c.Expect(call.Kind == OutcomeKind.Fault, Defect.WrongFault, $"HTTP 200 with a task MoRef or HTTP 500 with a MethodFault for {input.What} (as for every answer)", call.Describe(), call.Call);
            c.Expect(operation.MayRaise(call.Fault!), Defect.WrongFault, $"a fault {this.op.Name} declares for {input.What}", $"{call.FaultName ?? "a fault without _typeName"}, which it does not declare", call.Call);
        }, i => i.ToString());
    }

    private Task InvalidInputChangesNothingAsync(CheckScope s)
    {
        var operation = this.op.Operation;
        var limit = s.Target.BatchLimit(this.op.Name) is { } l and < 64 ? (int)l : 64;
        var arb = Arb.From(OperationArbitraries.InvalidInputs(operation, s.Target, limit), i => OperationArbitraries.ShrinkInput(operation, i, limit).Where(x => x.Invalid));

        // Invalid input changes nothing, so the states read before one case are the states before the next: read them
        // once, and again only after a case that failed (which may have changed them).
        IReadOnlyDictionary<string, string?>? known = null;
        return PropertyRunner.RunAsync(s, "Send generated invalid requests", arb, async (c, input) =>
        {
            var before = known ?? await OperationSteps.ReadStatesAsync(c, c.Target.Allowlist, "Read the allowlisted groups' states").ConfigureAwait(false);
            known = null;
            var call = await c.StepAsync($"Call {this.op.Name} with {input.What}", () => OperationSteps.CallAsync(c, this.op, input.Groups, input.Body)).ConfigureAwait(false);
            if (call.IsValue && OperationSteps.IsTaskMoRef(call.Value))
            {
                await OperationSteps.WaitAsync(c, this.op, call.Value!).ConfigureAwait(false);
            }

            await OperationSteps.ExpectUnchangedAsync(c, before, $"after invalid input ({input.What})").ConfigureAwait(false);
            known = before;
        }, i => i.ToString());
    }
}
