using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Faults;

namespace Conformance.Reverse;

/// <summary>
/// The fault contract of ReverseReplicateGroup_Task: how every fault is sent, which faults may be raised, and
/// what a well-formed fault holds. Each check provokes the faults it can safely provoke (made-up ids only) and
/// also judges every fault the operation raised earlier in the run (the fault ledger).
/// </summary>
internal static class ReverseFaultChecks
{
    /// <summary>Malformed bodies, each naming only made-up groups.</summary>
    public static IReadOnlyList<(string What, string Body)> MalformedBodies(Targets.ConformanceTarget t)
    {
        var id = t.NonexistentGroup("malformed");
        var fd = id.FaultDomainId!.Id;
        var dg = id.DeviceGroupId!.Id;
        return
        [
            ("groupId is a string", $"{{\"groupId\":\"{fd}/{dg}\"}}"),
            ("groupId is a number", "{\"groupId\":42}"),
            ("groupId is an object", $"{{\"groupId\":{{\"faultDomainId\":{{\"id\":\"{fd}\"}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}}}"),
            ("an entry has no faultDomainId", $"{{\"groupId\":[{{\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]}}"),
            ("an entry's id is a number", $"{{\"groupId\":[{{\"faultDomainId\":{{\"id\":1}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]}}"),
            ("an entry has the wrong _typeName", $"{{\"groupId\":[{{\"_typeName\":\"FaultDomainId\",\"faultDomainId\":{{\"id\":\"{fd}\"}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]}}"),
        ];
    }

