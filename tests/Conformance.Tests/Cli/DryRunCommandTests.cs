using Conformance.Cli;
using Conformance.Mutants;
using Harness.Simulator;

namespace Conformance.Tests.Cli;

/// <summary>./run.sh --dry-run: every state-changing call the run would make is listed, and none is sent.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DryRunCommandTests
{
    [Test]
    public async Task A_dry_run_against_a_provider_lists_the_calls_and_sends_no_state_changing_call()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vasa-dry-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable("VASA_DRY_USER_" + suffix, "administrator@vsphere.local");
        Environment.SetEnvironmentVariable("VASA_DRY_PASSWORD_" + suffix, MutantTarget.Password);
        Environment.SetEnvironmentVariable("VASA_OUT", directory);
        var console = Console.Out;
        using var output = new StringWriter();
        try
        {
            using var provider = SimulatedProviderServer.Start(MutantCatalogue.Faithful());
            var profile = Path.Combine(directory, "profile.json");
            await File.WriteAllTextAsync(profile, $$"""
                { "name": "dry", "target": "{{provider.BaseUri.ToString().TrimEnd('/')}}",
                  "credentials": { "userNameEnv": "VASA_DRY_USER_{{suffix}}", "passwordEnv": "VASA_DRY_PASSWORD_{{suffix}}" },
                  "groups": [ { "faultDomainId": "fd-A", "deviceGroupId": "rg-fo-1" }, { "faultDomainId": "fd-B", "deviceGroupId": "rg-fo-2" }, { "faultDomainId": "fd-A", "deviceGroupId": "rg-src-1" } ], "budget": 1 }
                """);
            Console.SetOut(output);
            var exit = await DryRunCommand.RunAsync(profile);
            Console.SetOut(console);

            var text = output.ToString();
            var sent = provider.Provider.Requests.Select(r => r.Operation).Distinct().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(0), text);
                Assert.That(sent, Does.Not.Contain("ReverseReplicateGroup_Task"), "the dry run sent a state-changing call");
                Assert.That(sent, Does.Contain("QueryReplicationGroup"), "it read the allowlisted groups");
                Assert.That(text, Does.Contain("nothing that changes state was sent"));
                Assert.That(text, Does.Contain("shared scenario: ReverseHappyPath").And.Contain("fd-A/rg-fo-1"), "a budget of one: the success scenario sends one of its two groups");
                Assert.That(text, Does.Contain("A_group_not_in_FAILEDOVER_is_not_reversed").And.Contain("fd-A/rg-src-1"));
                Assert.That(File.Exists(Path.Combine(directory, "dry-run.json")), Is.True);

                // The plan first: the success scenario spends the budget of one, so the later consuming checks are named short of it.
                Assert.That(text.IndexOf("plan (", StringComparison.Ordinal), Is.LessThan(text.IndexOf("nothing that changes state was sent", StringComparison.Ordinal)));
                Assert.That(text, Does.Contain("tested site FAILEDOVER  available   2"));
                Assert.That(text, Does.Contain("budget 1: 0 consumed, 1 left; the plan consumes 1"));
                Assert.That(text, Does.Contain("ReverseReplicateGroup_Task.Two_concurrent_reversals_of_one_group_reverse_it_once: budget: it would consume a FAILEDOVER group, and the budget (1) is spent by earlier checks"));
                Assert.That(File.Exists(Path.Combine(directory, "plan.json")), Is.True);
            });
        }
        finally
        {
            Console.SetOut(console);
            Environment.SetEnvironmentVariable("VASA_OUT", null);
            Directory.Delete(directory, recursive: true);
        }
    }
}
