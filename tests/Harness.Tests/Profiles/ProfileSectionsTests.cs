using Harness.Profiles;
using Harness.Simulator;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>The capabilities, propertyTests and retry blocks and the simulator's faults and timing fields load as written, with documented defaults.</summary>
[TestFixture]
public sealed class ProfileSectionsTests
{
    public static IEnumerable<string> KnownOperations => OperationCapability.KnownOperations;

    public static IEnumerable<string> InjectableFaults => SimulatedFault.FaultNames;

    [Test]
    public void A_profile_without_the_new_blocks_gets_their_defaults()
    {
        var profile = Load(Remote("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Capabilities, Is.Empty);
            Assert.That(profile.PropertyTests, Is.SameAs(PropertyTestSettings.Default));
            Assert.That(profile.PropertyTests.Preset, Is.EqualTo("quick"));
            Assert.That(profile.PropertyTests.Cases, Is.Null);
            Assert.That(profile.PropertyTests.Seed, Is.Null);
            Assert.That(profile.Retry, Is.SameAs(RetrySettings.Default));
            Assert.That(profile.Retry.Attempts, Is.EqualTo(3));
            Assert.That(profile.Retry.InitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(profile.Retry.Budget, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public void An_undeclared_operation_is_implemented_without_a_limit_and_not_declared()
    {
        var capability = Load(Remote("{'capabilities':{'QueryReplicationGroup':{}}}")).CapabilityOf("ReverseReplicateGroup_Task");

        Assert.Multiple(() =>
        {
            Assert.That(capability, Is.SameAs(OperationCapability.Undeclared));
            Assert.That(capability.IsDeclared, Is.False);
            Assert.That(capability.Implemented, Is.True);
            Assert.That(capability.BatchLimit, Is.Null);
        });
    }

    [Test]
    public void A_declared_capability_defaults_to_implemented_without_a_limit()
    {
        var capability = Load(Remote("{'capabilities':{'QueryReplicationGroup':{}}}")).CapabilityOf("QueryReplicationGroup");

        Assert.That(capability, Is.EqualTo(new OperationCapability { Implemented = true, BatchLimit = null, IsDeclared = true }));
    }

    [Test]
    public void Declared_capabilities_load_as_written()
    {
        var profile = Load(Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'implemented':true,'batchLimit':8},'PromoteReplicationGroup_Task':{'implemented':false},'SyncReplicationGroup_Task':{'batchLimit':null},'QueryReplicationGroup':{'batchLimit':9223372036854775807}}}"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Capabilities.Keys, Is.EquivalentTo(new[] { "ReverseReplicateGroup_Task", "PromoteReplicationGroup_Task", "SyncReplicationGroup_Task", "QueryReplicationGroup" }));
            Assert.That(profile.CapabilityOf("ReverseReplicateGroup_Task"), Is.EqualTo(new OperationCapability { Implemented = true, BatchLimit = 8 }));
            Assert.That(profile.CapabilityOf("PromoteReplicationGroup_Task"), Is.EqualTo(new OperationCapability { Implemented = false }));
            Assert.That(profile.CapabilityOf("SyncReplicationGroup_Task").BatchLimit, Is.Null);
            Assert.That(profile.CapabilityOf("QueryReplicationGroup").BatchLimit, Is.EqualTo(long.MaxValue));
            Assert.That(profile.Capabilities.Values.Select(c => c.IsDeclared), Is.All.True);
        });
    }

    [TestCaseSource(nameof(KnownOperations))]
    public void Every_known_operation_may_be_declared(string operation)
    {
        var profile = Load(Remote($"{{'capabilities':{{'{operation}':{{'batchLimit':1}}}}}}"));

        Assert.That(profile.CapabilityOf(operation).BatchLimit, Is.EqualTo(1));
    }

    [Test]
    public void An_empty_capabilities_block_declares_nothing()
    {
        Assert.That(Load(Remote("{'capabilities':{}}")).Capabilities, Is.Empty);
    }

    [TestCase("{'preset':'thorough'}", "thorough", null, null)]
    [TestCase("{'preset':'quick','cases':1}", "quick", 1, null)]
    [TestCase("{'cases':100000,'seed':0}", "quick", 100000, 0UL)]
    [TestCase("{'seed':18446744073709551615}", "quick", null, ulong.MaxValue)]
    [TestCase("{}", "quick", null, null)]
    public void Property_test_settings_load_as_written(string block, string preset, int? cases, ulong? seed)
    {
        var settings = Load(Remote($"{{'propertyTests':{block}}}")).PropertyTests;

        Assert.That(settings, Is.EqualTo(new PropertyTestSettings { Preset = preset, Cases = cases, Seed = seed }));
    }

    [TestCase("{'attempts':0,'initialDelayMilliseconds':1,'budgetSeconds':1}", 0, 1, 1)]
    [TestCase("{'attempts':20,'initialDelayMilliseconds':60000,'budgetSeconds':3600}", 20, 60000, 3600)]
    [TestCase("{'initialDelayMilliseconds':10}", 3, 10, 30)]
    [TestCase("{}", 3, 500, 30)]
    public void Retry_settings_load_as_written_with_defaults_for_the_rest(string block, int attempts, int delay, int budget)
    {
        var retry = Load(Remote($"{{'retry':{block}}}")).Retry;

        Assert.That(retry, Is.EqualTo(new RetrySettings { Attempts = attempts, InitialDelayMilliseconds = delay, BudgetSeconds = budget }));
    }

    [Test]
    public void The_new_blocks_are_allowed_for_the_embedded_target_too()
    {
        var profile = Load(Embedded("{'capabilities':{'ReverseReplicateGroup_Task':{'batchLimit':8}},'propertyTests':{'preset':'thorough'},'retry':{'attempts':0}}"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.CapabilityOf("ReverseReplicateGroup_Task").BatchLimit, Is.EqualTo(8));
            Assert.That(profile.PropertyTests.Preset, Is.EqualTo("thorough"));
            Assert.That(profile.Retry.Attempts, Is.EqualTo(0));
        });
    }

