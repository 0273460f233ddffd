using FsCheck;
using FsCheck.Fluent;
using Harness.Reporting;
using Microsoft.FSharp.Core;

namespace Conformance.Checks;

/// <summary>
/// Runs an FsCheck property whose every case is a small check of its own (its own steps and exchanges). The seed is
/// always reported and replays with <c>VASA_SEED</c> (or the profile's propertyTests.seed); a failing case is
/// shrunk, and the minimal one is attached with its exchanges. On the embedded simulator each case starts from the
/// profile's initial state.
/// </summary>
internal static class PropertyRunner
{
    /// <summary>Runs the property in <paramref name="s"/>, with the target's number of cases unless <paramref name="cases"/> says otherwise.</summary>
    public static async Task RunAsync<T>(CheckScope s, string title, Arbitrary<T> arbitrary, Func<CheckScope, T, Task> body, Func<T, string> describe, int? cases = null)
    {
        var target = s.Target;
        var maxTest = cases ?? target.PropertyCases;
        var seed = target.Seed ?? (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        s.Note($"property seed {seed}: replay with VASA_SEED={seed}");
        var run = 0;
        (T Input, CheckResult Result)? lastFailure = null;
        CheckResult? notJudged = null;
        var property = Prop.ForAll(arbitrary, (Func<T, Task<bool>>)(async input =>
        {
            if (notJudged is not null)
            {
                // A case could not be judged (e.g. this provider's tasks do not finish): run no further case or shrink step.
                throw new OperationCanceledException("case not run: an earlier case could not be judged");
            }

            run++;
            target.Simulator?.Reset();
            // The embedded simulator is reset before the next case: only a real provider's cases restore what they change.
            var result = await CheckRunner.RunAsync(c => body(c, input), target, s.Name + " (generated case)", restore: target.Simulator is null).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case CheckOutcome.Passed:
                    return true;
                case CheckOutcome.Failed:
                    lastFailure = (input, result);
                    return false;
                default:
                    notJudged ??= result;
                    throw new OperationCanceledException("case not judged: " + result.Reason);
            }
        }));

        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        string? falsified = null;
        await s.StepAsync($"{title}: {maxTest} generated case(s), seed {seed}", () => Task.Run(() =>
        {
            try
            {
                FsCheck.Check.One(config, property);
            }
            catch (Exception ex) when (notJudged is null)
            {
                falsified = ex.Message;
            }
            catch (Exception)
            {
                // A case that could not be judged ends the property; handled below.
            }
        })).ConfigureAwait(false);
        target.Simulator?.Reset();

        if (notJudged is not null && lastFailure is null)
        {
            s.Include("A case that could not be judged", notJudged.Steps, notJudged.Notes);
            if (notJudged.Outcome == CheckOutcome.Broken)
            {
                s.Broken(notJudged.Reason ?? "a generated case broke");
            }

            if (notJudged.Outcome == CheckOutcome.RestoreFailed)
            {
                throw new CheckStopped(CheckOutcome.RestoreFailed, "a generated case could not restore what it changed: " + notJudged.Reason);
            }

            s.Require(notJudged.Outcome != CheckOutcome.Inconclusive, "a generated case could not be judged: " + notJudged.Reason);
            s.NotApplicable(notJudged.Reason ?? "not applicable");
        }

        if (lastFailure is null)
        {
            s.Note($"{run} case(s) passed");
            return;
        }

        var (minimal, failure) = lastFailure.Value;
        if (notJudged is not null)
        {
            // A shrink step could not be judged: the smallest failing case judged so far stands.
            s.Note($"shrinking stopped at a case that could not be judged ({notJudged.Reason}); the smallest failing case judged is reported");
        }

        s.Include($"Minimal counterexample: {describe(minimal)}", failure.Steps, failure.Notes);
        s.Attach("FsCheck counterexample", "text/plain", $"seed {seed} (replay with VASA_SEED={seed})\n\n{falsified ?? "(shrinking stopped early)"}");

        // The minimal case's failure, with its exchange, and how to replay it.
        var found = failure.Failure ?? throw new InvalidOperationException("a failed case carries its failure");
        s.Fail(found with { Observed = $"{found.Observed} — property falsified after {run} case(s); minimal case {describe(minimal)}; replay with VASA_SEED={seed}" });
    }
}
