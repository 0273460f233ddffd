using Conformance.Checks;
using Conformance.Operations.ReverseReplicateGroup;
using Conformance.Run;
using Harness.Reporting;

namespace Conformance.Tests.Operations.ReverseReplicateGroup;

/// <summary>
/// Every plausible reading, in every check: the whole suite, in process, against the faithful embedded simulator set
/// by its profile to each reading of where a per-group error goes (U-GROUP-ERROR) and of what a repeated reversal
/// gives (U-REPEAT). No check may fail or break under any reading, and each check that meets a point notes the
/// reading it saw. The unconfirmed points themselves are checked for consistency.
/// </summary>
[TestFixture]
[Category("Readings")]
public sealed class ReadingsTests
{
    /// <summary>The checks that meet U-GROUP-ERROR with a refusal on the faithful simulator, whatever the readings.</summary>
    private static readonly string[] GroupErrorChecks =
    [
        "A_group_not_in_FAILEDOVER_is_not_reversed",
        "After_TooMany_a_split_batch_processes_every_group_exactly_once",
        "Any_batch_of_allowlisted_groups_is_reversed_as_the_state_model_predicts",
        "A_group_listed_twice_gets_DuplicateEntry_and_is_reversed_once",
    ];

    /// <summary>The checks that meet U-REPEAT.</summary>
    private static readonly string[] RepeatChecks =
    [
        "Reversing_an_already_reversed_group_never_creates_a_second_new_group",
        "Two_concurrent_reversals_of_one_group_reverse_it_once",
    ];

    private string directory = null!;

    public static IEnumerable<TestCaseData> ReadingPairs() =>
        from perGroupErrors in ReverseReadings.GroupError.Readings.Select(r => r.Id)
        from repeats in ReverseReadings.Repeat.Readings.Select(r => r.Id)
        select new TestCaseData(perGroupErrors, repeats).SetName($"The_faithful_simulator_passes_the_whole_suite_with_group_errors_as_{perGroupErrors}_and_repeats_{repeats}");

