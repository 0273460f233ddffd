using Harness.Profiles;
using static Harness.Tests.Profiles.ProfileJson;

namespace Harness.Tests.Profiles;

/// <summary>One case per validation rule: each bad field gives an error at its JSON path that says how to fix it.</summary>
[TestFixture]
public sealed class ProfileValidationTests
{
    private static IEnumerable<TestCaseData> TopLevelRules()
    {
        yield return Case("Missing_name_is_required", Remote("{}", "name"), "$.name", "required field 'name' is missing");
        yield return Case("Empty_name_is_refused", Remote("{'name':''}"), "$.name", "is not a valid profile name");
        yield return Case("Name_with_a_space_is_refused", Remote("{'name':'my lab'}"), "$.name", "A-Z a-z 0-9 . _ -");
        yield return Case("Name_longer_than_64_characters_is_refused", Remote($"{{'name':'{new string('a', 65)}'}}"), "$.name", "1 to 64");
        yield return Case("Name_that_is_a_number_is_refused", Remote("{'name':42}"), "$.name", "expected a string, got a number");
        yield return Case("Missing_target_is_required", Remote("{}", "target"), "$.target", "required field 'target' is missing");
        yield return Case("Plain_http_to_a_remote_host_is_refused", Remote("{'target':'http://vcenter.example.com'}"), "$.target", "plain http is only allowed to a loopback host");
        yield return Case("Plain_http_to_a_private_address_is_refused", Remote("{'target':'http://10.0.0.1'}"), "$.target", "plain http is only allowed to a loopback host");
        yield return Case("Target_with_a_path_is_refused", Remote("{'target':'https://vcenter.example.com/sdk'}"), "$.target", "has a path, query or fragment");
        yield return Case("Target_with_a_query_is_refused", Remote("{'target':'https://vcenter.example.com/?x=1'}"), "$.target", "has a path, query or fragment");
        yield return Case("Target_with_a_fragment_is_refused", Remote("{'target':'https://vcenter.example.com#top'}"), "$.target", "has a path, query or fragment");
        yield return Case("Target_without_a_scheme_is_refused", Remote("{'target':'vcenter.example.com'}"), "$.target", "is not a valid target");
        yield return Case("Target_with_another_scheme_is_refused", Remote("{'target':'ftp://vcenter.example.com'}"), "$.target", "is not a valid target");
        yield return Case("Target_embedded_in_capitals_is_refused", Remote("{'target':'Embedded'}"), "$.target", "spelled \"embedded\"");
        yield return Case("Target_with_user_info_is_refused_as_an_inline_secret", Remote("{'target':'https://root:hunter2@vcenter.example.com'}"), "$.target", "inline secrets are refused");
        yield return Case("Target_that_is_a_boolean_is_refused", Remote("{'target':true}"), "$.target", "expected a string, got a boolean");
        yield return Case("Target_with_user_info_and_another_scheme_is_refused_as_an_inline_secret", Remote("{'target':'ftp://root:hunter2@vcenter.example.com'}"), "$.target", "inline secrets are refused");
        yield return Case("Release_with_two_parts_is_refused", Remote("{'release':'8.0'}"), "$.release", "four dot-separated numbers");
        yield return Case("Release_with_letters_is_refused", Remote("{'release':'8.0.3.x'}"), "$.release", "four dot-separated numbers");
        yield return Case("Provider_id_that_is_empty_is_refused", Remote("{'providerId':''}"), "$.providerId", "is empty");
        yield return Case("Provider_id_with_surrounding_whitespace_is_refused", Remote("{'providerId':' vp-1'}"), "$.providerId", "leading or trailing whitespace");
        yield return Case("Task_timeout_of_zero_is_refused", Remote("{'taskTimeoutSeconds':0}"), "$.taskTimeoutSeconds", "between 1 and 86400");
        yield return Case("Task_timeout_over_a_day_is_refused", Remote("{'taskTimeoutSeconds':86401}"), "$.taskTimeoutSeconds", "between 1 and 86400");
        yield return Case("Task_timeout_with_a_fraction_is_refused", Remote("{'taskTimeoutSeconds':1.5}"), "$.taskTimeoutSeconds", "expected a whole number");
        yield return Case("Task_timeout_as_a_string_is_refused", Remote("{'taskTimeoutSeconds':'30'}"), "$.taskTimeoutSeconds", "expected an integer, got a string");
        yield return Case("Poll_interval_below_10_ms_is_refused", Remote("{'pollIntervalMilliseconds':9}"), "$.pollIntervalMilliseconds", "between 10 and 60000");
        yield return Case("Poll_interval_above_a_minute_is_refused", Remote("{'pollIntervalMilliseconds':60001}"), "$.pollIntervalMilliseconds", "between 10 and 60000");
        yield return Case("Unknown_field_is_refused_with_a_suggestion", Remote("{'groupz':[]}"), "$.groupz", "unknown field 'groupz'; did you mean 'groups'?");
        yield return Case("Unknown_field_message_lists_the_known_fields", Remote("{'color':'red'}"), "$.color", "known fields: name, target, allowPlainHttp, release, credentials, tls");
        yield return Case("Field_names_are_case_sensitive", Remote("{'TaskTimeoutSeconds':30}"), "$.TaskTimeoutSeconds", "case-sensitive camelCase: did you mean 'taskTimeoutSeconds'?");
        yield return Case("Repeated_field_is_refused", Q("{'name':'a','name':'b','target':'embedded'}"), "$.name", "appears more than once");
        yield return Case("Simulator_block_with_a_remote_target_is_refused", Remote("{'simulator':{}}"), "$.simulator", "only allowed when target is \"embedded\"");
        yield return Case("Profile_that_is_not_an_object_is_refused", "[1, 2]", "$", "expected an object");
    }

