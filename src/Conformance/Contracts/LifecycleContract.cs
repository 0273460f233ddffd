using Conformance.Checks;
using Conformance.Operations;
using Conformance.Targets;
using Harness.Wire;
using Harness.Wire.Faults;

namespace Conformance.Contracts;

/// <summary>
/// The lifecycle contract of a state-changing operation, generic over its <see cref="LifecycleTransition"/>: the wrong
/// end and the wrong state are refused with the right fault and change nothing on either site; a success leaves the
/// group and its twin in the states the transition allows (every unconfirmed reading accepted and noted); a repeat is
/// AlreadyDone or a refusal; two concurrent calls move a group once.
/// </summary>
internal sealed class LifecycleContract
{
    private readonly OperationUnderTest op;
    private readonly LifecycleClauses clauses;
    private readonly Func<ConformanceTarget, Task<SuccessScenario>> success;

    /// <summary>Builds the contract's checks for <paramref name="op"/>, whose success scenario is a <see cref="LifecycleHappyPath{TCatalogue}"/>.</summary>
    public LifecycleContract(OperationUnderTest op, LifecycleClauses clauses)
    {
        this.op = op;
        this.clauses = clauses;
        this.success = op.Scenarios.Success;
        var t = this.Transition;
        var name = op.Name;
        this.WrongSite = new($"A_{t.WrongSite}_group_at_the_wrong_end_is_refused_with_InvalidFunctionTarget_and_nothing_changes", clauses.WrongSite, name, this.WrongSiteAsync) { Needs = GroupNeeds.Refused([t.WrongSite]) };
        this.WrongState = new($"A_group_not_{op.Operation.Precondition}_is_refused_with_InvalidReplicationState_and_nothing_changes", clauses.WrongState, name, this.WrongStateAsync) { Also = [op.Clauses.InvalidChangesNothing], Needs = GroupNeeds.Refused(t.WrongStates) };
        this.After = clauses.After is { } after ? new($"Afterwards_each_group_reads_{string.Join("_or_", t.After)}", after, name, this.AfterAsync) { Needs = GroupNeeds.Success(op) } : null;
        this.PeerAfter = new($"Afterwards_each_group's_twin_at_the_other_site_reads_{string.Join("_or_", t.PeerAfter)}", clauses.PeerAfter, name, this.PeerAfterAsync) { TwoSites = true, Needs = GroupNeeds.Success(op) };
        this.Repeat = clauses.Repeat is { } repeat ? new("Asking_again_gives_AlreadyDone_or_a_refusal_and_no_second_transition", repeat, name, this.RepeatAsync) { Also = [op.Clauses.AlreadyDoneIsWarning], Needs = GroupNeeds.Pick(op) } : null;
        // Two task slots at once: alone, it cannot wait on slots that other checks hold while holding one of its own.
        this.Concurrent = new("Two_concurrent_calls_on_one_group_move_it_once", clauses.Concurrent, name, this.ConcurrentAsync) { Exclusive = true, Needs = GroupNeeds.Pick(op) };
    }

    /// <summary>SITE-1.</summary>
    public Check WrongSite { get; }

    /// <summary>STATE-1.</summary>
    public Check WrongState { get; }

    /// <summary>POST-1, when the state afterwards is not left open.</summary>
    public Check? After { get; }

    /// <summary>PEER-1 (two sites).</summary>
    public Check PeerAfter { get; }

    /// <summary>IDEM-1, when a repeat is refused or AlreadyDone.</summary>
    public Check? Repeat { get; }

