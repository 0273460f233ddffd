using System.Globalization;
using System.Text.Json;
using Conformance.Checks;
using Conformance.Targets;
using Harness.Wire.Results;

namespace Conformance.Run;

/// <summary>
/// The run plan, made before anything is sent: from the checks to run (in run order), the groups each declares it
/// needs (<see cref="Check.Needs"/>), the allowlisted groups of each site in their current states (one
/// QueryReplicationGroup per site) and the profile's budget, it counts per site and state what is needed against what
/// is available, and names the checks that will be inconclusive for lack of groups or of budget. Checks that only
/// read a group share it; a shared scenario takes its groups once for all its readers. Against the embedded simulator
/// every check starts afresh, so each check has the whole allowlist to itself.
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(IReadOnlyList<PlanLine> lines, IReadOnlyList<PlanShortage> shortages, GroupBudget budget, int planned, bool resets, string? readProblem)
    {
        this.Lines = lines;
        this.Shortages = shortages;
        this.Budget = budget;
        this.PlannedConsumption = planned;
        this.Resets = resets;
        this.ReadProblem = readProblem;
    }

    /// <summary>Each site and state that a check needs or the allowlist holds.</summary>
    public IReadOnlyList<PlanLine> Lines { get; }

    /// <summary>The checks that will be inconclusive for lack of groups or of budget, in run order.</summary>
    public IReadOnlyList<PlanShortage> Shortages { get; }

    /// <summary>The profile's budget for the run.</summary>
    public GroupBudget Budget { get; }

    /// <summary>How many groups the plan expects the run to consume (generated checks counted at every group they may take).</summary>
    public int PlannedConsumption { get; }

    /// <summary>Whether every check starts afresh (the embedded simulator) or gets its groups back when it ends (two sites: round trips), so needs do not add up across checks.</summary>
    public bool Resets { get; }

    /// <summary>Why the current states could not be read (the plan then counts no group available), or null.</summary>
    public string? ReadProblem { get; }

    /// <summary>
    /// Plans <paramref name="checks"/> against <paramref name="available"/> (allowlisted groups per site and state).
    /// <paramref name="implemented"/> says which operations the profile declares implemented (the others' checks are
    /// not applicable and need nothing);.
    /// </summary>
    public static RunPlan Build(IReadOnlyList<Check> checks, IReadOnlyDictionary<(GroupSite Site, string State), int> available, GroupBudget budget, bool hasPeer, bool resets, Func<string, bool> implemented, string? readProblem = null)
    {
        var lines = available.Select(kv => new PlanLine(kv.Key.Site, kv.Key.State, kv.Value)).ToDictionary(l => (l.Site, l.State));
        var stock = new Dictionary<(GroupSite, string), int>(available);
        var shortages = new List<PlanShortage>();
        var shared = new Dictionary<(string Feature, string Key), PlanShortage?>();
        var enforced = budget.Counts && budget.Limit is not null;
        var left = budget.Limit ?? int.MaxValue;

        PlanLine Line(GroupSite site, string state)
        {
            if (!lines.TryGetValue((site, state), out var line))
            {
                line = new PlanLine(site, state, 0);
                lines[(site, state)] = line;
            }

            return line;
        }

        int Stock(GroupSite site, string state) => stock.GetValueOrDefault((site, state));

        GroupSite SiteFor(GroupNeed need, string state, int least) =>
            need.Site != GroupSite.Either ? need.Site
            : Stock(GroupSite.Tested, state) >= least || !hasPeer ? GroupSite.Tested
            : Stock(GroupSite.Peer, state) >= least ? GroupSite.Peer
            : GroupSite.Tested;

        string Lack(GroupNeed need, string state, GroupSite site) =>
            string.Create(CultureInfo.InvariantCulture, $"needs {Math.Max(1, need.Minimum)} {string.Join(" or ", need.States)} group(s){(hasPeer ? string.Empty : " at the tested site")} and {(resets ? "the allowlist holds" : "the plan has left")} {Stock(site, state)}{(resets ? string.Empty : $" of {available.GetValueOrDefault((site, state))} allowlisted")}; allowlist more {state} groups");

        string Spent(string state) => budget.Defaulted
            ? $"budget: it would consume a {state} group, and the profile sets no budget, so a one-site run against a real provider consumes nothing (budget 0); set \"budget\" in the profile to let it run (or add the peer site)"
            : string.Create(CultureInfo.InvariantCulture, $"budget: it would consume a {state} group, and the budget ({budget.Limit}) is spent by earlier checks; raise \"budget\" in the profile (or add the peer site)");

        foreach (var check in checks)
        {
            if ((!check.Ungated && !implemented(check.Feature)) || (check.TwoSites && !hasPeer && !check.Needs.Any(n => n.Rest)))
            {
                continue;
            }

            if (resets)
            {
                foreach (var key in available.Keys)
                {
                    stock[key] = available[key];
                }
            }

            PlanShortage? shortage = null;
            var own = new Dictionary<(GroupSite, string), int>();
            var needs = check.Needs.Where(n => n.Operation is not { } o || implemented(o)).ToList();
            if (needs.Any(n => n.Rest && n.Consumes) && enforced)
            {
                // As at run time: every allowlisted group of the tested site still in a state it may consume.
                var fresh = needs.Where(n => n.Rest && n.Consumes).Select(n => n.State).Distinct(StringComparer.Ordinal).Sum(s => Stock(GroupSite.Tested, s));
                if (left < fresh)
                {
                    shortage = new PlanShortage(check.Key, string.Create(CultureInfo.InvariantCulture, $"budget: its generated batches may consume any of the {fresh} allowlisted group(s) left in {string.Join(" or ", needs.Where(n => n.Rest && n.Consumes).Select(n => n.State).Distinct(StringComparer.Ordinal))}, and {left} of the budget ({budget.Limit}) is left; raise \"budget\" in the profile (or add the peer site)"), Budget: true);
                }
                else
                {
                    left -= fresh;
                }
            }

            foreach (var need in needs)
            {
                if (shortage is not null)
                {
                    break;
                }

                if (need.Shared is { } key && shared.TryGetValue((check.Feature, key), out var earlier))
                {
                    // The scenario already took its groups (or could not): this check reads what it recorded.
                    var readLine = Line(SiteFor(need, need.State, 1), need.State);
                    readLine.Readers++;
                    readLine.Short += earlier is { Budget: false } ? 1 : 0;
                    shortage = earlier is null ? null : earlier with { Check = check.Key };
                    continue;
                }

                shortage = Place(need);
                if (need.Shared is { } first)
                {
                    shared[(check.Feature, first)] = shortage;
                }
            }

            if (shortage is not null)
            {
                shortages.Add(shortage);
            }

            foreach (var (key, count) in own)
            {
                Line(key.Item1, key.Item2).Peak = Math.Max(Line(key.Item1, key.Item2).Peak, count);
            }

            PlanShortage? Place(GroupNeed need)
            {
                if (!need.Consumes)
                {
                    var state = need.States.FirstOrDefault(s => Stock(GroupSite.Tested, s) >= need.Count || (hasPeer && need.Site != GroupSite.Tested && Stock(GroupSite.Peer, s) >= need.Count)) ?? need.State;
                    var site = SiteFor(need, state, need.Count);
                    var line = Line(site, state);
                    line.Readers++;
                    line.Read = Math.Max(line.Read, need.Count);
                    own[(site, state)] = own.GetValueOrDefault((site, state)) + need.Count;
                    if (Stock(site, state) >= need.Minimum)
                    {
                        return null;
                    }

                    line.Short++;
                    return new PlanShortage(check.Key, Lack(need, state, site), Budget: false);
                }

                if (need.Rest)
                {
                    var site = SiteFor(need, need.State, 1);
                    var line = Line(site, need.State);
                    line.Rest = true;
                    line.Consumers++;
                    var all = Stock(site, need.State);
                    line.Consumed += all;
                    own[(site, need.State)] = own.GetValueOrDefault((site, need.State)) + all;
                    line.Given += all;
                    stock[(site, need.State)] = 0;
                    return null;
                }

                {
                    var site = SiteFor(need, need.State, 1);
                    var line = Line(site, need.State);
                    line.Consumers++;
                    line.Consumed += need.Count;
                    own[(site, need.State)] = own.GetValueOrDefault((site, need.State)) + need.Count;
                    var take = Math.Min(need.Count, Stock(site, need.State));
                    var lacking = take < Math.Max(1, need.Minimum);
                    if (enforced)
                    {
                        take = Math.Min(take, left);
                    }

                    if (take < Math.Max(1, need.Minimum))
                    {
                        line.Short += lacking ? 1 : 0;
                        return new PlanShortage(check.Key, lacking ? Lack(need, need.State, site) : Spent(need.State), Budget: !lacking);
                    }

                    line.Given += take;
                    stock[(site, need.State)] = Stock(site, need.State) - take;
                    left -= enforced ? take : 0;
                    return null;
                }
            }
        }

        foreach (var line in lines.Values)
        {
            line.Resets = resets;
        }

        var ordered = lines.Values.OrderBy(l => l.Site).ThenBy(l => l.State, StringComparer.Ordinal).ToList();
        return new RunPlan(ordered, shortages, budget, ordered.Sum(l => l.Given), resets, readProblem);
    }

    /// <summary>
    /// Reads the allowlisted groups' current states (one QueryReplicationGroup per site, nothing else) and plans
    /// <paramref name="checks"/> against them.
    /// </summary>
    public static async Task<RunPlan> ReadAsync(ConformanceTarget target, IReadOnlyList<Check> checks)
    {
        var available = new Dictionary<(GroupSite Site, string State), int>();
        string? problem = null;
        async Task CountAsync(GroupSite site, Harness.Client.SmsClient client, Harness.Wire.ManagedObjectReference provider, IReadOnlyList<Harness.Wire.ReplicationGroupId> allowlist)
        {
            if (allowlist.Count == 0)
            {
                return;
            }

            var query = await client.QueryReplicationGroupAsync(provider, allowlist).ConfigureAwait(false);
            if (!query.IsValue || query.Value is null)
            {
                problem ??= $"could not read the {(site == GroupSite.Tested ? "tested site's" : "peer's")} allowlisted groups: {query.Describe()}";
                return;
            }

            var keys = allowlist.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var result in query.Value.OfType<QueryReplicationGroupSuccessResult>())
            {
                if (result is { GroupId: { } id, RgInfo.CurrentState: { } state } && keys.Remove(id.Key))
                {
                    available[(site, state)] = available.GetValueOrDefault((site, state)) + 1;
                }
            }
        }

        await CountAsync(GroupSite.Tested, target.Client, target.Provider, target.Allowlist).ConfigureAwait(false);
        if (target.Peer is { } peer)
        {
            await CountAsync(GroupSite.Peer, peer.Client, peer.Provider, peer.Allowlist).ConfigureAwait(false);
        }

        // With both sites every check's round trip gives its groups back: as on the embedded simulator, needs do not add up.
        return Build(checks, available, target.Budget, target.Peer is not null, target.Simulator is not null || target.PeerSide is not null, op => target.CapabilityOf(op).Implemented, problem);
    }

    /// <summary>The plan in lines for the console: needed against available per site and state, the budget, and the checks short of groups.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            this.Resets
                ? "plan (each check starts afresh on the embedded simulator, or gets its groups back at its end with two sites: needs are per check, not summed):"
                : "plan (groups needed against allowlisted groups available, per site and state, in run order):",
        };
        if (this.ReadProblem is { } problem)
        {
            lines.Add("  " + problem + " (the plan counts no group there)");
        }

        foreach (var l in this.Lines)
        {
            var site = l.Site == GroupSite.Tested ? "tested site" : "peer site";
            var consumed = l.Consumers == 0 ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"{l.Consumed} consumed by {l.Consumers} check(s){(l.Rest ? ", generated ones taking every group left" : string.Empty)}");
            var read = l.Readers == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{l.Readers} check(s) read, sharing{(l.Read > 0 ? $" ({l.Read} at a time)" : " the scenario's groups")}");
            var what = string.Join("; ", new[] { consumed, read }.Where(x => x.Length > 0));
            var verdict = l.Short > 0 ? string.Create(CultureInfo.InvariantCulture, $" SHORT: {l.Short} check(s) find no group") : string.Empty;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {site,-11} {l.State,-11} available {l.Available,3}, needed {l.Needed,3}{(what.Length > 0 ? $" ({what})" : " (no check needs it)")}{verdict}"));
        }

        lines.Add("  " + this.Budget.Describe() + string.Create(CultureInfo.InvariantCulture, $"; the plan consumes {this.PlannedConsumption}"));
        if (this.Shortages.Count == 0)
        {
            lines.Add("  no check will be inconclusive for lack of groups or budget");
        }
        else
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {this.Shortages.Count} check(s) will be inconclusive for lack of groups or budget:"));
            lines.AddRange(this.Shortages.Select(s => $"    {s.Check}: {s.Reason}"));
        }

        return lines;
    }

    /// <summary>The plan as JSON (out/plan.json).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            resets = this.Resets,
            readProblem = this.ReadProblem,
            lines = this.Lines.Select(l => new { site = l.Site == GroupSite.Tested ? "tested" : "peer", state = l.State, available = l.Available, needed = l.Needed, consumed = l.Consumed, given = l.Given, consumers = l.Consumers, readers = l.Readers, readAtATime = l.Read, shortChecks = l.Short, generatedTakeTheRest = l.Rest }),
            budget = new { limit = this.Budget.Limit, enforced = this.Budget.Counts, defaulted = this.Budget.Defaulted, plannedConsumption = this.PlannedConsumption },
            inconclusive = this.Shortages.Select(s => new { check = s.Check, reason = s.Reason, budget = s.Budget }),
        },
        new JsonSerializerOptions { WriteIndented = true });
}
