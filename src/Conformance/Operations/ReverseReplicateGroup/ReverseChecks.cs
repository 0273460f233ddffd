using Conformance.Checks;
using Conformance.Contracts;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// The bodies of the checks of what only ReverseReplicateGroup_Task does: a new group id in the same fault domain,
/// SOURCE afterwards, only FAILEDOVER groups reversed, and a group reversed once however often it is asked.
/// Each judges one clause; <see cref="ReverseCatalogue"/> names them.
/// </summary>
internal static class ReverseChecks
{
    private static OperationUnderTest Reverse => ReverseCatalogue.Subject;

    /// <summary>Each FAILEDOVER group gets a ReverseReplicationSuccessResult whose newGroupId names a group in the same fault domain.</summary>
    public static async Task NewGroupIdInSameFaultDomain(CheckScope s)
    {
        var (scenario, successes) = await SuccessesAsync(s).ConfigureAwait(false);
        s.Step("Expect each new source group to exist in the reversed group's fault domain", () =>
        {
            foreach (var (requested, newId) in successes)
            {
                var found = scenario.NewGroups.TryGetValue(requested.Key, out var seen) && seen.Info is not null;
                var fd = requested.FaultDomainId!.Id;
                s.Expect(found, Defect.Result, $"the new source group {fd}/{newId} of reversed group {requested} in fault domain {fd} (the fault domain must stay the same)", $"{fd}/{newId} not found in fault domain {fd}", seen.Query);
            }
        });
        s.Note($"{successes.Count} group(s) reversed; new ids: {string.Join(", ", successes.Select(x => x.NewId))}");
    }

    /// <summary>A reversed group reads as SOURCE afterwards.</summary>
    public static async Task ReversedGroupReadsAsSource(CheckScope s)
    {
        var (scenario, successes) = await SuccessesAsync(s).ConfigureAwait(false);
        s.Step("Expect each new source group to read as SOURCE", () =>
        {
            foreach (var (requested, newId) in successes)
            {
                var (_, info, query) = scenario.NewGroups.GetValueOrDefault(requested.Key);
                s.Require(info is not null, $"the new source group {requested.FaultDomainId!.Id}/{newId} could not be found; see A_reversed_group_gets_a_newGroupId_in_its_fault_domain");
                s.Expect(info!.CurrentState == ReplicationState.Source, Defect.Result, $"reversed group {requested} (now {requested.FaultDomainId!.Id}/{newId}) to read as SOURCE", $"'{info.CurrentState}'", query);
            }
        });
    }

    /// <summary>RRG-PEER-1: the old source, at the other site, becomes TARGET of the new source group (T10).</summary>
    public static async Task OldSourceBecomesTarget(CheckScope s)
    {
        if (s.Target.Peer is null)
        {
            s.NotApplicable(Targets.PeerSite.Missing);
        }

        var (scenario, successes) = await SuccessesAsync(s).ConfigureAwait(false);
        s.Require(scenario.PeerRead, "no reversed group named its replica at the other site, so the old source could not be read");
        s.Step("Expect each old source to read TARGET, with the new group as its source", () =>
        {
            foreach (var (requested, newId) in successes)
            {
                s.Require(scenario.OldSources.TryGetValue(requested.Key, out var old), $"the new source group {requested.FaultDomainId!.Id}/{newId} names no replica at the other site");
                s.Expect(old.Info is not null, Defect.Result, $"the old source {old.Twin} of reversed group {requested} to be known at the other site", "QueryReplicationGroup does not list it", old.Query);
                s.Expect(old.Info!.CurrentState == ReplicationState.Target, Defect.Result, $"the old source {old.Twin} to read TARGET after {requested} was reversed", $"'{old.Info.CurrentState}'", old.Query);
                var source = (old.Info as TargetGroupInfo)?.SourceInfo?.SourceGroupId;
                s.Expect(source?.DeviceGroupId?.Id == newId, Defect.Result, $"the old source {old.Twin}, now TARGET, to name the new source {requested.FaultDomainId!.Id}/{newId} as its sourceInfo", $"sourceInfo {source?.ToString() ?? "(none)"}", old.Query);
            }
        });
    }

