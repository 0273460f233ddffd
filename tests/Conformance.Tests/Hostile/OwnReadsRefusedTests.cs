using Harness.Reporting;

namespace Conformance.Tests.Hostile;

/// <summary>
/// A provider that refuses, cuts or garbles the suite's own reads (QueryReplicationGroup, QueryProviderInfo) leaves
/// the checks that need them unverified: they are broken, naming the read and the cause, so that such a run never
/// passes the gate quietly as a list of inconclusive checks.
/// </summary>
[TestFixture]
[Category("Hostile")]
public sealed class OwnReadsRefusedTests
{
    private EmbeddedSuite suite = null!;

    [SetUp]
    public void CreateSuite() => this.suite = new EmbeddedSuite();

    [TearDown]
    public void RemoveSuite() => this.suite.Dispose();

    [TestCase("\"simulator\": { \"faults\": [ { \"operation\": \"QueryReplicationGroup\", \"fault\": \"InvalidRequest\" } ] },", "was refused with InvalidRequest: the provider refuses a request shape VMware's definitions allow (see out/wire.json)")]
    [TestCase("\"simulator\": { \"faults\": [ { \"operation\": \"QueryReplicationGroup\", \"fault\": \"InvalidArgument\" } ] },", "was refused with InvalidArgument")]
    [TestCase("\"maxResponseBytes\": 65536, \"simulator\": { \"transportFaults\": [ { \"operation\": \"QueryReplicationGroup\", \"kind\": \"oversized\", \"sizeBytes\": 1048576 } ] },", "was cut at the size cap: response body exceeds the 65536 byte cap (maxResponseBytes)")]
    [TestCase("\"simulator\": { \"transportFaults\": [ { \"operation\": \"QueryReplicationGroup\", \"kind\": \"html\" } ] },", "was answered outside the protocol: HTTP 500 with content type 'text/html' instead of a JSON MethodFault body")]
    public async Task A_QueryReplicationGroup_read_the_provider_refuses_or_garbles_breaks_every_check_that_reads_naming_the_read(string fields, string cause)
    {
        var run = await this.suite.RunAsync(fields);

        var broken = run.Checks.Where(c => c.Outcome == CheckOutcome.Broken).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Harness.Reporting.RunVerdict.IncompleteExitCode), "a run whose reads broke is INCOMPLETE: it does not pass the gate");
            Assert.That(broken, Has.Count.GreaterThanOrEqualTo(10), string.Join(Environment.NewLine, run.NotPassed()));
            Assert.That(broken.Select(c => c.Message), Is.All.StartWith("broken: the suite's own QueryReplicationGroup read " + cause));
            Assert.That(run.Checks.Select(c => c.Message ?? string.Empty), Has.None.Contain("could not read group states"), "no check is quietly inconclusive for it");
            Assert.That(run.Check("Empty_groupId_is_rejected_with_InvalidArgument").Outcome, Is.EqualTo(CheckOutcome.Broken), "it reads the states before and after");
            Assert.That(run.Check("The_provider_reports_the_Replication_profile").Outcome, Is.EqualTo(CheckOutcome.Passed), "a check that needs no such read still runs");
        });
    }

    [Test]
    public async Task A_QueryProviderInfo_answered_with_an_HTML_page_breaks_the_checks_that_need_the_provider_information()
    {
        var run = await this.suite.RunAsync("\"simulator\": { \"transportFaults\": [ { \"operation\": \"QueryProviderInfo\", \"kind\": \"html\" } ] },");

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "The_provider_reports_the_Replication_profile", "The_declared_batch_limit_matches_maxBatchSize", "An_oversized_batch_is_rejected_with_TooMany" })
            {
                Assert.That(run.Check(name).Outcome, Is.EqualTo(CheckOutcome.Broken), name);
                Assert.That(run.Check(name).Message, Does.StartWith("broken: the suite's own QueryProviderInfo read while connecting was answered outside the protocol"), name);
            }

            Assert.That(run.Check("Empty_groupId_is_rejected_with_InvalidArgument").Outcome, Is.EqualTo(CheckOutcome.Passed), "checks that need no provider information still run");
        });
    }
}