    [Test]
    public void Simulator_timing_fields_default_to_no_latency_no_duration_and_two_progress_steps()
    {
        var simulator = Load(Embedded("{'simulator':{}}")).Simulator!;

        Assert.Multiple(() =>
        {
            Assert.That(simulator.LatencyMilliseconds, Is.EqualTo(0));
            Assert.That(simulator.TaskDurationMilliseconds, Is.EqualTo(0));
            Assert.That(simulator.ProgressSteps, Is.EqualTo(2));
            Assert.That(simulator.Faults, Is.Empty);
        });
    }

    [Test]
    public void Simulator_timing_fields_load_at_their_bounds()
    {
        var low = Load(Embedded("{'simulator':{'latencyMilliseconds':0,'taskDurationMilliseconds':0,'progressSteps':1}}")).Simulator!;
        var high = Load(Embedded("{'simulator':{'latencyMilliseconds':60000,'taskDurationMilliseconds':3600000,'progressSteps':100}}")).Simulator!;

        Assert.Multiple(() =>
        {
            Assert.That((low.LatencyMilliseconds, low.TaskDurationMilliseconds, low.ProgressSteps), Is.EqualTo((0, 0, 1)));
            Assert.That((high.LatencyMilliseconds, high.TaskDurationMilliseconds, high.ProgressSteps), Is.EqualTo((60000, 3600000, 100)));
        });
    }