    private static IEnumerable<TestCaseData> CredentialRules()
    {
        yield return Case("Credentials_are_required_for_a_remote_target", Remote("{}", "credentials"), "$.credentials", "required field 'credentials' is missing for a remote target");
        yield return Case("Inline_password_is_refused", Remote("{'credentials':{'userNameEnv':'U','password':'hunter2'}}"), "$.credentials.password", "inline secrets are refused: put the password in an environment variable and name it in credentials.passwordEnv (or credentials.passwordFile)");
        yield return Case("Inline_password_value_is_refused", Remote("{'credentials':{'userNameEnv':'U','passwordValue':'hunter2'}}"), "$.credentials.passwordValue", "inline secrets are refused");
        yield return Case("Inline_user_name_is_refused", Remote("{'credentials':{'userName':'admin','passwordEnv':'P'}}"), "$.credentials.userName", "inline secrets are refused");
        yield return Case("Inline_password_at_the_top_level_is_refused", Remote("{'password':'hunter2'}"), "$.password", "inline secrets are refused");
        yield return Case("Both_password_sources_at_once_are_refused", Remote("{'credentials':{'userNameEnv':'U','passwordEnv':'P','passwordFile':'/run/pw'}}"), "$.credentials", "exactly one of passwordEnv or passwordFile");
        yield return Case("Credentials_without_a_password_source_are_refused", Remote("{'credentials':{'userNameEnv':'U'}}"), "$.credentials", "add \"passwordEnv\": \"VASA_PASSWORD\"");
        yield return Case("Credentials_without_a_user_name_variable_are_refused", Remote("{'credentials':{'passwordEnv':'P'}}"), "$.credentials.userNameEnv", "required field 'userNameEnv' is missing");
        yield return Case("Password_variable_name_starting_with_a_digit_is_refused", Remote("{'credentials':{'userNameEnv':'U','passwordEnv':'1PASS'}}"), "$.credentials.passwordEnv", "must be the NAME of the environment variable");
        yield return Case("User_name_variable_with_a_dash_is_refused", Remote("{'credentials':{'userNameEnv':'MY-USER','passwordEnv':'P'}}"), "$.credentials.userNameEnv", "must be the NAME of the environment variable");
        yield return Case("Empty_password_file_path_is_refused", Remote("{'credentials':{'userNameEnv':'U','passwordFile':''}}"), "$.credentials.passwordFile", "is empty");
        yield return Case("Credentials_that_are_a_string_are_refused", Remote("{'credentials':'VASA_USER'}"), "$.credentials", "expected an object");
    }

