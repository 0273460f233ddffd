using Conformance.Checks;
using Conformance.Operations.ReverseReplicateGroup;
using Harness.Reporting;
using Harness.Simulator;
using Conformance.Targets;
using Conformance.Mutants;

namespace Conformance.Tests.Operations.ReverseReplicateGroup;

/// <summary>
/// The catalogue's own consistency (clauses, checks, gaps, the committed clause list), and the outcomes that are
/// not a failure: inconclusive without a precondition, not applicable without a capability.
/// </summary>
[TestFixture]
public sealed class ReverseCatalogueTests
{
    [Test]
    public void Every_clause_has_at_least_one_check_and_ids_are_unique()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReverseCatalogue.Clauses.Select(c => c.Id), Is.Unique);
            Assert.That(ReverseCatalogue.Checks.Select(c => c.Name), Is.Unique);
            Assert.That(Catalogue.All.Single(c => c.Feature == ReverseCatalogue.Feature).Gaps.Select(c => c.Id), Is.EquivalentTo(new[] { "RRG-PRIV-1" }), "clauses without a check are exactly the known gaps");
            Assert.That(ReverseCatalogue.Checks.SelectMany(k => k.Clauses).Where(c => !ReverseCatalogue.Clauses.Contains(c)).Select(c => c.Id), Is.Empty, "checks of an unlisted clause");
        });
    }

    [Test]
    public void Every_clause_justifies_its_level_from_its_source()
    {
        var clauses = Catalogue.All.SelectMany(c => c.Clauses).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(clauses.Where(c => c.Why.Length < 20).Select(c => c.Id), Is.Empty, "clauses without a sentence saying why they have their level");
            Assert.That(clauses.Where(c => !c.LevelFitsBasis).Select(c => $"{c.Id}: {c.Level} on {c.Basis}"), Is.Empty, "MUST only where the seed or VMware states it; SHOULD where inferred, unconfirmed or robustness");
            Assert.That(ReverseCatalogue.MalformedArgument.Level, Is.EqualTo(ClauseLevel.Should), "the seed asks only that a null or empty groupId be refused");
            Assert.That(ReverseCatalogue.InvalidArgument.Level, Is.EqualTo(ClauseLevel.Must));
        });
    }

    [Test]
    public void Each_clause_reference_points_at_its_row_in_the_committed_clause_list_and_no_local_path()
    {
        var lines = File.ReadAllLines(Path.Combine(Conformance.Run.RunPaths.RepoRoot, "docs", "clauses.md"));
        var references = Conformance.Run.ClauseReferences.Build(_ => null);
        Assert.Multiple(() =>
        {
            foreach (var clause in Catalogue.All.SelectMany(c => c.Clauses))
            {
                var reference = references[clause.Id];
                Assert.That(lines[reference.Line - 1], Does.StartWith($"| {clause.Id} |"), clause.Id);
                Assert.That(reference.HelpUri.Scheme, Is.EqualTo("https"), "an absolute page, never a file on this machine");
            }

            var hosted = Conformance.Run.ClauseReferences.Build(n => n switch { "GITHUB_SERVER_URL" => "https://github.com", "GITHUB_REPOSITORY" => "acme/vasa", "GITHUB_SHA" => "abc", _ => null });
            Assert.That(hosted["RRG-ARG-1"].HelpUri.AbsoluteUri, Is.EqualTo($"https://github.com/acme/vasa/blob/abc/docs/clauses.md#L{references["RRG-ARG-1"].Line}"));
        });
    }

    [Test]
    public void Each_clause_links_its_own_section_of_VMwares_reference_the_sms_type_it_names_else_the_operation()
    {
        var references = Conformance.Run.ClauseReferences.Build(_ => null);
        Assert.Multiple(() =>
        {
            Assert.That(references["RRG-BATCH-1"].VmwareTopic, Is.EqualTo("TooMany"));
            Assert.That(references["RRG-BATCH-1"].VmwarePage.AbsoluteUri, Is.EqualTo("https://developer.broadcom.com/xapis/vcenter-storage-monitoring-service-api/latest/sms.fault.TooMany.html"));
            Assert.That(references["RRG-BATCH-1"].HelpUri, Is.EqualTo(references["RRG-BATCH-1"].VmwarePage), "without a hosted clause list, SARIF's helpUri is the clause's VMware page");
            // Every topic is an sms.* type of VMware's catalogue, or the operation itself.
            foreach (var (id, reference) in references)
            {
                var isOperation = reference.VmwarePage.AbsoluteUri == Conformance.Run.ClauseReferences.ApiPage(reference.VmwareTopic);
                var isSmsType = Harness.Oracle.TypeCatalogue.Default.DataTypeByWsdl(reference.VmwareTopic)?.Name is { } vmodl && reference.VmwarePage.AbsoluteUri.EndsWith($"/{vmodl}.html", StringComparison.Ordinal)
                    || Harness.Oracle.TypeCatalogue.Default.EnumByWsdl(reference.VmwareTopic) is not null;
                Assert.That(isOperation || isSmsType, Is.True, $"{id}: {reference.VmwareTopic} → {reference.VmwarePage}");
            }
        });
    }

    [Test]
    public void The_committed_clause_list_is_generated_from_the_catalogue()
    {
        var committed = File.ReadAllText(Path.Combine(Conformance.Run.RunPaths.RepoRoot, "docs", "clauses.md"));
        Assert.That(committed, Is.EqualTo(Conformance.Run.Traceability.CatalogueMarkdown(Catalogue.All)), "docs/clauses.md is stale: regenerate it with `Conformance catalogue > docs/clauses.md`");
    }

    [Test]
    public async Task No_allowlisted_FAILEDOVER_group_makes_the_success_checks_inconclusive_not_passed()
    {
        var options = MutantCatalogue.Faithful() with { Groups = MutantCatalogue.Faithful().Groups.Where(g => g.State != "FAILEDOVER").ToList() };
        var results = await RunAllAsync(options, features: ReverseOnly);
        Assert.Multiple(() =>
        {
            Assert.That(results["A_successful_call_answers_200_with_a_task_MoRef"].Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
            Assert.That(results["A_successful_call_answers_200_with_a_task_MoRef"].Reason, Does.Contain("no allowlisted group is FAILEDOVER"));
            Assert.That(results["A_reversed_group_reads_as_SOURCE_afterwards"].Outcome, Is.EqualTo(CheckOutcome.Inconclusive));
        });
    }

    [Test]
    public async Task Task_results_sent_as_a_bare_array_are_accepted_with_a_note()
    {
        var results = await RunAllAsync(MutantCatalogue.Faithful() with { BareTaskResults = true });
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty);
            Assert.That(results["Each_requested_group_gets_exactly_one_result"].Notes, Has.Some.Contains("bare JSON array"));
        });
    }

    [Test]
    public async Task A_provider_without_maxBatchSize_makes_the_TooMany_checks_not_applicable()
    {
        var results = await RunAllAsync(MutantCatalogue.Faithful() with { MaxBatchSize = null, BatchLimit = null });
        Assert.Multiple(() =>
        {
            Assert.That(results["An_oversized_batch_is_rejected_with_TooMany"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
            Assert.That(results["After_TooMany_a_split_batch_processes_every_group_exactly_once"].Outcome, Is.EqualTo(CheckOutcome.NotApplicable));
        });
    }

    [Test]
    public async Task TooMany_without_maxBatchSize_is_split_one_group_at_a_time()
    {
        var results = await RunAllAsync(MutantCatalogue.Faithful() with { TooManyReportsMaxBatchSize = false });
        var split = results["After_TooMany_a_split_batch_processes_every_group_exactly_once"];
        Assert.Multiple(() =>
        {
            Assert.That(split.Outcome, Is.EqualTo(CheckOutcome.Passed), split.Describe());
            Assert.That(split.Notes, Has.Some.Contains("at most 1"));
        });
    }

    [Test]
    public async Task A_failed_property_reports_its_seed_and_a_minimal_batch()
    {
        var results = await RunAllAsync(MutantCatalogue.Faithful(Deviation.ReverseNonFailedOverGroups), features: ReverseOnly);
        var property = results["Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts"];
        Assert.Multiple(() =>
        {
            Assert.That(property.Reason, Does.Contain("VASA_SEED=12345"));
            Assert.That(property.Reason, Does.Match(@"minimal case \[[^,\]]+\]"), "shrunk to a single group");
        });
    }

    /// <summary>Reverse's checks alone: for the tests of what only Reverse's checks judge (the lifecycle's meet the same contracts and have their own tests).</summary>
    internal static readonly IReadOnlySet<string> ReverseOnly = new HashSet<string>(StringComparer.Ordinal) { ReverseCatalogue.Feature };

    internal static async Task<IReadOnlyDictionary<string, CheckResult>> RunAllAsync(SimulatedProviderOptions options, IReadOnlyDictionary<string, DeclaredCapability>? capabilities = null, IReadOnlySet<string>? features = null) =>
        new SuiteResults(await MutantMatrix.RunOneAsync(options, capabilities, features));
}