    [Test]
    public void A_fault_entry_defaults_to_Reverse_every_call_and_the_call_route()
    {
        var fault = Load(Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy'}]}}")).Simulator!.Faults.Single();

        Assert.That(fault, Is.EqualTo(new FaultInjection { Operation = "ReverseReplicateGroup_Task", Fault = "ProviderBusy", Times = null, Route = "call" }));
    }

    [Test]
    public void Fault_entries_load_as_written_in_order()
    {
        var json = Embedded("{'simulator':{'faults':[{'operation':'QuerySmsTaskInfo','fault':'ProviderUnavailable','times':2,'route':'call'},{'fault':'TooMany','times':1,'route':'task'},{'operation':'QueryProviderInfo','fault':'NotFound'}]}}");

        var faults = Load(json).Simulator!.Faults;

        Assert.That(faults, Is.EqualTo(new[]
        {
            new FaultInjection { Operation = "QuerySmsTaskInfo", Fault = "ProviderUnavailable", Times = 2, Route = "call" },
            new FaultInjection { Operation = "ReverseReplicateGroup_Task", Fault = "TooMany", Times = 1, Route = "task" },
            new FaultInjection { Operation = "QueryProviderInfo", Fault = "NotFound", Times = null, Route = "call" },
        }));
    }

    [TestCaseSource(nameof(InjectableFaults))]
    public void Every_injectable_fault_is_accepted(string fault)
    {
        var loaded = Load(Embedded($"{{'simulator':{{'faults':[{{'fault':'{fault}'}}]}}}}")).Simulator!.Faults.Single();

        Assert.That(loaded.Fault, Is.EqualTo(fault));
    }

    [Test]
    public void To_options_carries_every_simulator_setting_and_the_login()
    {
        var options = new ProfileLoadOptions { KnownDeviations = Enum.GetNames<Deviation>().ToHashSet(StringComparer.Ordinal) };
        var json = Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-X','deviceGroupId':'rg-1','state':'FAILEDOVER'}],'maxBatchSize':null,'batchLimit':3,'tooManyReportsMaxBatchSize':false,'taskPollsToComplete':4,'providerName':'P','providerVersion':'2.0','vasaVersion':'6.0','latencyMilliseconds':7,'taskDurationMilliseconds':11,'progressSteps':5,'faults':[{'operation':'QueryReplicationGroup','fault':'ProviderBusy','times':2},{'fault':'SmsReplicationFault','route':'task'}],'deviations':['NoStateChange','ProgressDecreases'],'requestShapeFault':'InvalidArgument','perGroupErrors':'taskError','repeats':'refused','lifecycle':{'concurrentSync':'syncOngoing','peerAfterFailover':'target','plannedFailoverNeedsPrepare':true,'testFailoverStartResult':'array','testFailoverStopWithoutForce':'staysInTest','promoteCapable':false,'peerAfterPromote':'target'}}}");
        var settings = ProfileLoader.Parse(json, "sim.json", options).Profile!.Simulator!;

        var sim = settings.ToOptions("user@local", "pw-123");

        Assert.Multiple(() =>
        {
            Assert.That(sim.Groups, Is.EqualTo(new[] { new SimulatedGroup("fd-X", "rg-1", "FAILEDOVER") }));
            Assert.That(sim.MaxBatchSize, Is.Null);
            Assert.That(sim.BatchLimit, Is.EqualTo(3));
            Assert.That(sim.TooManyReportsMaxBatchSize, Is.False);
            Assert.That(sim.TaskPollsToComplete, Is.EqualTo(4));
            Assert.That(sim.ProviderName, Is.EqualTo("P"));
            Assert.That(sim.ProviderVersion, Is.EqualTo("2.0"));
            Assert.That(sim.VasaVersion, Is.EqualTo("6.0"));
            Assert.That(sim.LatencyMilliseconds, Is.EqualTo(7));
            Assert.That(sim.TaskDurationMilliseconds, Is.EqualTo(11));
            Assert.That(sim.ProgressSteps, Is.EqualTo(5));
            Assert.That(sim.UserName, Is.EqualTo("user@local"));
            Assert.That(sim.Password, Is.EqualTo("pw-123"));
            Assert.That(sim.Deviations, Is.EquivalentTo(new[] { Deviation.NoStateChange, Deviation.ProgressDecreases }));
            Assert.That(sim.RequestShapeFault, Is.EqualTo(RequestShapeFault.InvalidArgument));
            Assert.That(sim.PerGroupErrors, Is.EqualTo(PerGroupErrorReading.TaskError));
            Assert.That(sim.Repeats, Is.EqualTo(RepeatReading.Refused));
            Assert.That(sim.Lifecycle, Is.EqualTo(new SimulatedLifecycleReadings
            {
                ConcurrentSync = ConcurrentSyncReading.SyncOngoing,
                PeerAfterFailover = PeerReading.Target,
                PlannedFailoverNeedsPrepare = true,
                TestFailoverStartResult = TestFailoverStartResultReading.Array,
                TestFailoverStopWithoutForce = TestFailoverStopReading.StaysInTest,
                PromoteCapable = false,
                PeerAfterPromote = PeerReading.Target,
            }));
            Assert.That(sim.Faults, Is.EqualTo(new[]
            {
                new SimulatedFault { Operation = "QueryReplicationGroup", Fault = "ProviderBusy", Times = 2, Route = FaultRoute.Call },
                new SimulatedFault { Operation = "ReverseReplicateGroup_Task", Fault = "SmsReplicationFault", Times = null, Route = FaultRoute.Task },
            }));
        });
    }

    [Test]
    public void To_options_of_the_default_settings_is_a_faithful_simulator()
    {
        var sim = SimulatorSettings.Default.ToOptions("u", "p");

        Assert.Multiple(() =>
        {
            Assert.That(sim.Deviations, Is.Empty);
            Assert.That(sim.Faults, Is.Empty);
            Assert.That(sim.Groups, Is.EqualTo(SimulatorSettings.DefaultGroups));
            Assert.That(sim.TaskPollsToComplete, Is.EqualTo(2));
            Assert.That(sim.ProgressSteps, Is.EqualTo(2));
            Assert.That(sim.RequestShapeFault, Is.EqualTo(RequestShapeFault.InvalidRequest), "strict on request shapes, as vCenter's deserializer");
            Assert.That(sim.PerGroupErrors, Is.EqualTo(PerGroupErrorReading.GroupErrorResult));
            Assert.That(sim.Repeats, Is.EqualTo(RepeatReading.AlreadyDone));
            Assert.That(sim.Lifecycle, Is.EqualTo(new SimulatedLifecycleReadings()));
        });
    }

    [Test]
    public void A_lifecycle_block_with_some_readings_takes_the_default_of_the_others()
    {
        var lifecycle = Load(Embedded("{'simulator':{'lifecycle':{'testFailoverStopWithoutForce':'notSupported','promoteCapable':false}}}")).Simulator!.Lifecycle;

        Assert.That(lifecycle, Is.EqualTo(new SimulatedLifecycleReadings { TestFailoverStopWithoutForce = TestFailoverStopReading.NotSupported, PromoteCapable = false }));
    }

    [TestCase("{'concurrentSync':'ongoing'}", "$.simulator.lifecycle.concurrentSync", "'ongoing' is not a reading; use one of 'success', 'syncOngoing'")]
    [TestCase("{'peerAfterPromote':'SOURCE'}", "$.simulator.lifecycle.peerAfterPromote", "'SOURCE' is not a reading; use one of 'unchanged', 'target'")]
    [TestCase("{'testFailoverStartResult':'none'}", "$.simulator.lifecycle.testFailoverStartResult", "'none' is not a reading; use one of 'void', 'array'")]
    [TestCase("{'promoteCapable':'yes'}", "$.simulator.lifecycle.promoteCapable", "expected")]
    [TestCase("{'peerAfterFailovr':'target'}", "$.simulator.lifecycle.peerAfterFailovr", "did you mean 'peerAfterFailover'")]
    public void A_wrong_lifecycle_reading_names_its_field_and_the_fix(string lifecycle, string path, string message)
    {
        var result = ProfileLoader.Parse(Embedded($"{{'simulator':{{'lifecycle':{lifecycle}}}}}"), "test.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Has.Count.EqualTo(1), result.FormatErrors());
            Assert.That(result.FormatErrors(), Does.Contain(path).And.Contain(message));
        });
    }

