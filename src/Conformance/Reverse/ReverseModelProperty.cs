using Conformance.Checks;
using FsCheck;
using FsCheck.Fluent;
using Harness.Client;
using Harness.Reporting;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;
using Harness.Wire.Tasks;
using Microsoft.FSharp.Core;

namespace Conformance.Reverse;

/// <summary>
/// The FsCheck property: for any batch of allowlisted groups in mixed states, FAILEDOVER groups end as SOURCE, the
/// others are unchanged, and the results match the requests one to one. Each case reads the states first, so the
/// model predicts from what the provider says now. The seed is always reported and <c>VASA_SEED</c> replays it;
/// a failure is shrunk to a minimal batch, whose exchanges are attached.
/// </summary>
internal static class ReverseModelProperty
{
    /// <summary>Runs the property.</summary>
    public static async Task RunAsync(CheckScope s)
    {
        var target = s.Target;
        if (target.Simulator is null)
        {
            // On a real array the success scenario spends its FAILEDOVER groups first; the property then uses what is left.
            await ReverseHappyPath.GetAsync(target).ConfigureAwait(false);
        }

        var groups = target.Allowlist.ToArray();
        s.Require(groups.Length > 0, "the profile allowlists no group, so there is no batch to generate");
        var maxBatch = (int)Math.Clamp(target.Info?.MaxBatchSize is > 0 ? target.Info.MaxBatchSize.Value : 8, 1, groups.Length);
        var seed = target.Seed ?? (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        s.Note($"property seed {seed}: replay with VASA_SEED={seed}");

        var gen = Gen.Choose(1, maxBatch).SelectMany(n => Gen.Shuffle(groups).Select(all => all.Take(n).ToArray()));
        var arb = Arb.From(gen, Shrink);
        var cases = 0;
        (ReplicationGroupId[] Batch, IReadOnlyList<CheckStep> Steps, string Message)? lastFailure = null;
        var property = Prop.ForAll(arb, (Func<ReplicationGroupId[], Task<bool>>)(async batch =>
        {
            cases++;
            var verdict = await CheckRunner.RunAsync(c => CaseAsync(c, batch), target).ConfigureAwait(false);
            if (verdict.Outcome == CheckOutcome.Passed)
            {
                return true;
            }

            if (verdict.Outcome != CheckOutcome.Failed)
            {
                throw new CaseNotJudged(verdict);
            }

            lastFailure = (batch, verdict.Steps, verdict.Reason!);
            return false;
        }));

        var config = Config.QuickThrowOnFailure
            .WithMaxTest(target.PropertyCases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        string? falsified = null;
        CaseNotJudged? notJudged = null;
        await s.StepAsync($"Run {target.PropertyCases} generated batches of 1 to {maxBatch} allowlisted groups (seed {seed})", () => Task.Run(() =>
        {
            try
            {
                FsCheck.Check.One(config, property);
            }
            catch (CaseNotJudged ex)
            {
                notJudged = ex;
            }
            catch (Exception ex) when (ex.InnerException is CaseNotJudged inner)
            {
                notJudged = inner;
            }
            catch (Exception ex)
            {
                falsified = ex.Message;
            }
        })).ConfigureAwait(false);

        target.Simulator?.Reset();
        if (notJudged is not null)
        {
            s.Include("The case that could not be judged", notJudged.Result.Steps, notJudged.Result.Notes);
            s.Require(notJudged.Result.Outcome != CheckOutcome.Inconclusive, notJudged.Result.Reason ?? "a case could not be judged");
            throw new InvalidOperationException(notJudged.Result.Reason);
        }

        if (falsified is null)
        {
            s.Note($"{cases} case(s) passed");
            return;
        }

        var (minimal, steps, message) = lastFailure!.Value;
        s.Include($"Minimal counterexample: [{string.Join(", ", minimal.Select(g => g.Key))}]", steps, []);
        s.Attach("FsCheck counterexample", "text/plain", falsified);
        s.Fail($"{message} — property falsified after {cases} case(s); minimal batch [{string.Join(", ", minimal.Select(g => g.Key))}]; replay with VASA_SEED={seed}");
    }

    private static IEnumerable<ReplicationGroupId[]> Shrink(ReplicationGroupId[] batch) =>
        batch.Length <= 1 ? [] : Enumerable.Range(0, batch.Length).Select(i => batch.Where((_, j) => j != i).ToArray());

    /// <summary>One case: predict from the current states, reverse the batch, and compare.</summary>
    private static async Task CaseAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> batch)
    {
        s.Target.Simulator?.Reset();
        var before = await ReverseSteps.ReadStatesAsync(s, batch, "Read the states of the batch").ConfigureAwait(false);
        var call = await s.StepAsync($"Call ReverseReplicateGroup_Task with {string.Join(", ", batch)}", () => ReverseSteps.ReverseAsync(s, batch)).ConfigureAwait(false);
        if (call.Kind == OutcomeKind.Fault && call.Fault!.IsA("SmsReplicationFault") && batch.Any(g => before[g.Key] != ReplicationState.FailedOver))
        {
            s.Note("a mixed batch was refused as a whole with " + call.FaultName);
            await ExpectStatesAsync(s, batch, before, new Dictionary<string, string>()).ConfigureAwait(false);
            return;
        }

        s.Expect(call.IsValue && ReverseSteps.IsTaskMoRef(call.Value), $"[task] expected a task MoRef for a batch of {batch.Count} allowlisted groups, got {call.Describe()}");
        var wait = await ReverseSteps.WaitAsync(s, call.Value!).ConfigureAwait(false);
        s.Expect(wait.Final?.State == SmsTaskState.Success, $"[task] {wait.Describe()}");
        var byGroup = ReverseSteps.ExpectOnePerGroup(s, batch, ReverseSteps.ReadResults(s, wait.Final!));
        var newIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in batch)
        {
            var result = byGroup[g.Key];
            if (before[g.Key] == ReplicationState.FailedOver)
            {
                s.Expect(result is ReverseReplicationSuccessResult { NewGroupId.Id.Length: > 0 }, $"[result] FAILEDOVER group {g} got a {result.TypeName} without a newGroupId, not a reversal");
                newIds[g.Key] = ((ReverseReplicationSuccessResult)result).NewGroupId!.Id!;
            }
            else
            {
                s.Expect(result is GroupErrorResult { Error.Count: > 0 }, $"[result] {g} was {before[g.Key] ?? "unknown"}, not FAILEDOVER, yet got a {result.TypeName} instead of a GroupErrorResult");
            }
        }

        await ExpectStatesAsync(s, batch, before, newIds).ConfigureAwait(false);
    }

    private static async Task ExpectStatesAsync(CheckScope s, IReadOnlyList<ReplicationGroupId> batch, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string> newIds)
    {
        var expected = batch.Select(g => newIds.TryGetValue(g.Key, out var id)
            ? (Id: ReplicationGroupId.Of(g.FaultDomainId!.Id!, id), State: (string?)ReplicationState.Source)
            : (Id: g, State: before[g.Key])).ToList();
        var after = await ReverseSteps.ReadStatesAsync(s, expected.Select(e => e.Id).ToList(), "Read the states afterwards").ConfigureAwait(false);
        var wrong = expected.Where(e => after[e.Id.Key] != e.State).Select(e => $"{e.Id} is {after[e.Id.Key] ?? "(absent)"}, model says {e.State ?? "(absent)"}").ToList();
        s.Expect(wrong.Count == 0, $"[result] states after the call differ from the model: {string.Join("; ", wrong)}");
    }

    private sealed class CaseNotJudged(CheckResult result) : Exception(result.Reason)
    {
        public CheckResult Result { get; } = result;
    }
}