    /// <summary>A malformed groupId is refused (InvalidArgument, or InvalidRequest as the vim layer may answer; unconfirmed which) and starts no task.</summary>
    public static async Task MalformedGroupIdIsRejected(CheckScope s)
    {
        var before = await ReverseSteps.ReadStatesAsync(s, s.Target.Allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
        foreach (var (what, body) in MalformedBodies(s.Target))
        {
            var result = await s.StepAsync($"Call ReverseReplicateGroup_Task where {what}: {body}", () => ReverseSteps.ReverseAsync(s, null, body)).ConfigureAwait(false);
            s.Step($"Expect a refusal where {what}", () =>
            {
                s.Expect(!result.IsValue, Defect.WrongFault, $"InvalidArgument for a body where {what}", $"the body accepted ({result.Describe()})", result.Call);
                s.Expect(result.Kind == OutcomeKind.Fault, Defect.WrongFault, $"InvalidArgument as HTTP 500 with a MethodFault body for a body where {what}", result.Describe(), result.Call);
                s.Expect(result.Fault!.IsA("InvalidArgument") || result.Fault.IsA("InvalidRequest"), Defect.WrongFault, $"InvalidArgument (or InvalidRequest) for a body where {what}", result.FaultName ?? "a fault without _typeName", result.Call);
                ReverseReadings.MalformedFault.Note(s, result.Fault.IsA("InvalidArgument") ? "InvalidArgument" : "InvalidRequest", $"{what}: {result.FaultName}");
            });
        }

        await ReverseSteps.ExpectUnchangedAsync(s, before, "after the malformed calls").ConfigureAwait(false);
    }

    /// <summary>RRG-FAULT-1: every fault is HTTP 500 with a JSON body whose _typeName names the fault.</summary>
    public static async Task FaultsAreHttp500WithMethodFaultBody(CheckScope s)
    {
        foreach (var (what, result) in await ProvokeAsync(s).ConfigureAwait(false))
        {
            s.Step($"Expect {what} to be answered with HTTP 500 and a MethodFault body", () =>
            {
                if (result.Kind is not (OutcomeKind.Value or OutcomeKind.Fault))
                {
                    // A dropped connection, a timeout, a non-JSON body or a status other than 200 and 500 is no fault at all.
                    s.Attach("offending exchange", "application/json", result.Call.ToJson());
                    s.Fail(Defect.WrongFault, $"HTTP 500 with a JSON MethodFault body (or 200 with a task MoRef) for {what}", result.Describe(), result.Call);
                }

                s.Expect(!result.IsValue || ReverseSteps.IsTaskMoRef(result.Value), Defect.WrongFault, $"HTTP 500 with a MethodFault body (or 200 with a task MoRef) for {what}", $"HTTP {result.Call.Status} with a body that is not a task MoRef (a fault sent with 200?)", result.Call);
                s.Expect(result.Kind != OutcomeKind.Fault || result.Fault!.TypeName is not null, Defect.WrongFault, $"the HTTP 500 answer to {what} to carry a _typeName", "HTTP 500 with a body without _typeName", result.Call);
            });
        }

        JudgeLedger(s, Defect.WrongFault, "every fault ReverseReplicateGroup_Task raised in this run to carry a _typeName", f => f.Fault.TypeName is null ? $"a {f.Operation} fault without _typeName (HTTP {f.Call.Status})" : null);
    }

    /// <summary>RRG-FAULT-2: no fault outside the operation's declared list and the generic runtime faults.</summary>
    public static async Task OnlyDeclaredFaultsAreRaised(CheckScope s)
    {
        foreach (var (what, result) in await ProvokeAsync(s).ConfigureAwait(false))
        {
            if (result.Kind == OutcomeKind.Fault)
            {
                s.Step($"Expect the fault for {what} ({result.FaultName}) to be declared", () =>
                    s.Expect(FaultShape.IsDeclared(ReverseCatalogue.Feature, result.Fault!), Defect.WrongFault, $"a fault ReverseReplicateGroup_Task declares for {what} ({DeclaredFaults})", $"{result.FaultName ?? "a fault without _typeName"}, which it does not declare", result.Call));
            }
        }

        JudgeLedger(s, Defect.WrongFault, $"every fault ReverseReplicateGroup_Task raised in this run to be one it declares ({DeclaredFaults})", f => FaultShape.IsDeclared(f.Operation, f.Fault) ? null : $"{f.Operation} raised {f.Fault.TypeName ?? "a fault without _typeName"}, which it does not declare");
    }

    /// <summary>RRG-FAULT-3: fault fields are well-formed (maxBatchSize, invalidProperty, mapping, faultMessage, faultCause).</summary>
    public static async Task FaultFieldsAreWellFormed(CheckScope s)
    {
        foreach (var (what, result) in await ProvokeAsync(s).ConfigureAwait(false))
        {
            if (result.Kind == OutcomeKind.Fault)
            {
                s.Step($"Expect the {result.FaultName} for {what} to be well-formed", () =>
                {
                    var problems = FaultShape.Problems(result.Fault!, requestBody: result.Call.RequestBody);
                    s.Expect(problems.Count == 0, Defect.MalformedFault, $"the {result.FaultName ?? "fault"} for {what} to be well-formed", string.Join("; ", problems), result.Call);
                });
            }
        }

        JudgeLedger(s, Defect.MalformedFault, "every fault ReverseReplicateGroup_Task raised in this run to be well-formed", f => FaultShape.Problems(f.Fault, requestBody: f.Call.RequestBody) is { Count: > 0 } p ? $"{f.Fault.TypeName}: {string.Join("; ", p)}" : null);
    }

    /// <summary>
    /// RRG-F-BUSY, -UNAVAIL, -OOR, -INACTIVE: every <paramref name="fault"/> the operation raised anywhere in the run was
    /// HTTP 500 with a well-formed fault. The provider decides when it is busy, unavailable, short of resources or
    /// inactive, so the suite cannot provoke these: a run in which the fault never came leaves the clause not exercised.
    /// </summary>
    public static Task RaisedFaultIsWellFormed(CheckScope s, string fault)
    {
        var sightings = s.Target.Faults.Where(f => f.Operation == ReverseCatalogue.Feature && f.Fault.IsA(fault)).ToList();
        if (sightings.Count == 0)
        {
            s.NotExercised($"ReverseReplicateGroup_Task never raised {fault} in this run; the provider decides when to raise it, so the suite cannot provoke it");
        }

        s.Step($"Judge every {fault} ReverseReplicateGroup_Task raised in this run ({sightings.Count})", () =>
        {
            var wrong = sightings
                .Select(f => (f, problem: f.Call.Status != 500 ? $"{fault} came with HTTP {f.Call.Status}, not 500" : FaultShape.Problems(f.Fault) is { Count: > 0 } p ? $"{fault}: {string.Join("; ", p)}" : null))
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
    public static async Task NotImplementedOnlyWhereDeclared(CheckScope s)
    {
        var declared = s.Target.CapabilityOf(ReverseCatalogue.Feature);
        var result = await s.StepAsync("Probe ReverseReplicateGroup_Task with an empty groupId (changes nothing)", () => ReverseSteps.ReverseAsync(s, null, "{\"groupId\":[]}", react: false)).ConfigureAwait(false);
        var notImplemented = result.Fault is NotImplemented or NotSupportedByProvider;
        s.Step("Compare the answer with the profile's capabilities", () =>
        {
            if (notImplemented)
            {
                s.Expect(!declared.Implemented, Defect.Capability, $"ReverseReplicateGroup_Task to be implemented, as the profile {(declared.IsDeclared ? "declares it implemented" : "does not declare it unimplemented")}", $"ReverseReplicateGroup_Task answered {result.FaultName}", result.Call);
                s.NotApplicable($"the profile declares ReverseReplicateGroup_Task not implemented, and the provider answered {result.FaultName}");
            }

            if (!declared.Implemented)
            {
                s.Note($"WARNING: the profile declares ReverseReplicateGroup_Task not implemented, but the provider implements it (answered {result.Describe()}); declare it implemented to run its checks");
            }
            else
            {
                s.Note($"implemented, as declared (probe answered {result.Describe()})");
            }
        });
    }

    /// <summary>What ReverseReplicateGroup_Task may raise: its declared faults and the generic runtime faults.</summary>
    private static string DeclaredFaults => $"declared: {string.Join(", ", FaultShape.Declared[ReverseCatalogue.Feature])}, plus {string.Join(", ", FaultShape.Generic)}";

    /// <summary>Judges every fault the operation raised earlier in the run: <paramref name="problem"/> says what is wrong with one (null when nothing is), observed against <paramref name="expected"/>.</summary>
    private static void JudgeLedger(CheckScope s, Defect defect, string expected, Func<Targets.FaultSighting, string?> problem)
    {
        // The run's ledger is shared by every lane; only this operation's faults are judged under its clauses.
        var sightings = s.Target.Faults.Where(f => f.Operation == ReverseCatalogue.Feature).ToList();
        s.Step($"Judge every fault ReverseReplicateGroup_Task raised earlier in this run ({sightings.Count})", () =>
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

    /// <summary>The faults the check can provoke safely: empty and malformed groupId, a made-up group, and an oversized batch of made-up groups.</summary>
    private static async Task<List<(string What, ProviderResult<ManagedObjectReference> Result)>> ProvokeAsync(CheckScope s)
    {
        var provoked = new List<(string, ProviderResult<ManagedObjectReference>)>();
        async Task Send(string what, IReadOnlyList<ReplicationGroupId>? groups, string? body)
        {
            var result = await s.StepAsync($"Provoke: {what}", () => ReverseSteps.ReverseAsync(s, groups, body, react: false)).ConfigureAwait(false);
            if (result.IsValue && ReverseSteps.IsTaskMoRef(result.Value))
            {
                await ReverseSteps.WaitIfTasksFinishAsync(s, result.Value!).ConfigureAwait(false);
            }

            provoked.Add((what, result));
        }

        await Send("an empty groupId", null, "{\"groupId\":[]}").ConfigureAwait(false);
        await Send("an absent groupId", null, "{}").ConfigureAwait(false);
        foreach (var (what, body) in MalformedBodies(s.Target).Take(2))
        {
            await Send("a body where " + what, null, body).ConfigureAwait(false);
        }

        await Send("a made-up group", [s.Target.NonexistentGroup("unknown")], null).ConfigureAwait(false);
        if (s.Target.BatchLimit(ReverseCatalogue.Feature) is { } limit and < 10_000)
        {
            var batch = Enumerable.Range(0, (int)limit + 1).Select(i => s.Target.NonexistentGroup("provoke-toomany", i)).ToList();
            await Send($"an oversized batch of {batch.Count} made-up groups", batch, null).ConfigureAwait(false);
        }

        return provoked;
    }
}
