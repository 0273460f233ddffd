using Conformance.Checks;
using Conformance.Run;
using Conformance.Targets;

namespace Conformance.Tests.Run;

/// <summary>
/// The run plan counts, per site and state, what the checks need against what the allowlist holds, in run order:
/// consumers add up, readers share, a shared scenario takes its groups once, and the checks left without a group (or
/// without budget) are named before anything is sent.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RunPlanTests
{
    private const string FailedOver = "FAILEDOVER";
    private const string Source = "SOURCE";
    private static readonly Clause AnyClause = new("PLAN-1", ClauseLevel.Must, "a clause", "test");

    [Test]
    public void A_shortage_names_the_checks_that_will_be_inconclusive_in_run_order()
    {
        var checks = new[]
        {
            Consumer("First", 2),
            Consumer("Second", 1),
            Consumer("Third", 1),
            Consumer("Fourth", 1),
        };
        var plan = Plan(checks, (FailedOver, 4), budget: Unlimited());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Shortages.Select(s => s.Check), Is.EqualTo(new[] { "Op.Fourth" }), "2 + 1 + 1 take all four; the fourth check finds none");
            Assert.That(plan.Shortages[0].Reason, Does.Contain("needs 1 FAILEDOVER group(s)").And.Contain("allowlist more FAILEDOVER groups"));
            Assert.That(plan.Shortages[0].Budget, Is.False);
            var line = plan.Lines.Single(l => l.State == FailedOver);
            Assert.That((line.Available, line.Needed, line.Given, line.Consumers), Is.EqualTo((4, 5, 4, 4)));
            Assert.That(string.Join("\n", plan.Describe()), Does.Contain("available   4, needed   5").And.Contain("SHORT: 1 check(s) find no group").And.Contain("1 check(s) will be inconclusive"));
        }
    }

    [Test]
    public void Readers_share_a_group_and_a_shared_scenario_takes_its_groups_once_for_all_its_readers()
    {
        var checks = new[]
        {
            Reader("ReadsOne"),
            Reader("ReadsAnother"),
            Reader("ReadsAThird"),
            SharedReader("ScenarioReaderA"),
            SharedReader("ScenarioReaderB"),
            SharedReader("ScenarioReaderC"),
        };
        var plan = Plan(checks, (FailedOver, 2), (Source, 1), budget: Unlimited());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Shortages, Is.Empty);
            var source = plan.Lines.Single(l => l.State == Source);
            Assert.That((source.Readers, source.Read, source.Needed), Is.EqualTo((3, 1, 1)), "three readers of one SOURCE group need one group, not three");
            var failedOver = plan.Lines.Single(l => l.State == FailedOver);
            Assert.That((failedOver.Consumed, failedOver.Consumers, failedOver.Readers), Is.EqualTo((2, 1, 2)), "the scenario's two groups are taken once; its two other readers share them");
            Assert.That(plan.PlannedConsumption, Is.EqualTo(2));
        }
    }

    [Test]
    public void When_a_shared_scenario_finds_no_group_every_check_that_reads_it_is_named()
    {
        var plan = Plan([SharedReader("A"), SharedReader("B")], (Source, 3), budget: Unlimited());

        Assert.That(plan.Shortages.Select(s => s.Check), Is.EqualTo(new[] { "Op.A", "Op.B" }));
    }

    [Test]
    public void A_one_site_budget_names_the_checks_it_leaves_without_a_group_to_consume()
    {
        var plan = Plan([Consumer("First", 1), Consumer("Second", 1), Consumer("Third", 1)], (FailedOver, 8), budget: new GroupBudget(2, counts: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Shortages.Select(s => s.Check), Is.EqualTo(new[] { "Op.Third" }));
            Assert.That(plan.Shortages[0].Budget, Is.True);
            Assert.That(plan.Shortages[0].Reason, Does.StartWith("budget: it would consume a FAILEDOVER group, and the budget (2) is spent by earlier checks; raise \"budget\" in the profile"));
            Assert.That(plan.PlannedConsumption, Is.EqualTo(2));
        }
    }

    [Test]
    public void Without_a_budget_a_real_one_site_run_plans_to_consume_nothing_and_says_how_to_allow_it()
    {
        var plan = Plan([Consumer("First", 1), Reader("Reads")], (FailedOver, 3), (Source, 1), budget: GroupBudget.For(null, embedded: false, hasPeer: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Shortages.Select(s => s.Check), Is.EqualTo(new[] { "Op.First" }), "the reader still runs");
            Assert.That(plan.Shortages[0].Reason, Does.Contain("the profile sets no budget").And.Contain("set \"budget\" in the profile"));
            Assert.That(plan.PlannedConsumption, Is.Zero);
        }
    }

    [Test]
    public void A_generated_check_runs_under_a_budget_only_when_it_covers_every_group_left_in_its_state()
    {
        var generated = new Check("Generated", AnyClause, "Op", _ => Task.CompletedTask) { Needs = [new(GroupSite.Tested, FailedOver, 0, Consumes: true) { Rest = true }] };
        var covered = Plan([Consumer("First", 1), generated], (FailedOver, 3), (Source, 5), budget: new GroupBudget(3, counts: true));
        var short1 = Plan([Consumer("First", 1), generated], (FailedOver, 3), (Source, 5), budget: new GroupBudget(2, counts: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(covered.Shortages, Is.Empty, "one consumed, two FAILEDOVER left, two of the budget left; the SOURCE groups it cannot consume");
            Assert.That(covered.PlannedConsumption, Is.EqualTo(3));
            Assert.That(short1.Shortages.Select(s => s.Reason), Is.EqualTo(new[] { "budget: its generated batches may consume any of the 2 allowlisted group(s) left in FAILEDOVER, and 1 of the budget (2) is left; raise \"budget\" in the profile (or add the peer site)" }));
        }
    }

    [Test]
    public void With_a_peer_the_budget_is_not_enforced()
    {
        var plan = RunPlan.Build([Consumer("First", 1), Consumer("Second", 1)], new Dictionary<(GroupSite, string), int> { [(GroupSite.Tested, FailedOver)] = 2 }, GroupBudget.For(0, embedded: false, hasPeer: true), hasPeer: true, resets: false, _ => true);

        Assert.That(plan.Shortages, Is.Empty);
    }

    [Test]
    public void When_every_check_starts_afresh_needs_do_not_add_up()
    {
        var plan = RunPlan.Build([Consumer("First", 2), Consumer("Second", 2)], new Dictionary<(GroupSite, string), int> { [(GroupSite.Tested, FailedOver)] = 2 }, Unlimited(), hasPeer: false, resets: true, _ => true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Shortages, Is.Empty);
            Assert.That(plan.Lines.Single().Needed, Is.EqualTo(2), "the neediest check's two groups");
        }
    }

    [Test]
    public void The_checks_of_an_operation_the_profile_declares_unimplemented_need_nothing()
    {
        var plan = RunPlan.Build([Consumer("First", 5)], new Dictionary<(GroupSite, string), int>(), Unlimited(), hasPeer: false, resets: false, _ => false);

        Assert.That(plan.Shortages, Is.Empty);
    }

    [Test]
    public void The_default_run_against_the_embedded_simulator_is_short_of_nothing()
    {
        var available = new Dictionary<(GroupSite, string), int>();
        foreach (var group in Harness.Profiles.SimulatorSettings.Default.Groups)
        {
            available[(GroupSite.Tested, group.State)] = available.GetValueOrDefault((GroupSite.Tested, group.State)) + 1;
        }

        var plan = RunPlan.Build(Catalogue.InRunOrder, available, GroupBudget.For(null, embedded: true, hasPeer: false), hasPeer: false, resets: true, _ => true);

        Assert.That(plan.Shortages, Is.Empty, string.Join("\n", plan.Describe()));
    }

    private static GroupBudget Unlimited() => new(null, counts: false);

    private static RunPlan Plan(IReadOnlyList<Check> checks, (string State, int Count) first, GroupBudget budget) => Plan(checks, first, null, budget);

    private static RunPlan Plan(IReadOnlyList<Check> checks, (string State, int Count) first, (string State, int Count)? second, GroupBudget budget)
    {
        var available = new Dictionary<(GroupSite, string), int> { [(GroupSite.Tested, first.State)] = first.Count };
        if (second is { } more)
        {
            available[(GroupSite.Tested, more.State)] = more.Count;
        }

        return RunPlan.Build(checks, available, budget, hasPeer: false, resets: false, _ => true);
    }

    private static Check Consumer(string name, int count) => new(name, AnyClause, "Op", _ => Task.CompletedTask) { Needs = [new(GroupSite.Either, FailedOver, count, Consumes: true)] };

    private static Check Reader(string name) => new(name, AnyClause, "Op", _ => Task.CompletedTask) { Needs = [new(GroupSite.Either, Source, 1, Consumes: false)] };

    private static Check SharedReader(string name) => new(name, AnyClause, "Op", _ => Task.CompletedTask) { Needs = [new(GroupSite.Either, FailedOver, 2, Consumes: true) { Minimum = 1, Shared = "success" }] };
}
