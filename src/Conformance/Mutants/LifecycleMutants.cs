using Conformance.Checks;
using Conformance.Contracts;
using Harness.Simulator;

namespace Conformance.Mutants;

/// <summary>
/// The lifecycle's mutants: each deviation of a state-changing operation (named <c>{Operation}{Kind}</c>), with the
/// checks meant to catch it found by clause id in that operation's catalogue, so a renamed check cannot silently drop
/// out. A lifecycle mutant is run against its own operation's checks only (the rest of the suite does not call it).
/// </summary>
internal static class LifecycleMutants
{
    /// <summary>Deviations that break no clause the sources confirm, each with why: they stay out of the matrix.</summary>
    public static IReadOnlyDictionary<Deviation, string> NotDefects { get; } = new Dictionary<Deviation, string>
    {
        [Deviation.PrepareFailoverWrongPostState] = "the state a prepared source reads as is unconfirmed (T6, PFO-OBS-1: recorded, not asserted)",
        [Deviation.TestFailoverStartReturnsResult] = "an array result is a reading of TFS-RES-1 ([G]'s checkOnly text), accepted and noted",
    };

    /// <summary>The operations, each with its deviation name prefix and its clause prefix.</summary>
    private static IEnumerable<(string Deviation, string Clause, Contracts.LifecycleOperation Operation)> Operations =>
    [
        ("Sync", "SYNC", Conformance.Operations.SyncReplicationGroup.SyncCatalogue.Operation),
        ("PrepareFailover", "PFO", Conformance.Operations.PrepareFailoverReplicationGroup.PrepareFailoverCatalogue.Operation),
        ("Failover", "FO", Conformance.Operations.FailoverReplicationGroup.FailoverCatalogue.Operation),
        ("TestFailoverStart", "TFS", Conformance.Operations.TestFailoverReplicationGroupStart.TestFailoverStartCatalogue.Operation),
        ("TestFailoverStop", "TFX", Conformance.Operations.TestFailoverReplicationGroupStop.TestFailoverStopCatalogue.Operation),
        ("Promote", "PRO", Conformance.Operations.PromoteReplicationGroup.PromoteCatalogue.Operation),
    ];