    [SetUp]
    public void CreateDirectory()
    {
        this.directory = Path.Combine(Path.GetTempPath(), "vasa-readings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(this.directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(this.directory, recursive: true);

    [TestCaseSource(nameof(ReadingPairs))]
    public async Task The_faithful_simulator_passes_the_whole_suite_under_every_reading(string perGroupErrors, string repeats)
    {
        var results = await this.RunSuiteAsync($$"""{ "perGroupErrors": "{{perGroupErrors}}", "repeats": "{{repeats}}" }""");

        var wholeRefusal = perGroupErrors != ReverseReadings.GroupErrorResult;
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Value.Outcome is CheckOutcome.Failed or CheckOutcome.Warning or CheckOutcome.Broken).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty, "no reading may fail a faithful provider");
            Assert.That(
                results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{Conformance.Mutants.MutantMatrix.ByKey[r.Key].Name}: {r.Value.Outcome}").Distinct(),
                Is.EquivalentTo(wholeRefusal ? new[] { "GroupErrorResult_error_lists_are_never_empty: NotExercised" } : []),
                "a provider that refuses whole calls sends no GroupErrorResult to judge; every other check passes");
            foreach (var name in GroupErrorChecks)
            {
                Assert.That(Readings(results[name], ReverseReadings.GroupError), Is.EqualTo(new[] { perGroupErrors }), $"{name} notes the reading it saw, and only that one");
            }

            foreach (var name in RepeatChecks)
            {
                Assert.That(Readings(results[name], ReverseReadings.Repeat), Is.EqualTo(new[] { repeats }), $"{name} notes the reading of U-REPEAT it saw");
            }

            // A repeat refused by a provider that refuses whole calls: the call is refused up front, or (when another task
            // reversed the group after the call was accepted, as in the concurrency check) through the task's error.
            var repeatReadings = RepeatChecks.SelectMany(name => Readings(results[name], ReverseReadings.GroupError)).Distinct().ToList();
            Assert.That(
                repeatReadings,
                repeats == "refused" ? Is.Not.Empty.And.SubsetOf(wholeRefusal ? new[] { perGroupErrors, ReverseReadings.TaskError } : [perGroupErrors]) : Is.Empty,
                "a refused repeat is refused by the reading of U-GROUP-ERROR the provider takes");
        });
    }

    [TestCase("InvalidRequest")]
    [TestCase("InvalidArgument")]
    public async Task The_faithful_simulator_passes_the_whole_suite_whichever_fault_refuses_a_malformed_body(string fault)
    {
        var results = await this.RunSuiteAsync($$"""{ "requestShapeFault": "{{fault}}" }""");

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => !FaithfulOutcome.Holds(r.Key, r.Value.Outcome)).Select(r => $"{r.Key}: {r.Value.Describe()}"), Is.Empty, "no reading may fail a faithful provider");
            Assert.That(Readings(results["Malformed_groupId_is_rejected_with_InvalidArgument"], ReverseReadings.MalformedFault), Is.EqualTo(new[] { fault }));
        });
    }

    [Test]
    public void Every_unconfirmed_point_has_a_unique_id_distinct_readings_and_clauses_of_its_catalogue()
    {
        var points = Catalogue.All.SelectMany(c => c.Unconfirmed.Select(p => (Catalogue: c, Point: p))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(points.GroupBy(p => p.Catalogue.Feature).Where(g => g.Select(p => p.Point.Id).Distinct().Count() != g.Count()).Select(g => g.Key), Is.Empty, "ids are unique within an operation (the shared contracts' points recur per operation)");
            Assert.That(points, Has.Count.GreaterThanOrEqualTo(7));
            foreach (var (catalogue, point) in points)
            {
                Assert.That(point.Readings, Has.Count.GreaterThanOrEqualTo(2), $"{point.Id} is unconfirmed, so it has several readings");
                Assert.That(point.Readings.Select(r => r.Id), Is.Unique, point.Id);
                Assert.That(point.Readings.Select(r => r.Description), Has.All.Not.Empty, point.Id);
                Assert.That(point.MetIn, Is.Not.Empty.And.SubsetOf(catalogue.Clauses), $"{point.Id} names the clauses of its catalogue whose checks meet it");
            }
        });
    }

    [Test]
    public void A_note_names_a_reading_of_its_point_or_the_harness_is_broken()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReverseReadings.GroupError.Seen(ReverseReadings.TaskError, "x"), Is.EqualTo("[U-GROUP-ERROR] reading 'taskError' seen: x"));
            Assert.That(() => ReverseReadings.GroupError.Seen("alreadyDone", "x"), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void The_task_types_accepted_are_the_readings_of_U_TASK_TYPE()
    {
        Assert.That(Conformance.Contracts.ContractReadings.TaskTypes, Is.EquivalentTo(ReverseReadings.TaskType.Readings.Select(r => r.Id)));
    }

    /// <summary>Runs every check, in run order, against the embedded simulator with these <c>simulator</c> settings, and prints the reading notes.</summary>
    private async Task<IReadOnlyDictionary<string, CheckResult>> RunSuiteAsync(string simulator)
    {
        var profile = Path.Combine(this.directory, "profile.json");
        await File.WriteAllTextAsync(profile, $$"""{ "name": "readings", "target": "embedded", "pollIntervalMilliseconds": 10, "simulator": {{simulator}} }""");
        using var run = await RunFactory.CreateAsync(profile, this.directory, Environment.GetEnvironmentVariable);
        Assert.That(run.Abort, Is.Null, run.Abort?.Message);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var check in Catalogue.InRunOrder)
        {
            results[check.Key] = await run.RunCheckAsync(check);
        }

        run.Finish();
        foreach (var (name, result) in results.Where(r => r.Value.Notes.Any(IsReadingNote)))
        {
            await TestContext.Out.WriteLineAsync($"{name} ({result.Outcome}): {string.Join(" | ", result.Notes.Where(IsReadingNote).Distinct())}");
        }

        return new SuiteResults(results);
    }

    private static bool IsReadingNote(string note) => note.StartsWith("[U-", StringComparison.Ordinal);

    /// <summary>The readings of <paramref name="point"/> a check noted, each once.</summary>
    private static List<string> Readings(CheckResult result, UnconfirmedPoint point) =>
        result.Notes.Where(n => n.StartsWith($"[{point.Id}] reading '", StringComparison.Ordinal))
            .Select(n => n[$"[{point.Id}] reading '".Length..n.IndexOf("' seen", StringComparison.Ordinal)])
            .Distinct()
            .ToList();
}
