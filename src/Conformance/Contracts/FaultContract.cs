using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;

namespace Conformance.Contracts;

/// <summary>
/// The fault contract of an operation: how every fault is sent, which faults may be raised (those VMware declares for
/// it and the generic runtime faults), and what a well-formed fault holds. Each check provokes the faults it can safely
/// provoke (made-up ids only) and also judges every fault the operation raised earlier in the run (the fault ledger).
/// The transient faults are judged wherever raised, and are not exercised in a run that never raised them.
/// </summary>
internal sealed class FaultContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public FaultContract(OperationUnderTest op)
    {
        this.op = op;
        var clauses = op.Clauses;
        this.NotImplemented = new("NotImplemented_only_where_the_profile_declares_the_operation_unimplemented", clauses.NotImplemented, op.Name, this.NotImplementedOnlyWhereDeclaredAsync) { Ungated = true };

        // These run after every ordinary check: besides the faults they provoke, they judge every fault the operation raised in the run.
        this.Envelope = new("Every_fault_is_HTTP_500_with_a_JSON_MethodFault_body", clauses.FaultEnvelope, op.Name, this.FaultsAreHttp500WithMethodFaultBodyAsync) { Stage = RunStage.FaultLedger };
        this.Declared = new("Only_declared_faults_are_raised", clauses.DeclaredFaults, op.Name, this.OnlyDeclaredFaultsAreRaisedAsync) { Stage = RunStage.FaultLedger };
        this.WellFormed = new("Fault_fields_are_well_formed", clauses.WellFormedFaults, op.Name, this.FaultFieldsAreWellFormedAsync) { Stage = RunStage.FaultLedger };

        // The transient faults cannot be provoked: each is judged wherever it was raised in the run, and is "not exercised" when it never was.
        this.Transient =
        [
            this.WhenRaised(nameof(ProviderBusy), clauses.Busy),
            this.WhenRaised(nameof(ProviderUnavailable), clauses.Unavailable),
            this.WhenRaised(nameof(ProviderOutOfResource), clauses.OutOfResource),
            this.WhenRaised(nameof(InactiveProvider), clauses.Inactive),
        ];
    }

    /// <summary>NotImplemented only where the profile declares the operation unimplemented (runs whatever the profile declares).</summary>
    public Check NotImplemented { get; }

    /// <summary>Every fault is HTTP 500 with a JSON body whose _typeName names the fault.</summary>
    public Check Envelope { get; }

    /// <summary>No fault outside the operation's declared list and the generic runtime faults.</summary>
    public Check Declared { get; }

    /// <summary>Fault fields are well-formed (invalidProperty, mapping, faultMessage, faultCause).</summary>
    public Check WellFormed { get; }

    /// <summary>ProviderBusy, ProviderUnavailable, ProviderOutOfResource and InactiveProvider, each judged when raised.</summary>
    public IReadOnlyList<Check> Transient { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [this.NotImplemented, this.Envelope, this.Declared, this.WellFormed, .. this.Transient];

    private string Name => this.op.Name;

    private Check WhenRaised(string fault, Clause clause) =>
        new($"{fault}_when_raised_is_a_well_formed_declared_fault", clause, this.op.Name, s => this.RaisedFaultIsWellFormedAsync(s, fault)) { Stage = RunStage.FaultLedger };

    private async Task FaultsAreHttp500WithMethodFaultBodyAsync(CheckScope s)
    {
        foreach (var (what, result) in await this.ProvokeAsync(s).ConfigureAwait(false))
        {
            s.Step($"Expect {what} to be answered with HTTP 500 and a MethodFault body", () =>
            {
                if (result.Kind is not (OutcomeKind.Value or OutcomeKind.Fault))
                {
                    // A dropped connection, a timeout, a non-JSON body or a status other than 200 and 500 is no fault at all.
                    s.Attach("offending exchange", "application/json", result.Call.ToJson());
                    s.Fail(Defect.WrongFault, $"HTTP 500 with a JSON MethodFault body (or 200 with a task MoRef) for {what}", result.Describe(), result.Call);
                }

                s.Expect(!result.IsValue || OperationSteps.IsTaskMoRef(result.Value), Defect.WrongFault, $"HTTP 500 with a MethodFault body (or 200 with a task MoRef) for {what}", $"HTTP {result.Call.Status} with a body that is not a task MoRef (a fault sent with 200?)", result.Call);
                s.Expect(result.Kind != OutcomeKind.Fault || result.Fault!.TypeName is not null, Defect.WrongFault, $"the HTTP 500 answer to {what} to carry a _typeName", "HTTP 500 with a body without _typeName", result.Call);
            });
        }

        this.JudgeLedger(s, Defect.WrongFault, $"every fault {this.Name} raised in this run to carry a _typeName", f => f.Fault.TypeName is null ? $"a {f.Operation} fault without _typeName (HTTP {f.Call.Status})" : null);
    }

    private async Task OnlyDeclaredFaultsAreRaisedAsync(CheckScope s)
    {
        var operation = this.op.Operation;
        foreach (var (what, result) in await this.ProvokeAsync(s).ConfigureAwait(false))
        {
            if (result.Kind == OutcomeKind.Fault)
            {
                s.Step($"Expect the fault for {what} ({result.FaultName}) to be declared", () =>
                    s.Expect(operation.MayRaise(result.Fault!), Defect.WrongFault, $"a fault {this.Name} declares for {what} ({operation.DescribeFaults()})", $"{result.FaultName ?? "a fault without _typeName"}, which it does not declare", result.Call));
            }
        }

        this.JudgeLedger(s, Defect.WrongFault, $"every fault {this.Name} raised in this run to be one it declares ({operation.DescribeFaults()})", f => operation.MayRaise(f.Fault) ? null : $"{f.Operation} raised {f.Fault.TypeName ?? "a fault without _typeName"}, which it does not declare");
    }

    private async Task FaultFieldsAreWellFormedAsync(CheckScope s)
    {
        var arguments = this.op.Operation.Argument.Fields;
        foreach (var (what, result) in await this.ProvokeAsync(s).ConfigureAwait(false))
        {
            if (result.Kind == OutcomeKind.Fault)
            {
                s.Step($"Expect the {result.FaultName} for {what} to be well-formed", () =>
                {
                    var problems = FaultShape.Problems(result.Fault!, arguments, requestBody: result.Call.RequestBody);
                    s.Expect(problems.Count == 0, Defect.MalformedFault, $"the {result.FaultName ?? "fault"} for {what} to be well-formed", string.Join("; ", problems), result.Call);
                });
            }
        }

        this.JudgeLedger(s, Defect.MalformedFault, $"every fault {this.Name} raised in this run to be well-formed", f => FaultShape.Problems(f.Fault, arguments, requestBody: f.Call.RequestBody) is { Count: > 0 } p ? $"{f.Fault.TypeName}: {string.Join("; ", p)}" : null);
    }

    /// <summary>
    /// Every <paramref name="fault"/> the operation raised anywhere in the run was HTTP 500 with a well-formed fault. The
    /// provider decides when it is busy, unavailable, short of resources or inactive, so the suite cannot provoke these:
    /// a run in which the fault never came leaves the clause not exercised.
    /// </summary>
    private Task RaisedFaultIsWellFormedAsync(CheckScope s, string fault)
    {
        var sightings = s.Target.Faults.Where(f => f.Operation == this.Name && f.Fault.IsA(fault)).ToList();
        if (sightings.Count == 0)
        {
            s.NotExercised($"{this.Name} never raised {fault} in this run; the provider decides when to raise it, so the suite cannot provoke it");
        }

        var arguments = this.op.Operation.Argument.Fields;
        s.Step($"Judge every {fault} {this.Name} raised in this run ({sightings.Count})", () =>
        {
            var wrong = sightings
                .Select(f => (f, problem: f.Call.Status != 500 ? $"{fault} came with HTTP {f.Call.Status}, not 500" : FaultShape.Problems(f.Fault, arguments) is { Count: > 0 } p ? $"{fault}: {string.Join("; ", p)}" : null))
                .Where(x => x.problem is not null)
                .ToList();
            if (wrong.Count > 0)
            {
                s.Attach("offending exchange", "application/json", wrong[0].f.Call.ToJson());
            }

            s.Expect(wrong.Count == 0, Defect.MalformedFault, $"every {fault} raised to be HTTP 500 with a well-formed fault", string.Join("; ", wrong.Select(w => w.problem).Distinct()), wrong.FirstOrDefault().f?.Call);
            foreach (var reaction in sightings.GroupBy(f => f.Reaction, StringComparer.Ordinal))
            {
                s.Note($"{fault} raised {reaction.Count()}× ({reaction.Key})");
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>NotImplemented passes (as not applicable) only where the profile declares the operation unimplemented; an operation that works although declared unimplemented is a warning.</summary>
    private async Task NotImplementedOnlyWhereDeclaredAsync(CheckScope s)
    {
        var declared = s.Target.CapabilityOf(this.Name);
        var argument = this.op.Operation.Argument;
        var (what, body) = argument.NamesGroups ? ($"an empty {argument.GroupsField}", argument.Missing[0].Body) : ("an empty body", argument.Absent);
        var result = await s.StepAsync($"Probe {this.Name} with {what} (changes nothing)", () => OperationSteps.CallAsync(s, this.op, null, body, react: false)).ConfigureAwait(false);
        var notImplemented = result.Fault is Harness.Wire.Faults.NotImplemented or NotSupportedByProvider;
        s.Step("Compare the answer with the profile's capabilities", () =>
        {
            if (notImplemented)
            {
                s.Expect(!declared.Implemented, Defect.Capability, $"{this.Name} to be implemented, as the profile {(declared.IsDeclared ? "declares it implemented" : "does not declare it unimplemented")}", $"{this.Name} answered {result.FaultName}", result.Call);
                s.NotApplicable($"the profile declares {this.Name} not implemented, and the provider answered {result.FaultName}");
            }

            if (!declared.Implemented)
            {
                s.Note($"WARNING: the profile declares {this.Name} not implemented, but the provider implements it (answered {result.Describe()}); declare it implemented to run its checks");
            }
            else
            {
                s.Note($"implemented, as declared (probe answered {result.Describe()})");
            }
        });
    }

    /// <summary>Judges every fault the operation raised earlier in the run: <paramref name="problem"/> says what is wrong with one (null when nothing is), observed against <paramref name="expected"/>.</summary>
    private void JudgeLedger(CheckScope s, Defect defect, string expected, Func<Targets.FaultSighting, string?> problem)
    {
        // The run's ledger is shared by every lane; only this operation's faults are judged under its clauses.
        var sightings = s.Target.Faults.Where(f => f.Operation == this.Name).ToList();
        s.Step($"Judge every fault {this.Name} raised earlier in this run ({sightings.Count})", () =>
        {
            var wrong = sightings.Select(f => (f, p: problem(f))).Where(x => x.p is not null).ToList();
            if (wrong.Count > 0)
            {
                s.Attach("offending exchange", "application/json", wrong[0].f.Call.ToJson());
            }

            s.Expect(wrong.Count == 0, defect, expected, string.Join("; ", wrong.Select(w => w.p).Distinct()), wrong.FirstOrDefault().f?.Call);
            foreach (var group in sightings.GroupBy(f => f.Fault.TypeName))
            {
                s.Note($"{group.Key ?? "(no _typeName)"} raised {group.Count()}× in this run");
            }
        });
    }

    /// <summary>The faults the check can provoke safely: an empty and an absent group list, two malformed bodies, a made-up group, and an oversized batch of made-up groups.</summary>
    private async Task<List<(string What, ProviderResult<ManagedObjectReference> Result)>> ProvokeAsync(CheckScope s)
    {
        var argument = this.op.Operation.Argument;
        var provoked = new List<(string, ProviderResult<ManagedObjectReference>)>();
        async Task Send(string what, IReadOnlyList<ReplicationGroupId>? groups, string? body)
        {
            var result = await s.StepAsync($"Provoke: {what}", () => OperationSteps.CallAsync(s, this.op, groups, body, react: false)).ConfigureAwait(false);
            if (result.IsValue && OperationSteps.IsTaskMoRef(result.Value))
            {
                await OperationSteps.WaitIfTasksFinishAsync(s, this.op, result.Value!).ConfigureAwait(false);
            }

            provoked.Add((what, result));
        }

        if (!argument.NamesGroups)
        {
            return provoked;
        }

        await Send($"an empty {argument.GroupsField}", null, argument.Missing[0].Body).ConfigureAwait(false);
        await Send($"an absent {argument.GroupsField}", null, argument.Absent).ConfigureAwait(false);
        foreach (var (what, body) in argument.Malformed(s.Target.NonexistentGroup("malformed")).Take(2))
        {
            await Send("a body where " + what, null, body).ConfigureAwait(false);
        }

        await Send("a made-up group", [s.Target.NonexistentGroup("unknown")], null).ConfigureAwait(false);
        if (s.Target.BatchLimit(this.Name) is { } limit and < 10_000)
        {
            var batch = Enumerable.Range(0, (int)limit + 1).Select(i => s.Target.NonexistentGroup("provoke-toomany", i)).ToList();
            await Send($"an oversized batch of {batch.Count} made-up groups", batch, null).ConfigureAwait(false);
        }

        return provoked;
    }
}
