using System.Globalization;
using Conformance.Checks;
using Harness.Oracle;
using Harness.Reporting;

namespace Conformance.Fidelity;

/// <summary>The wire-fidelity checks: one judgement over the run's exchange ledger, parameterised by the rules a clause covers.</summary>
internal static class FidelityChecks
{
    /// <summary>How many offending exchanges a failure shows as evidence.</summary>
    private const int Evidence = 3;

    /// <summary>Judges every answer of the run by <paramref name="rules"/>; fails with the offending exchanges attached.</summary>
    public static Task JudgeAsync(CheckScope s, params WireRule[] rules)
    {
        var ledger = s.Target.Ledger;
        s.Require(ledger is not null, "no exchange ledger: this run does not record its exchanges for the oracle");
        var judged = ledger!.Judged(WireSide.Response);
        if (judged == 0)
        {
            s.NotExercised("no answer was recorded to judge: the WIRE checks judge the exchanges of the other checks, and none ran before them (a filter that selects only WIRE checks)");
        }

        s.Note(string.Create(CultureInfo.InvariantCulture, $"judged {judged} answer(s) of {ledger.Exchanges} exchange(s) against VMware's type definitions for release {ledger.Validator.Release?.ToString() ?? "(newest)"}"));

        // A request the suite built from its own model that breaks the types is the harness's defect, not the provider's.
        var ours = ledger.Findings(WireSide.Request, rules);
        if (ours.Count > 0)
        {
            var first = ours[0];
            s.Step($"the suite's own request {first.Call.CorrelationId} ({first.Call.Operation}) is off-spec", () => s.Attach($"exchange {first.Call.CorrelationId}", "application/json", first.Call.ToJson()));
            throw new CheckStopped(CheckOutcome.Broken, $"harness defect: the suite sent an off-spec {first.Call.Operation} request ({first.Call.CorrelationId}) at {first.Problem}");
        }

        // The accepted reading of an anyType slot is noted once, by the check of that slot's typing.
        if (rules.Contains(WireRule.UntypedValue) && ledger.Findings(WireSide.Response, WireRule.BareArrayInAnyType).FirstOrDefault() is { } reading)
        {
            s.Note($"reading seen: {reading.Call.Operation} ({reading.Call.CorrelationId}) answered a bare JSON array in an anyType slot at {reading.Problem.Path}; accepted (boxing there is inferred, not documented)");
        }

        var found = ledger.Findings(WireSide.Response, rules);
        if (found.Count == 0)
        {
            return Task.CompletedTask;
        }

        var total = rules.Sum(r => ledger.Count(WireSide.Response, r));
        var exchanges = found.GroupBy(f => f.Call.CorrelationId, StringComparer.Ordinal).Take(Evidence).ToList();
        for (var i = 0; i < exchanges.Count; i++)
        {
            var call = exchanges[i].First().Call;
            var problems = exchanges[i].Select(f => f.Problem).ToList();
            var last = i == exchanges.Count - 1;
            s.Step($"{call.Operation} ({call.CorrelationId}): {problems[0].Path}", () =>
            {
                s.Attach($"exchange {call.CorrelationId}", "application/json", call.ToJson());
                s.Attach("problems", "text/plain", string.Join('\n', problems));
                if (last)
                {
                    var firstProblem = found[0];
                    s.Fail(
                        Defect.Wire,
                        $"every answer of the run to fit VMware's type definitions for release {ledger.Validator.Release?.ToString() ?? "(newest)"}",
                        string.Create(CultureInfo.InvariantCulture, $"{total} problem(s) in the run's answers; the first, in {firstProblem.Call.Operation} at {firstProblem.Problem.Path}: {firstProblem.Problem.Message}"),
                        firstProblem.Call);
                }
            });
        }

        return Task.CompletedTask;
    }
}