    /// <summary>
    /// The fault contract's checks, per operation: NotImplemented where the profile declares it implemented, and each
    /// transient fault raised once malformed (faultMessage without key; InactiveProvider with a bad mapping).
    /// </summary>
    private static IEnumerable<Mutant> FaultMutants(Contracts.LifecycleOperation operation)
    {
        var name = operation.Operation.Name;
        var scope = new HashSet<string>(StringComparer.Ordinal) { name };
        string Key(string clause, string? startsWith = null) => operation.Checks.Single(c => c.Clause.Id == clause && (startsWith is null || c.Name.StartsWith(startsWith, StringComparison.Ordinal))).Key;
        var prefix = operation.Contract.TaskMoRef.Id[..operation.Contract.TaskMoRef.Id.IndexOf('-', StringComparison.Ordinal)];
        var wellFormed = Key($"{prefix}-FAULT-3");
        var short_ = name.Replace("ReplicationGroup_Task", string.Empty, StringComparison.Ordinal);
        yield return new Mutant($"{short_}NotImplementedAlthoughDeclaredImplemented", MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Operation = name, Fault = "NotImplemented" }] }, null, [Key($"{prefix}-F-NOTIMPL")]) { Features = scope };
        foreach (var (fault, clause) in new[] { ("ProviderBusy", "F-BUSY"), ("ProviderUnavailable", "F-UNAVAIL"), ("ProviderOutOfResource", "F-OOR") })
        {
            yield return new Mutant($"{short_}{fault}RaisedMalformed", MutantCatalogue.Faithful(Deviation.MalformedFaultMessage) with { Faults = [new SimulatedFault { Operation = name, Fault = fault, Times = 1 }] }, null, [Key($"{prefix}-{clause}"), wellFormed]) { Features = scope };
        }

        if (operation.Checks.FirstOrDefault(c => c.Clause.Id == $"{prefix}-RES-3") is { } alreadyDone)
        {
            // AlreadyDone raised as the call's fault, where it is only ever a warning.
            yield return new Mutant($"{short_}AlreadyDoneRaisedAsFault", MutantCatalogue.Faithful() with { Faults = [new SimulatedFault { Operation = name, Fault = "AlreadyDone", Times = 1 }] }, null, [alreadyDone.Key]) { Features = scope };
        }

        yield return new Mutant($"{short_}InactiveProviderBadMapping", MutantCatalogue.Faithful(Deviation.InactiveProviderBadMapping) with { Faults = [new SimulatedFault { Operation = name, Fault = "InactiveProvider", Times = 1 }] }, null, [Key($"{prefix}-F-INACTIVE"), wellFormed]) { Features = scope };
    }

    /// <summary>What each kind of deviation breaks: the clause id suffix of the check meant to catch it.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["AcceptsEmpty"] = "ARG-1",
        ["AcceptsWrongSite"] = "SITE-1",
        ["AcceptsWrongState"] = "STATE-1",
        ["WrongStateFault"] = "STATE-1",
        ["WrongPostState"] = "POST-1",
        ["WrongPeerState"] = "PEER-1",
        ["TaskNeverEnds"] = "TASK-2",
        ["ResultForWrongGroup"] = "RES-1",
        ["ReturnsResult"] = "TASK-7",
        ["CheckOnlyChanges"] = "CHK-1",
        ["UnplannedTouchesPeer"] = "UNPL-1",
        ["IgnoresCapability"] = "CAP-1",
        ["PitNotListed"] = "PIT-1",
        ["ConcurrentSecondFails"] = "CONC-1",
        ["WithoutForceFailsOver"] = "NOFORCE-1",
    };

    /// <summary>Every lifecycle mutant (the deviations of <see cref="Operations"/>, less <see cref="NotDefects"/>), then Reverse's peer.</summary>
    public static IEnumerable<Mutant> All()
    {
        foreach (var (prefix, clause, operation) in Operations)
        {
            foreach (var deviation in Enum.GetValues<Deviation>().Where(d => d.ToString().StartsWith(prefix, StringComparison.Ordinal) && !NotDefects.ContainsKey(d)))
            {
                var kind = deviation.ToString()[prefix.Length..];
                if (kind.StartsWith("Start", StringComparison.Ordinal) || kind.StartsWith("Stop", StringComparison.Ordinal))
                {
                    continue; // TestFailoverStart/Stop deviations are not Failover's.
                }

                var id = $"{clause}-{Kinds.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"no clause is meant to catch {deviation}")}";
                var checks = operation.Checks.Where(c => c.Clause.Id == id).ToList();
                // An empty list always reaches the provider; an absent or null one only where the parameter is optional (else vCenter may refuse the body first).
                var optional = operation.Operation.Declaration?.Parameters.FirstOrDefault(p => p.Name == operation.Operation.Argument.GroupsField) is { Optional: true };
                var intended = kind == "AcceptsEmpty" ? checks.Where(c => c.Name.StartsWith("Empty_", StringComparison.Ordinal) || optional).ToList() : checks;
                if (intended.Count == 0)
                {
                    throw new InvalidOperationException($"{deviation}: {operation.Operation.Name} has no check of {id}");
                }

                var options = MutantCatalogue.Faithful(deviation);
                if (deviation == Deviation.PromoteIgnoresCapability)
                {
                    options = options with { Lifecycle = options.Lifecycle with { PromoteCapable = false } };
                }

                if (deviation == Deviation.FailoverWrongPeerState)
                {
                    // The twin also moves after an unplanned failover, which must not touch it.
                    intended = [.. intended, .. operation.Checks.Where(c => c.Clause.Id == "FO-UNPL-1")];
                }

                yield return new Mutant(deviation.ToString(), options, null, intended.Select(c => c.Key).ToList()) { Features = new HashSet<string>(StringComparer.Ordinal) { operation.Operation.Name } };
            }

            foreach (var mutant in FaultMutants(operation))
            {
                yield return mutant;
            }
        }

        yield return new Mutant(nameof(Deviation.ReversePeerNotUpdated), MutantCatalogue.Faithful(Deviation.ReversePeerNotUpdated), null, [$"{Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature}.The_old_source_at_the_other_site_becomes_TARGET_of_the_new_source"])
        {
            Features = new HashSet<string>(StringComparer.Ordinal) { Conformance.Operations.ReverseReplicateGroup.ReverseCatalogue.Feature },
        };
    }
}