    /// <summary>CONC-1.</summary>
    public Check Concurrent { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => new[] { this.WrongSite, this.WrongState, this.After, this.PeerAfter, this.Repeat, this.Concurrent }.OfType<Check>().ToList();

    private LifecycleTransition Transition => this.op.Operation.Transition!;

    private Task WrongSiteAsync(CheckScope s) => this.RefusedAsync(s, [this.Transition.WrongSite], "InvalidFunctionTarget", ["InvalidReplicationState"]);

    private Task WrongStateAsync(CheckScope s) => this.RefusedAsync(s, this.Transition.WrongStates, "InvalidReplicationState", []);

    /// <summary>Calls the operation on a group in one of <paramref name="states"/> (at the site holding one); expects a refusal with <paramref name="fault"/> (or an accepted reading), then no change at either site.</summary>
    private async Task RefusedAsync(CheckScope s, IReadOnlyList<string> states, string fault, IReadOnlyList<string> alsoAccepted)
    {
        OperationSteps.RequireTasksFinish(s);
        CheckScope? site = null;
        ReplicationGroupId? group = null;
        string? state = null;
        foreach (var candidate in states)
        {
            var (at, groups, _) = await OperationSteps.SiteHoldingAsync(s, candidate, $"find a {candidate} group").ConfigureAwait(false);
            if (groups.Count > 0)
            {
                (site, group, state) = (at, groups[0], candidate);
                break;
            }
        }

        s.Require(group is not null, $"no allowlisted group is {string.Join(" or ", states)} at either site; allowlist one to exercise the clause");
        var before = new Dictionary<string, string?> { [group!.Key] = state };
        var twin = await LifecycleSteps.TwinBeforeAsync(site!, group).ConfigureAwait(false);
        var call = await site!.StepAsync($"Call {this.op.Name} with {group} ({state})", () => OperationSteps.CallAsync(site!, this.op, [group])).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site!, this.op, [group], before, call).ConfigureAwait(false);
        s.Step($"Expect {group} ({state}) to be refused with {fault}", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Refused, Defect.Result, $"{group}, {state}, to be refused with {fault}", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
            answer.NoteReading(s, $"a {state} group");
            var found = LifecycleSteps.FaultOfType(outcome.Faults, fault);
            var accepted = found is null ? alsoAccepted.Select(a => LifecycleSteps.FaultOfType(outcome.Faults, a)).FirstOrDefault(f => f is not null) : null;
            s.Expect(found is not null || accepted is not null, Defect.WrongFault, fault + (alsoAccepted.Count > 0 ? $" (or {string.Join(", ", alsoAccepted)})" : string.Empty), string.Join(", ", outcome.Faults.Select(f => f.TypeName ?? "a fault without _typeName")), answer.FinalPoll ?? answer.Call.Call);
            if (accepted is not null)
            {
                s.Note($"reading seen: a {state} group was refused with {accepted.TypeName}, not {fault}");
            }

            if ((found ?? accepted) is InvalidReplicationState irs)
            {
                s.Expect(irs.CurrentState is null || irs.CurrentState == state, Defect.WrongFault, $"InvalidReplicationState.currentState to be the group's state {state}", $"'{irs.CurrentState}'", answer.FinalPoll ?? answer.Call.Call);
                var desired = this.op.Operation.Precondition;
                s.Expect(irs.DesiredState is null || irs.DesiredState.Count == 0 || desired is null || irs.DesiredState.Contains(desired, StringComparer.Ordinal), Defect.WrongFault, $"InvalidReplicationState.desiredState to name {desired}", $"[{string.Join(", ", irs.DesiredState ?? [])}]", answer.FinalPoll ?? answer.Call.Call);
                s.Note($"InvalidReplicationState currentState {irs.CurrentState ?? "(unset)"}, desiredState [{string.Join(", ", irs.DesiredState ?? [])}]");
            }
        });
        await OperationSteps.ExpectUnchangedAsync(site, before, "after the refused call").ConfigureAwait(false);
        await LifecycleSteps.ExpectTwinUnchangedAsync(site, twin, "after the refused call").ConfigureAwait(false);
    }

    private async Task AfterAsync(CheckScope s)
    {
        var scenario = await this.RequireHappyPathAsync(s).ConfigureAwait(false);
        s.Step($"Expect each group to read {string.Join(" or ", this.Transition.After)} afterwards", () =>
        {
            foreach (var group in scenario.Requested)
            {
                var (state, _, query) = scenario.After.GetValueOrDefault(group.Key);
                s.Expect(this.Transition.Allows(state), Defect.Result, $"{this.op.Operation.Done} group {group} to read {string.Join(" or ", this.Transition.After)}", $"'{state ?? "(absent)"}'", query);
                if (this.Transition.After.Count > 1)
                {
                    s.Note($"reading seen: {group} reads {state} after {this.op.Name} (accepted: {string.Join(", ", this.Transition.After)})");
                }
            }
        });
    }

    private async Task PeerAfterAsync(CheckScope s)
    {
        if (s.Target.Peer is null)
        {
            s.NotApplicable(PeerSite.Missing);
        }

        var scenario = await this.RequireHappyPathAsync(s).ConfigureAwait(false);
        s.Require(scenario.PeerRead, "the success scenario could not read the other site");
        s.Step($"Expect each group's twin to read {string.Join(" or ", this.Transition.PeerAfter)} afterwards", () =>
        {
            foreach (var group in scenario.Requested)
            {
                s.Expect(scenario.Twins.TryGetValue(group.Key, out var twin), Defect.Result, $"{group} to name its twin at the other site (replica or sourceInfo)", "no twin named", scenario.After.GetValueOrDefault(group.Key).Query);
                s.Expect(this.Transition.AllowsPeer(twin.State), Defect.Result, $"{group}'s twin {twin.Twin} to read {string.Join(" or ", this.Transition.PeerAfter)} after {this.op.Name}", $"'{twin.State ?? "(absent)"}'", twin.Query);
                s.Note($"reading seen: {group}'s twin {twin.Twin} reads {twin.State} after {this.op.Name}{(this.Transition.Unconfirmed is { } u ? $" ({u})" : string.Empty)}");
            }
        });
    }

    private async Task RepeatAsync(CheckScope s)
    {
        // Its own first call (the embedded simulator is reset between checks, so the success scenario's group is not moved here).
        OperationSteps.RequireTasksFinish(s);
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, this.op).ConfigureAwait(false);
        var first = await site.StepAsync($"Call {this.op.Name} with {group}", () => OperationSteps.CallAsync(site, this.op, [group])).ConfigureAwait(false);
        var firstAnswer = await OperationAnswer.ReadAsync(site, this.op, [group], new Dictionary<string, string?> { [group.Key] = this.op.Operation.Precondition }, first).ConfigureAwait(false);
        var firstOutcome = firstAnswer.Of(group);
        s.Require(firstOutcome.Kind == GroupOutcomeKind.Succeeded, $"the first call did not succeed for {group} ({firstOutcome.Detail}); see The_task_reaches_success");
        var state = (await OperationSteps.ReadStatesAsync(site, [group], "Read the group after the first call").ConfigureAwait(false))[group.Key];
        var before = new Dictionary<string, string?> { [group.Key] = state };
        var call = await site.StepAsync($"Call {this.op.Name} again with {group} (now {state})", () => OperationSteps.CallAsync(site, this.op, [group])).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(site, this.op, [group], before, call).ConfigureAwait(false);
        s.Step($"Expect AlreadyDone or a refusal for {group}, and no second transition", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            if (outcome.Kind == GroupOutcomeKind.Refused)
            {
                s.Expect(outcome.Faults.All(f => f is not AlreadyDone), Defect.Result, "AlreadyDone only as a warning", "AlreadyDone as an error", answer.FinalPoll ?? answer.Call.Call);
                answer.NoteReading(s, "asking again");
                s.Note($"reading seen: asking again was refused ({outcome.Detail})");
                return;
            }

            s.Note($"reading seen: asking again {(outcome.AlreadyDone ? "succeeded with AlreadyDone" : "succeeded without a warning")}");
        });
        await OperationSteps.ExpectUnchangedAsync(site, before, "after asking again").ConfigureAwait(false);
    }

    private async Task ConcurrentAsync(CheckScope s)
    {
        s.Require(s.Target.MaxConcurrentTasks >= 2, $"the profile allows {s.Target.MaxConcurrentTasks} task in flight (maxConcurrentTasks); two concurrent calls need 2");
        var (site, group) = await OperationSteps.PickAtSiteAsync(s, this.op).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = this.op.Operation.Precondition };
        var contested = new HashSet<string>(StringComparer.Ordinal) { group.Key };
        var calls = await site.StepAsync($"Call {this.op.Name} twice at once for {group}", () =>
            Task.WhenAll(OperationSteps.CallAsync(site, this.op, [group]), OperationSteps.CallAsync(site, this.op, [group]))).ConfigureAwait(false);
        var answers = new List<OperationAnswer>();
        foreach (var call in calls)
        {
            answers.Add(await OperationAnswer.ReadAsync(site, this.op, [group], before, call, contested: contested).ConfigureAwait(false));
        }

        s.Step($"Expect {group} to be {this.op.Operation.Done} once", () =>
        {
            var outcomes = answers.Select(a => a.Of(group).Judged(s)).ToList();
            s.Expect(outcomes.Any(o => o.Kind == GroupOutcomeKind.Succeeded), Defect.Result, $"one of two concurrent calls to {this.op.Operation.Verb} {group}", $"neither did ({string.Join("; ", outcomes.Select(o => o.Detail))})", answers[^1].FinalPoll ?? answers[^1].Call.Call);
            if (this.Transition.ConcurrentRefusals is { } allowed)
            {
                foreach (var refused in outcomes.Where(o => o.Kind == GroupOutcomeKind.Refused))
                {
                    s.Expect(refused.Faults.Any(f => allowed.Any(f.IsA)), Defect.WrongFault, $"the other of two concurrent calls to succeed or be refused with {string.Join(" or ", allowed)}", string.Join(", ", refused.Faults.Select(f => f.TypeName)), answers[^1].FinalPoll ?? answers[^1].Call.Call);
                }
            }

            s.Note($"concurrent calls: {string.Join("; ", outcomes.Select(o => o.Detail))}");
        });
        var after = await OperationSteps.ReadStatesAsync(site, [group], "Read the group afterwards").ConfigureAwait(false);
        s.Expect(this.Transition.Allows(after[group.Key]), Defect.Result, $"{group} to read {string.Join(" or ", this.Transition.After)} after two concurrent calls", $"'{after[group.Key] ?? "(absent)"}'", s.LastCall);
    }

    private async Task<LifecycleSuccessScenario> RequireHappyPathAsync(CheckScope s)
    {
        var scenario = (LifecycleSuccessScenario)await this.success(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        scenario.RequireSuccess(s);
        var view = scenario;
        s.Step("Expect the task to have succeeded for every group", () =>
        {
            foreach (var group in scenario.Requested)
            {
                s.Expect(view.After.ContainsKey(group.Key), Defect.Result, $"{group} to be read after the call", "it was not", scenario.Wait?.LastPoll);
            }
        });
        return view;
    }
}
