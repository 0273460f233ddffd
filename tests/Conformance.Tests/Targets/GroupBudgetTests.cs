using Conformance.Checks;
using Conformance.Mutants;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Targets;
using Harness.Reporting;

namespace Conformance.Tests.Targets;

/// <summary>
/// The profile's budget: a one-site run consumes at most that many groups; a check that would consume beyond it is
/// inconclusive (never failed), naming the budget and the fix, and sends nothing for the group it was refused.
/// </summary>
[TestFixture]
public sealed class GroupBudgetTests
{
    private const string Concurrent = "Two_concurrent_reversals_of_one_group_reverse_it_once";

    [Test]
    public void A_budget_gives_as_many_groups_as_are_left_and_then_none()
    {
        var budget = new GroupBudget(3, counts: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(budget.Take(["a", "b"], "first"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(budget.Take(["c", "d"], "second"), Is.EqualTo(new[] { "c" }), "one left");
            Assert.That(budget.Take(["e"], "third"), Is.Empty);
            Assert.That((budget.Consumed, budget.Left), Is.EqualTo((3, (int?)0)));
            Assert.That(budget.Entries.Select(e => e.Check), Is.EqualTo(new[] { "first", "first", "second" }));
            Assert.That(budget.Describe(), Is.EqualTo("budget 3: 3 consumed, 0 left"));
        }
    }

    [Test]
    public void Unlimited_or_unenforced_budgets_give_every_group_and_still_count_them()
    {
        var unlimited = GroupBudget.For(null, embedded: true, hasPeer: false);
        var twoSites = GroupBudget.For(0, embedded: false, hasPeer: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unlimited.Take(["a", "b"], "x"), Has.Count.EqualTo(2));
            Assert.That(twoSites.Take(["a", "b"], "x"), Has.Count.EqualTo(2), "a two-site run restores its groups: the budget is not enforced");
            Assert.That(twoSites.Consumed, Is.EqualTo(2));
            Assert.That(GroupBudget.For(null, embedded: false, hasPeer: false).Limit, Is.Zero, "a real one-site run without a budget consumes nothing");
        }
    }

    [Test]
    public void A_generated_check_runs_only_when_the_budget_covers_every_group_it_may_take()
    {
        var budget = new GroupBudget(3, counts: true);
        budget.Take(["a"], "pick");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(budget.TakeAll(["a", "b", "c", "d"], "property"), Does.StartWith("budget: this check would consume any of the 3 allowlisted group(s) it may take"));
            Assert.That(budget.Consumed, Is.EqualTo(1), "refused: nothing taken");
            Assert.That(budget.TakeAll(["a", "b", "c"], "property"), Is.Null, "b and c fit the two left");
            Assert.That(budget.Left, Is.Zero);
        }
    }

    [Test]
    public async Task A_check_that_would_consume_beyond_the_budget_is_inconclusive_not_failed_and_sends_nothing()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        var target = sim.Target.With(budget: new GroupBudget(0, counts: true));
        var check = ReverseCatalogue.Checks.Single(c => c.Name == Concurrent);

        var result = await check.ExecuteAsync(target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(CheckOutcome.Inconclusive), result.Describe());
            Assert.That(result.Reason, Does.StartWith("budget: this check would consume a FAILEDOVER group for good, and the profile's budget allows 0 group(s) to be consumed on this one-site run and 0 already were; raise \"budget\" in the profile"));
            Assert.That(sim.Server.Provider.Requests.Count(r => r.Operation == "ReverseReplicateGroup_Task"), Is.Zero, "refused before anything was sent");
        }
    }

    [Test]
    public async Task Within_the_budget_the_check_runs_and_its_group_is_counted()
    {
        using var sim = await MutantTarget.StartAsync(MutantCatalogue.Faithful());
        var budget = new GroupBudget(1, counts: true);
        var target = sim.Target.With(budget: budget);

        var first = await ReverseCatalogue.Checks.Single(c => c.Name == Concurrent).ExecuteAsync(target);
        var second = await ReverseCatalogue.Checks.Single(c => c.Name == "A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once").ExecuteAsync(target);
        var generated = await ReverseCatalogue.Checks.Single(c => c.Name == "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts").ExecuteAsync(target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Outcome, Is.EqualTo(CheckOutcome.Passed), first.Describe());
            Assert.That(second.Outcome, Is.EqualTo(CheckOutcome.Inconclusive), second.Describe());
            Assert.That(second.Reason, Does.Contain("the profile's budget allows 1 group(s) to be consumed on this one-site run and 1 already were"));
            Assert.That(generated.Outcome, Is.EqualTo(CheckOutcome.Inconclusive), "a generated check may take any allowlisted group: " + generated.Describe());
            Assert.That((budget.Consumed, budget.Left), Is.EqualTo((1, (int?)0)));
            Assert.That(budget.Entries.Single().Check, Is.EqualTo(Concurrent));
        }
    }
}