    [TestCase("groupErrorResult", PerGroupErrorReading.GroupErrorResult)]
    [TestCase("taskError", PerGroupErrorReading.TaskError)]
    [TestCase("wholeCallFault", PerGroupErrorReading.WholeCallFault)]
    public void Each_reading_of_perGroupErrors_is_accepted(string text, PerGroupErrorReading reading)
    {
        Assert.That(Load(Embedded($"{{'simulator':{{'perGroupErrors':'{text}'}}}}")).Simulator!.PerGroupErrors, Is.EqualTo(reading));
    }

    [TestCase("'TaskError'", "'TaskError' is not a reading; use one of 'groupErrorResult', 'taskError', 'wholeCallFault'")]
    [TestCase("3", "expected a string")]
    public void A_wrong_perGroupErrors_names_the_field_and_the_readings_in_one_line(string value, string message)
    {
        var result = ProfileLoader.Parse(Embedded($"{{'simulator':{{'perGroupErrors':{value}}}}}"), "test.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Has.Count.EqualTo(1), result.FormatErrors());
            Assert.That(result.FormatErrors(), Does.Contain("$.simulator.perGroupErrors").And.Contain(message));
        });
    }

    [TestCase("alreadyDone", RepeatReading.AlreadyDone)]
    [TestCase("refused", RepeatReading.Refused)]
    public void Each_reading_of_repeats_is_accepted(string text, RepeatReading reading)
    {
        Assert.That(Load(Embedded($"{{'simulator':{{'repeats':'{text}'}}}}")).Simulator!.Repeats, Is.EqualTo(reading));
    }

    [Test]
    public void An_unknown_repeats_names_the_field_and_the_readings()
    {
        var result = ProfileLoader.Parse(Embedded("{'simulator':{'repeats':'error'}}"), "test.json");

        Assert.That(result.FormatErrors(), Does.Contain("$.simulator.repeats").And.Contain("'error' is not a reading; use one of 'alreadyDone', 'refused'"));
    }

    [Test]
    public void An_unknown_requestShapeFault_names_the_field_and_the_choices()
    {
        var result = ProfileLoader.Parse(Embedded("{'simulator':{'requestShapeFault':'Lenient'}}"), "test.json");

        Assert.That(result.FormatErrors(), Does.Contain("simulator.requestShapeFault").And.Contain("'InvalidRequest', 'InvalidArgument', 'none'"));
    }

    [Test]
    public void Strict_and_acceptedUnverified_load_as_written_and_default_to_off_and_none()
    {
        var plain = Load(Remote("{}"));
        var profile = Load(Remote("{'strict':true,'acceptedUnverified':[{'clause':'RRG-CONC-1','reason':'one FAILEDOVER group in the lab','expires':'2027-03-31'},{'check':'A_call_without_a_session_is_refused','reason':'VASA-7','expires':'2027-01-01'}]}"));

        Assert.Multiple(() =>
        {
            Assert.That((plain.Strict, plain.AcceptedUnverified.Count), Is.EqualTo((false, 0)));
            Assert.That(profile.Strict, Is.True);
            Assert.That(profile.AcceptedUnverified.Select(e => (e.Subject, e.Reason, e.Expires)), Is.EqualTo(new[]
            {
                ("clause RRG-CONC-1", "one FAILEDOVER group in the lab", new DateOnly(2027, 3, 31)),
                ("A_call_without_a_session_is_refused", "VASA-7", new DateOnly(2027, 1, 1)),
            }));
        });
    }

    [Test]
    public void Budget_loads_as_written_and_is_unset_by_default()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Load(Remote("{}")).Budget, Is.Null, "unset: the run reads it as unlimited for the embedded simulator and 0 for a real provider");
            Assert.That(Load(Remote("{'budget':0}")).Budget, Is.Zero);
            Assert.That(Load(Remote("{'budget':6}")).Budget, Is.EqualTo(6));
        });
    }

    [TestCase("{'acceptedUnverified':[{'clause':'RRG-CONC-1','expires':'2027-03-31'}]}", "$.acceptedUnverified[0].reason", "why the clause cannot be verified")]
    [TestCase("{'acceptedUnverified':[{'clause':'RRG-CONC-1','reason':'lab'}]}", "$.acceptedUnverified[0].expires", "every acceptance needs an end")]
    [TestCase("{'acceptedUnverified':[{'clause':'RRG-CONC-1','reason':'lab','expires':'soon'}]}", "$.acceptedUnverified[0].expires", "is not a date")]
    [TestCase("{'acceptedUnverified':[{'reason':'lab','expires':'2027-03-31'}]}", "$.acceptedUnverified[0]", "exactly one of")]
    [TestCase("{'acceptedUnverified':[{'clause':'X','reason':'lab','expires':'2027-03-31','until':'x'}]}", "$.acceptedUnverified[0].until", "")]
    [TestCase("{'strict':'yes'}", "$.strict", "")]
    [TestCase("{'budget':-1}", "$.budget", "'budget' must be between 0 and 100000")]
    [TestCase("{'budget':1.5}", "$.budget", "expected a whole number between 0 and 100000")]
    [TestCase("{'budget':'4'}", "$.budget", "expected an integer, got a string")]
    [TestCase("{'budget':null}", "$.budget", "expected an integer")]
    public void A_bad_acceptedUnverified_entry_or_strict_value_names_its_field(string overrides, string path, string fragment) =>
        ProfileErrorAssert.HasError(ProfileLoader.Parse(Remote(overrides), "test.json"), path, fragment);

    [Test]
    public void To_options_refuses_an_unknown_deviation_name()
    {
        var settings = SimulatorSettings.Default with { Deviations = ["NotADeviation"] };

        Assert.That(() => settings.ToOptions("u", "p"), Throws.ArgumentException);
    }

    private static Profile Load(string json)
    {
        var result = ProfileLoader.Parse(json, "test.json");
        Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        return result.Profile!;
    }
}