    /// <summary>A group that is not FAILEDOVER is not reversed (refused by any reading of <see cref="ReverseReadings.GroupError"/>), and its state is unchanged.</summary>
    public static async Task NonFailedOverGroupIsNotReversed(CheckScope s)
    {
        var states = new Dictionary<string, string?>();
        var (_, leased) = await OperationSteps.LeaseAsync(s, "group in a state other than FAILEDOVER", async () =>
        {
            var allowlist = s.Target.Allowlist;
            var (read, twins) = await OperationSteps.ReadWithTwinsAsync(s, allowlist, "Read the replication state of every allowlisted group").ConfigureAwait(false);
            states = read;
            return (s, allowlist.Where(g => read[g.Key] is { } st && st != ReplicationState.FailedOver).OrderBy(g => read[g.Key] == ReplicationState.Source ? 0 : 1).ToList(), twins);
        }).ConfigureAwait(false);
        var group = leased.FirstOrDefault();
        s.Require(group is not null, $"no allowlisted group is in a state other than FAILEDOVER ({s.Target.Allowlist.Count} allowlisted); add a SOURCE or TARGET group to the profile's groups");
        var before = new Dictionary<string, string?> { [group!.Key] = states[group.Key] };

        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {group} ({states[group.Key]})", () => OperationSteps.CallAsync(s, Reverse, [group])).ConfigureAwait(false);
        var answer = await OperationAnswer.ReadAsync(s, Reverse, [group], before, call).ConfigureAwait(false);
        s.Step("Expect the group not to be reversed", () =>
        {
            var outcome = answer.Of(group).Judged(s);
            s.Expect(outcome.Kind == GroupOutcomeKind.Refused, Defect.Result, $"{group}, {states[group.Key]} and not FAILEDOVER, to be refused", $"it was {outcome.Detail}", answer.FinalPoll ?? answer.Call.Call);
            answer.NoteReading(s, $"a {states[group.Key]} group");
            if (outcome.Reading == ReverseReadings.GroupErrorResult && !outcome.Faults.Any(e => e is InvalidReplicationState))
            {
                s.Note("the per-group error is not InvalidReplicationState, the fault the reference names for a wrong state");
            }
        });
        await OperationSteps.ExpectUnchangedAsync(s, before, "after the refused reversal").ConfigureAwait(false);
    }

    /// <summary>Reversing a group that was already reversed gives an AlreadyDone warning or a refusal (the readings of <see cref="ReverseReadings.Repeat"/>), never a second new group.</summary>
    public static async Task RepeatedReverseCreatesNoSecondGroup(CheckScope s)
    {
        var twice = await ReverseTwice.GetAsync(s.Target).ConfigureAwait(false);
        twice.IncludeIn(s);
        foreach (var answer in twice.Repeats)
        {
            var sent = answer.Requested[0];
            s.Step($"Expect no second new group for {sent}", () =>
            {
                var outcome = answer.Of(sent).Judged(s);
                if (outcome.Kind == GroupOutcomeKind.Refused)
                {
                    ReverseReadings.Repeat.Note(s, "refused", $"asking again for {sent}: {outcome.Detail}");
                    answer.NoteReading(s, $"asking again for {sent}");
                    return;
                }

                s.Expect(outcome.NewGroupId == twice.FirstNewId, Defect.Result, $"asking again to reverse {sent} to create no second new group (the first reversal made {twice.FirstNewId})", $"a second new group {outcome.NewGroupId}", answer.FinalPoll);
                s.Expect(outcome.AlreadyDone, Defect.Result, $"asking again to reverse {sent}, already reversed, to get an error or an AlreadyDone warning", "a plain success", answer.FinalPoll);
                ReverseReadings.Repeat.Note(s, "alreadyDone", $"asking again for {sent}: {outcome.Detail}");
            });
        }
    }

