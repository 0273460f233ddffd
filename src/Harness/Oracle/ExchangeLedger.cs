using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client;

namespace Harness.Oracle;

/// <summary>
/// Every exchange of a run, judged by the oracle, whatever check or lane made it: requests against their method's
/// parameters, 200 answers against the method's return type, 500 answers against MethodFault. Keeps every count and
/// the first findings of each kind as evidence, so that the WIRE checks judge the whole run with no extra calls, in
/// any order. Recording only queues the exchange, off the call's path; it is judged when the ledger is next read.
/// Thread-safe.
/// </summary>
internal sealed class ExchangeLedger
{
    /// <summary>Findings kept per (side, rule) as evidence; the counts are complete.</summary>
    public const int SamplesPerRule = 20;

    private readonly object gate = new();
    private readonly object draining = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<ProviderCall> pending = new();
    private readonly Dictionary<(WireSide, WireRule), int> counts = [];
    private readonly List<WireFinding> samples = [];
    private readonly Dictionary<WireSide, int> judged = [];
    private int exchanges;
    private int unjudged;

    /// <summary>Creates a ledger judging with <paramref name="validator"/>.</summary>
    public ExchangeLedger(WireValidator validator) => this.Validator = validator;

    /// <summary>The validator (and so the release) the ledger judges with.</summary>
    public WireValidator Validator { get; }

    /// <summary>Exchanges recorded.</summary>
    public int Exchanges
    {
        get
        {
            this.Drain();
            lock (this.gate)
            {
                return this.exchanges;
            }
        }
    }

    /// <summary>Records one exchange, to be judged when the ledger is next read (the call's own path pays only a queue).</summary>
    public void Record(ProviderCall call) => this.pending.Enqueue(call);

    /// <summary>Judges every exchange recorded so far; readers call it first, so every count includes them.</summary>
    private void Drain()
    {
        lock (this.draining)
        {
            while (this.pending.TryDequeue(out var call))
            {
                this.Judge(call);
            }
        }
    }

    /// <summary>Judges one exchange and adds its findings.</summary>
    private void Judge(ProviderCall call)
    {
        var found = new List<WireFinding>();
        var sides = new List<WireSide>();
        if (WireValidator.TryParseUrl(call.Url, out var managed, out var method))
        {
            if (call.HttpMethod == "POST" && this.Validator.Request(managed, method, call.RequestBody) is { } requestProblems)
            {
                var side = call.Probe ? WireSide.Probe : WireSide.Request;
                sides.Add(side);
                found.AddRange(requestProblems.Select(p => new WireFinding(side, call, p)));
            }

            if (call.Status is { } status && call.TransportError is null && this.Validator.Response(managed, method, status, call.ResponseBody) is { } responseProblems)
            {
                sides.Add(WireSide.Response);
                found.AddRange(responseProblems.Select(p => new WireFinding(WireSide.Response, call, p)));
            }
        }

        lock (this.gate)
        {
            this.exchanges++;
            if (sides.Count == 0)
            {
                this.unjudged++;
            }

            foreach (var side in sides)
            {
                this.judged[side] = this.judged.GetValueOrDefault(side) + 1;
            }

            foreach (var finding in found)
            {
                var key = (finding.Side, finding.Problem.Rule);
                var n = this.counts.GetValueOrDefault(key);
                this.counts[key] = n + 1;
                if (n < SamplesPerRule)
                {
                    this.samples.Add(finding);
                }
            }
        }
    }

    /// <summary>How many requests, probes or answers were judged.</summary>
    public int Judged(WireSide side)
    {
        this.Drain();
        lock (this.gate)
        {
            return this.judged.GetValueOrDefault(side);
        }
    }

    /// <summary>How many problems of a rule were found on a side.</summary>
    public int Count(WireSide side, WireRule rule)
    {
        this.Drain();
        lock (this.gate)
        {
            return this.counts.GetValueOrDefault((side, rule));
        }
    }

    /// <summary>How many problems of any rule at <paramref name="level"/> were found on a side.</summary>
    public int Count(WireSide side, WireLevel level)
    {
        this.Drain();
        lock (this.gate)
        {
            return this.CountUnlocked(side, level);
        }
    }

    private int CountUnlocked(WireSide side, WireLevel level) =>
        this.counts.Where(kv => kv.Key.Item1 == side && WireProblem.LevelOf(kv.Key.Item2) == level).Sum(kv => kv.Value);

    /// <summary>The kept findings of a side (optionally of some rules), in the order they were recorded.</summary>
    public IReadOnlyList<WireFinding> Findings(WireSide side, params WireRule[] rules)
    {
        this.Drain();
        lock (this.gate)
        {
            return this.samples.Where(f => f.Side == side && (rules.Length == 0 || rules.Contains(f.Problem.Rule))).ToList();
        }
    }

    /// <summary>The whole ledger as JSON (out/wire.json): counts per side and rule, and the kept findings with their correlation ids.</summary>
    public string ToJson()
    {
        this.Drain();
        lock (this.gate)
        {
            var sides = new JsonObject();
            foreach (var side in Enum.GetValues<WireSide>())
            {
                var rules = new JsonObject();
                foreach (var ((s, rule), n) in this.counts.Where(kv => kv.Key.Item1 == side).OrderBy(kv => kv.Key.Item2))
                {
                    rules[rule.ToString()] = n;
                }

                sides[side.ToString().ToLowerInvariant()] = new JsonObject
                {
                    ["judged"] = this.judged.GetValueOrDefault(side),
                    ["must"] = this.CountUnlocked(side, WireLevel.Must),
                    ["should"] = this.CountUnlocked(side, WireLevel.Should),
                    ["notes"] = this.CountUnlocked(side, WireLevel.Note),
                    ["byRule"] = rules,
                    ["findings"] = new JsonArray(this.samples.Where(f => f.Side == side).Select(f => (JsonNode)new JsonObject
                    {
                        ["rule"] = f.Problem.Rule.ToString(),
                        ["level"] = f.Problem.Level.ToString().ToUpperInvariant(),
                        ["operation"] = f.Call.Operation,
                        ["correlationId"] = f.Call.CorrelationId,
                        ["path"] = f.Problem.Path,
                        ["message"] = f.Problem.Message,
                    }).ToArray()),
                };
            }

            var root = new JsonObject
            {
                ["release"] = this.Validator.Release?.ToString() ?? "(newest)",
                ["exchanges"] = this.exchanges,
                ["notJudged"] = this.unjudged,
                ["sides"] = sides,
            };
            return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }
}