    private static IEnumerable<TestCaseData> TlsRules()
    {
        yield return Case("Pinned_fingerprint_that_is_too_short_is_refused", Remote("{'tls':{'pinnedSha256':'AB:CD'}}"), "$.tls.pinnedSha256", "64 hex digits");
        yield return Case("Pinned_fingerprint_with_non_hex_digits_is_refused", Remote($"{{'tls':{{'pinnedSha256':'{new string('G', 64)}'}}}}"), "$.tls.pinnedSha256", "64 hex digits");
        yield return Case("Pinning_and_insecure_together_are_refused", Remote($"{{'tls':{{'pinnedSha256':'{new string('A', 64)}','insecure':true}}}}"), "$.tls", "either pinnedSha256 or insecure, not both");
        yield return Case("Insecure_false_is_refused", Remote("{'tls':{'insecure':false}}"), "$.tls.insecure", "only be the literal true");
        yield return Case("Insecure_as_a_string_is_refused", Remote("{'tls':{'insecure':'true'}}"), "$.tls.insecure", "only be the literal true");
        yield return Case("Unknown_tls_field_is_refused", Remote("{'tls':{'verify':false}}"), "$.tls.verify", "unknown field 'verify'");
    }

    private static IEnumerable<TestCaseData> GroupRules()
    {
        yield return Case("Duplicate_group_is_refused", Remote("{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1'},{'faultDomainId':'fd-A','deviceGroupId':'rg-1'}]}"), "$.groups[1]", "fd-A/rg-1 is listed twice (first at $.groups[0])");
        yield return Case("Group_without_a_device_group_id_is_refused", Remote("{'groups':[{'faultDomainId':'fd-A'}]}"), "$.groups[0].deviceGroupId", "required field 'deviceGroupId' is missing");
        yield return Case("Group_without_a_fault_domain_id_is_refused", Remote("{'groups':[{'deviceGroupId':'rg-1'}]}"), "$.groups[0].faultDomainId", "required field 'faultDomainId' is missing");
        yield return Case("Group_with_an_empty_fault_domain_id_is_refused", Remote("{'groups':[{'faultDomainId':'','deviceGroupId':'rg-1'}]}"), "$.groups[0].faultDomainId", "is empty");
        yield return Case("Group_id_with_surrounding_whitespace_is_refused", Remote("{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1 '}]}"), "$.groups[0].deviceGroupId", "leading or trailing whitespace");
        yield return Case("Groups_that_are_not_an_array_are_refused", Remote("{'groups':{'faultDomainId':'fd-A'}}"), "$.groups", "expected an array");
        yield return Case("Group_that_is_a_string_is_refused", Remote("{'groups':['fd-A/rg-1']}"), "$.groups[0]", "expected an object");
        yield return Case("Unknown_group_field_is_refused", Remote("{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1','state':'SOURCE'}]}"), "$.groups[0].state", "unknown field 'state'");
    }