    /// <summary>Two concurrent Reverse calls on the same FAILEDOVER group reverse it exactly once; the other call may be refused by any reading of <see cref="ReverseReadings.GroupError"/>.</summary>
    public static async Task ConcurrentCallsReverseOnce(CheckScope s)
    {
        s.Require(s.Target.MaxConcurrentTasks >= 2, $"the profile allows {s.Target.MaxConcurrentTasks} task in flight (maxConcurrentTasks); two concurrent calls need 2");
        var group = await OperationSteps.PickInStateAsync(s, Reverse).ConfigureAwait(false);
        var before = new Dictionary<string, string?> { [group.Key] = ReplicationState.FailedOver };
        var contested = new HashSet<string>(StringComparer.Ordinal) { group.Key };
        var calls = await s.StepAsync($"Call ReverseReplicateGroup_Task twice at once for {group}", () =>
            Task.WhenAll(OperationSteps.CallAsync(s, Reverse, [group]), OperationSteps.CallAsync(s, Reverse, [group]))).ConfigureAwait(false);
        var answers = new List<OperationAnswer>();
        foreach (var call in calls)
        {
            answers.Add(await OperationAnswer.ReadAsync(s, Reverse, [group], before, call, contested: contested).ConfigureAwait(false));
        }

        s.Step($"Expect {group} to be reversed exactly once", () =>
        {
            var outcomes = answers.Select(a => a.Of(group).Judged(s)).ToList();
            var reversals = outcomes.Where(o => o.Kind == GroupOutcomeKind.Succeeded).ToList();
            var newIds = reversals.Select(o => o.NewGroupId).Distinct().ToList();
            s.Expect(reversals.Count > 0, Defect.Result, $"one of two concurrent calls to reverse {group}", $"neither did ({string.Join("; ", outcomes.Select(o => o.Detail))})", answers[^1].FinalPoll ?? answers[^1].Call.Call);
            s.Expect(newIds.Count == 1, Defect.Result, $"{group} reversed exactly once by two concurrent calls", $"it was reversed more than once: new groups {string.Join(", ", newIds)}", answers[^1].FinalPoll);
            foreach (var answer in answers)
            {
                answer.NoteReading(s, "one of two concurrent calls");
            }

            if (outcomes.FirstOrDefault(o => o.Kind == GroupOutcomeKind.Refused || o.AlreadyDone) is { } other)
            {
                ReverseReadings.Repeat.Note(s, other.Kind == GroupOutcomeKind.Refused ? "refused" : "alreadyDone", $"the other of two concurrent calls: {other.Detail}");
            }

            s.Note($"concurrent calls: {string.Join("; ", outcomes.Select(o => o.Detail))}");
        });
    }

    private static async Task<(ReverseHappyPath Scenario, List<(ReplicationGroupId Requested, string NewId)> Successes)> SuccessesAsync(CheckScope s)
    {
        var scenario = await ReverseHappyPath.GetAsync(s.Target).ConfigureAwait(false);
        scenario.IncludeIn(s);
        var info = scenario.RequireSuccess(s);
        var successes = new List<(ReplicationGroupId, string)>();
        s.Step("Expect a ReverseReplicationSuccessResult with a newGroupId for each FAILEDOVER group", () =>
        {
            var poll = scenario.Wait!.LastPoll;
            var byGroup = OperationSteps.ReadResults(s, Reverse, info, poll).GroupBy(r => r.GroupId?.Key ?? string.Empty).ToDictionary(g => g.Key, g => g.First());
            foreach (var requested in scenario.Requested)
            {
                s.Require(byGroup.TryGetValue(requested.Key, out var result), $"no result for {requested}; see Each_requested_group_gets_exactly_one_result");
                s.Expect(result is ReverseReplicationSuccessResult, Defect.Result, $"a ReverseReplicationSuccessResult for FAILEDOVER group {requested}", $"a {result!.TypeName}{(result is GroupErrorResult e ? " (" + string.Join(", ", e.Error?.Select(x => x.TypeName) ?? []) + ")" : string.Empty)}", poll);
                var newId = ((ReverseReplicationSuccessResult)result).NewGroupId?.Id;
                s.Expect(!string.IsNullOrWhiteSpace(newId), Defect.Result, $"the ReverseReplicationSuccessResult for {requested} to carry a newGroupId id (newGroupId is required)", "none", poll);
                successes.Add((requested, newId!));
            }
        });
        return (scenario, successes);
    }
}