    private static IEnumerable<TestCaseData> SimulatorRules()
    {
        const string Two = "{'faultDomainId':'fd-A','deviceGroupId':'rg-1','state':'SOURCE'},{'faultDomainId':'fd-A','deviceGroupId':'rg-2','state':'TARGET'}";
        yield return Case("Simulator_group_state_outside_the_allowed_values_is_refused", Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1','state':'FAILED'}]}}"), "$.simulator.groups[0].state", "use one of SOURCE, TARGET, FAILEDOVER, INTEST, REMOTE_FAILEDOVER");
        yield return Case("Simulator_group_state_in_lower_case_is_refused", Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1','state':'source'}]}}"), "$.simulator.groups[0].state", "is not a replication state");
        yield return Case("Simulator_group_without_a_state_is_refused", Embedded("{'simulator':{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-1'}]}}"), "$.simulator.groups[0].state", "required field 'state' is missing");
        yield return Case("Duplicate_simulator_group_is_refused", Embedded($"{{'simulator':{{'groups':[{Two},{{'faultDomainId':'fd-A','deviceGroupId':'rg-1','state':'INTEST'}}]}}}}"), "$.simulator.groups[2]", "fd-A/rg-1 is defined twice");
        yield return Case("Allowlisted_group_missing_from_the_default_simulator_is_refused", Embedded("{'groups':[{'faultDomainId':'fd-A','deviceGroupId':'rg-x'}]}"), "$.groups[0]", "fd-A/rg-x is not one of the simulator's groups");
        yield return Case("Allowlisted_group_missing_from_the_configured_simulator_is_refused", Embedded($"{{'simulator':{{'groups':[{Two}]}},'groups':[{{'faultDomainId':'fd-A','deviceGroupId':'rg-1'}},{{'faultDomainId':'fd-A','deviceGroupId':'rg-2'}},{{'faultDomainId':'fd-A','deviceGroupId':'rg-x'}}]}}"), "$.groups[2]", "fd-A/rg-x is not one of the simulator's groups");
        yield return Case("Batch_limit_of_zero_is_refused", Embedded("{'simulator':{'batchLimit':0}}"), "$.simulator.batchLimit", "must be between 1 and");
        yield return Case("Reported_max_batch_size_of_zero_is_refused", Embedded("{'simulator':{'maxBatchSize':0}}"), "$.simulator.maxBatchSize", "must be between 1 and");
        yield return Case("Task_polls_above_1000_are_refused", Embedded("{'simulator':{'taskPollsToComplete':1001}}"), "$.simulator.taskPollsToComplete", "between 0 and 1000");
        yield return Case("Negative_task_polls_are_refused", Embedded("{'simulator':{'taskPollsToComplete':-1}}"), "$.simulator.taskPollsToComplete", "between 0 and 1000");
        yield return Case("Too_many_reports_max_batch_size_as_a_string_is_refused", Embedded("{'simulator':{'tooManyReportsMaxBatchSize':'yes'}}"), "$.simulator.tooManyReportsMaxBatchSize", "expected a boolean");
        yield return Case("Empty_provider_name_is_refused", Embedded("{'simulator':{'providerName':''}}"), "$.simulator.providerName", "is empty");
        yield return Case("Unknown_simulator_field_is_refused", Embedded("{'simulator':{'batchLimits':4}}"), "$.simulator.batchLimits", "did you mean 'batchLimit'?");
        yield return Case("Simulator_that_is_a_string_is_refused", Embedded("{'simulator':'default'}"), "$.simulator", "expected an object");
        yield return Case("Deviation_that_is_not_a_string_is_refused", Embedded("{'simulator':{'deviations':[3]}}"), "$.simulator.deviations[0]", "expected a deviation name (a string), got a number");
    }

    private static IEnumerable<TestCaseData> CapabilityRules()
    {
        const string Reverse = "$.capabilities.ReverseReplicateGroup_Task";
        yield return Case("Capabilities_that_are_an_array_are_refused", Remote("{'capabilities':[]}"), "$.capabilities", "expected an object");
        yield return Case("Capability_for_an_unknown_operation_is_refused", Remote("{'capabilities':{'QueryPointInTimeReplica':{}}}"), "$.capabilities.QueryPointInTimeReplica", "unknown field 'QueryPointInTimeReplica'; known fields: ReverseReplicateGroup_Task, FailoverReplicationGroup_Task");
        yield return Case("Capability_operation_names_are_case_sensitive", Remote("{'capabilities':{'reverseReplicateGroup_Task':{}}}"), "$.capabilities.reverseReplicateGroup_Task", "did you mean 'ReverseReplicateGroup_Task'?");
        yield return Case("Capability_that_is_a_boolean_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':true}}"), Reverse, "expected an object");
        yield return Case("Capability_implemented_as_a_string_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'implemented':'yes'}}}"), Reverse + ".implemented", "expected a boolean");
        yield return Case("Capability_implemented_null_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'implemented':null}}}"), Reverse + ".implemented", "expected a boolean (true or false), got null");
        yield return Case("Capability_batch_limit_of_zero_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'batchLimit':0}}}"), Reverse + ".batchLimit", "0 is out of range; 'batchLimit' must be between 1 and 9223372036854775807");
        yield return Case("Capability_negative_batch_limit_is_refused", Remote("{'capabilities':{'QueryReplicationGroup':{'batchLimit':-4}}}"), "$.capabilities.QueryReplicationGroup.batchLimit", "must be between 1 and");
        yield return Case("Capability_fractional_batch_limit_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'batchLimit':1.5}}}"), Reverse + ".batchLimit", "expected a whole number");
        yield return Case("Capability_batch_limit_as_a_string_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'batchLimit':'8'}}}"), Reverse + ".batchLimit", "expected an integer, got a string");
        yield return Case("Capability_batch_limit_for_an_unimplemented_operation_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'implemented':false,'batchLimit':4}}}"), Reverse + ".batchLimit", "has no batch limit");
        yield return Case("Unknown_capability_field_is_refused", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'maxBatchSize':4}}}"), Reverse + ".maxBatchSize", "unknown field 'maxBatchSize'; known fields: implemented, batchLimit");
        yield return Case("Misspelt_capability_field_gets_a_suggestion", Remote("{'capabilities':{'ReverseReplicateGroup_Task':{'batchlimit':4}}}"), Reverse + ".batchlimit", "did you mean 'batchLimit'?");
    }

    private static IEnumerable<TestCaseData> PropertyTestRules()
    {
        yield return Case("Property_tests_that_are_a_string_are_refused", Remote("{'propertyTests':'quick'}"), "$.propertyTests", "expected an object");
        yield return Case("Unknown_preset_is_refused", Remote("{'propertyTests':{'preset':'fast'}}"), "$.propertyTests.preset", "'fast' is not a preset; use \"quick\"");
        yield return Case("Preset_in_capitals_is_refused", Remote("{'propertyTests':{'preset':'Thorough'}}"), "$.propertyTests.preset", "is not a preset");
        yield return Case("Preset_that_is_a_number_is_refused", Remote("{'propertyTests':{'preset':1}}"), "$.propertyTests.preset", "expected a string, got a number");
        yield return Case("Zero_cases_are_refused", Remote("{'propertyTests':{'cases':0}}"), "$.propertyTests.cases", "'cases' must be between 1 and 100000");
        yield return Case("More_than_100000_cases_are_refused", Remote("{'propertyTests':{'cases':100001}}"), "$.propertyTests.cases", "must be between 1 and 100000");
        yield return Case("Cases_as_a_string_are_refused", Remote("{'propertyTests':{'cases':'5'}}"), "$.propertyTests.cases", "expected an integer, got a string");
        yield return Case("Cases_null_are_refused", Remote("{'propertyTests':{'cases':null}}"), "$.propertyTests.cases", "expected an integer, got null");
        yield return Case("Negative_seed_is_refused", Remote("{'propertyTests':{'seed':-1}}"), "$.propertyTests.seed", "expected a whole number between 0 and 18446744073709551615, got '-1'");
        yield return Case("Seed_above_the_unsigned_64_bit_range_is_refused", Remote("{'propertyTests':{'seed':18446744073709551616}}"), "$.propertyTests.seed", "between 0 and 18446744073709551615");
        yield return Case("Fractional_seed_is_refused", Remote("{'propertyTests':{'seed':2.5}}"), "$.propertyTests.seed", "between 0 and 18446744073709551615");
        yield return Case("Seed_as_a_string_is_refused", Remote("{'propertyTests':{'seed':'42'}}"), "$.propertyTests.seed", "expected an integer, got a string");
        yield return Case("Misspelt_property_tests_block_gets_a_suggestion", Remote("{'propertyTest':{}}"), "$.propertyTest", "did you mean 'propertyTests'?");
        yield return Case("Unknown_property_test_field_is_refused", Remote("{'propertyTests':{'maxCases':5}}"), "$.propertyTests.maxCases", "unknown field 'maxCases'");
    }

    private static IEnumerable<TestCaseData> RetryRules()
    {
        yield return Case("Retry_that_is_a_number_is_refused", Remote("{'retry':3}"), "$.retry", "expected an object");
        yield return Case("Negative_retry_attempts_are_refused", Remote("{'retry':{'attempts':-1}}"), "$.retry.attempts", "'attempts' must be between 0 and 20");
        yield return Case("More_than_20_retry_attempts_are_refused", Remote("{'retry':{'attempts':21}}"), "$.retry.attempts", "must be between 0 and 20");
        yield return Case("Zero_initial_retry_delay_is_refused", Remote("{'retry':{'initialDelayMilliseconds':0}}"), "$.retry.initialDelayMilliseconds", "must be between 1 and 60000");
        yield return Case("Initial_retry_delay_above_a_minute_is_refused", Remote("{'retry':{'initialDelayMilliseconds':60001}}"), "$.retry.initialDelayMilliseconds", "must be between 1 and 60000");
        yield return Case("Zero_retry_budget_is_refused", Remote("{'retry':{'budgetSeconds':0}}"), "$.retry.budgetSeconds", "must be between 1 and 3600");
        yield return Case("Retry_budget_above_an_hour_is_refused", Remote("{'retry':{'budgetSeconds':3601}}"), "$.retry.budgetSeconds", "must be between 1 and 3600");
        yield return Case("Retry_attempts_as_a_boolean_are_refused", Remote("{'retry':{'attempts':true}}"), "$.retry.attempts", "expected an integer, got a boolean");
        yield return Case("Unknown_retry_field_is_refused", Remote("{'retry':{'delayMilliseconds':10}}"), "$.retry.delayMilliseconds", "unknown field 'delayMilliseconds'");
    }

    private static IEnumerable<TestCaseData> SimulatorTimingAndFaultRules()
    {
        yield return Case("Negative_latency_is_refused", Embedded("{'simulator':{'latencyMilliseconds':-1}}"), "$.simulator.latencyMilliseconds", "must be between 0 and 60000");
        yield return Case("Latency_above_a_minute_is_refused", Embedded("{'simulator':{'latencyMilliseconds':60001}}"), "$.simulator.latencyMilliseconds", "must be between 0 and 60000");
        yield return Case("Task_duration_above_an_hour_is_refused", Embedded("{'simulator':{'taskDurationMilliseconds':3600001}}"), "$.simulator.taskDurationMilliseconds", "must be between 0 and 3600000");
        yield return Case("Negative_task_duration_is_refused", Embedded("{'simulator':{'taskDurationMilliseconds':-5}}"), "$.simulator.taskDurationMilliseconds", "must be between 0 and 3600000");
        yield return Case("Zero_progress_steps_are_refused", Embedded("{'simulator':{'progressSteps':0}}"), "$.simulator.progressSteps", "must be between 1 and 100");
        yield return Case("More_than_100_progress_steps_are_refused", Embedded("{'simulator':{'progressSteps':101}}"), "$.simulator.progressSteps", "must be between 1 and 100");
        yield return Case("Faults_that_are_an_object_are_refused", Embedded("{'simulator':{'faults':{'fault':'ProviderBusy'}}}"), "$.simulator.faults", "expected an array");
        yield return Case("Fault_entry_that_is_a_string_is_refused", Embedded("{'simulator':{'faults':['ProviderBusy']}}"), "$.simulator.faults[0]", "expected an object");
        yield return Case("Fault_entry_without_a_fault_is_refused", Embedded("{'simulator':{'faults':[{'times':1}]}}"), "$.simulator.faults[0].fault", "required field 'fault' is missing; name the fault to inject");
        yield return Case("Unknown_fault_is_refused_with_the_injectable_ones", Embedded("{'simulator':{'faults':[{'fault':'Busy'}]}}"), "$.simulator.faults[0].fault", "'Busy' is not a fault the simulator can inject; use one of InvalidArgument, NotImplemented");
        yield return Case("Fault_name_in_the_wrong_case_gets_a_suggestion", Embedded("{'simulator':{'faults':[{'fault':'providerBusy'}]}}"), "$.simulator.faults[0].fault", "did you mean 'ProviderBusy'?");
        yield return Case("Fault_that_is_not_injectable_is_refused", Embedded("{'simulator':{'faults':[{'fault':'NotAuthenticated'}]}}"), "$.simulator.faults[0].fault", "is not a fault the simulator can inject");
        yield return Case("Fault_for_an_operation_the_simulator_lacks_is_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','operation':'VasaProviderReconnect_Task'}]}}"), "$.simulator.faults[0].operation", "'VasaProviderReconnect_Task' cannot be given a fault; use one of ReverseReplicateGroup_Task, QueryReplicationGroup, QuerySmsTaskInfo, QueryProviderInfo");
        yield return Case("Zero_fault_times_are_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','times':0}]}}"), "$.simulator.faults[0].times", "must be between 1 and 2147483647");
        yield return Case("Fault_times_null_are_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','times':null}]}}"), "$.simulator.faults[0].times", "expected an integer, got null");
        yield return Case("Unknown_fault_route_is_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','route':'http'}]}}"), "$.simulator.faults[0].route", "'http' is not a route; use \"call\"");
        yield return Case("Task_route_for_a_query_is_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','operation':'QueryReplicationGroup','route':'task'}]}}"), "$.simulator.faults[0].route", "route \"task\" is only for *_Task operations, and QueryReplicationGroup returns no task");
        yield return Case("Unknown_fault_entry_field_is_refused", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy','count':2}]}}"), "$.simulator.faults[0].count", "unknown field 'count'");
        yield return Case("The_second_bad_fault_entry_is_reported_at_its_index", Embedded("{'simulator':{'faults':[{'fault':'ProviderBusy'},{'fault':'Nope'}]}}"), "$.simulator.faults[1].fault", "'Nope' is not a fault");
    }

    [TestCaseSource(nameof(TopLevelRules))]
    [TestCaseSource(nameof(CredentialRules))]
    [TestCaseSource(nameof(TlsRules))]
    [TestCaseSource(nameof(GroupRules))]
    [TestCaseSource(nameof(SimulatorRules))]
    [TestCaseSource(nameof(CapabilityRules))]
    [TestCaseSource(nameof(PropertyTestRules))]
    [TestCaseSource(nameof(RetryRules))]
    [TestCaseSource(nameof(SimulatorTimingAndFaultRules))]
    public void Rule(string json, string path, string fragment) =>
        ProfileErrorAssert.HasError(ProfileLoader.Parse(json, "test.json"), path, fragment);

    [Test]
    public void Unknown_deviation_is_refused_with_the_known_names()
    {
        var options = new ProfileLoadOptions { KnownDeviations = new HashSet<string> { "OmitTaskResult", "WrongFaultType" } };

        var result = ProfileLoader.Parse(Embedded("{'simulator':{'deviations':['OmitTaskResult','Nope']}}"), "test.json", options);

        ProfileErrorAssert.HasError(result, "$.simulator.deviations[1]", "unknown deviation 'Nope'; known deviations: OmitTaskResult, WrongFaultType");
    }

    [Test]
    public void Repeated_deviation_is_refused()
    {
        var options = new ProfileLoadOptions { KnownDeviations = new HashSet<string> { "OmitTaskResult" } };

        var result = ProfileLoader.Parse(Embedded("{'simulator':{'deviations':['OmitTaskResult','OmitTaskResult']}}"), "test.json", options);

        ProfileErrorAssert.HasError(result, "$.simulator.deviations[1]", "listed twice");
    }

    [Test]
    public void Every_bad_field_is_reported_in_one_pass()
    {
        var json = Remote("{'name':'a b','release':'8','taskTimeoutSeconds':0,'tls':{'insecure':false},'groupz':1,'capabilities':{'QueryReplicationGroup':{'batchLimit':0}},'propertyTests':{'cases':0,'seed':-1},'retry':{'attempts':99}}", "credentials");

        var result = ProfileLoader.Parse(json, "test.json");

        Assert.That(
            result.Errors.Select(e => e.Path),
            Is.EquivalentTo(new[]
            {
                "$.name", "$.release", "$.taskTimeoutSeconds", "$.tls.insecure", "$.groupz", "$.credentials",
                "$.capabilities.QueryReplicationGroup.batchLimit", "$.propertyTests.cases", "$.propertyTests.seed", "$.retry.attempts",
            }));
    }

    [Test]
    public void Error_messages_never_repeat_a_password_pasted_into_the_profile()
    {
        const string Secret = "S3cr3t!Pa55";
        var json = Remote($"{{'target':'https://root:{Secret}@vcenter.example.com','password':'{Secret}','credentials':{{'userNameEnv':'U','passwordEnv':'{Secret}','passwordValue':'{Secret}'}}}}");

        var result = ProfileLoader.Parse(json, "test.json");

        Assert.That(result.Errors, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(result.FormatErrors(), Does.Not.Contain(Secret));
    }

    [Test]
    public void Format_errors_gives_one_line_per_error_prefixed_with_the_source()
    {
        var result = ProfileLoader.Parse(Remote("{'release':'8','taskTimeoutSeconds':0}"), "profiles/lab.json");

        var lines = result.FormatErrors().Split(Environment.NewLine);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "profiles/lab.json: $.release: '8' is not a release; use four dot-separated numbers such as \"8.0.3.0\"",
            "profiles/lab.json: $.taskTimeoutSeconds: 0 is out of range; 'taskTimeoutSeconds' must be between 1 and 86400",
        }));
    }

    [Test]
    public void Profile_error_prints_as_path_and_message() =>
        Assert.That(new ProfileError("$.name", "is wrong").ToString(), Is.EqualTo("$.name: is wrong"));

    private static TestCaseData Case(string name, string json, string path, string fragment) =>
        new TestCaseData(json, path, fragment).SetName(name);
}
