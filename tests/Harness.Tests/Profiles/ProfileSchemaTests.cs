using DeclaredRange = System.ComponentModel.DataAnnotations.RangeAttribute;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Harness.Profiles;
using Harness.Simulator;
using Harness.Tests.Reporting;
using Harness.Wire.Groups;
using Json.Schema;

namespace Harness.Tests.Profiles;

/// <summary>
/// profiles/profile.schema.json is a valid draft 2020-12 schema, ships inside the harness, says what the reader reads
/// (field for field, range for range, value for value), and every committed profile names it and passes it.
/// </summary>
[TestFixture]
public sealed class ProfileSchemaTests
{
    private const string BadProfile = "tests/profiles/bad-profile.json";

    private static readonly string[] Annotations = ["$schema", "title", "description", "default", "examples", "properties", "items", "$ref", "$defs", "additionalProperties"];

    public static IEnumerable<TestCaseData> CommittedProfiles =>
        Directory.GetFiles(RepositoryPaths.File("profiles"), "*.json")
            .Concat(Directory.GetFiles(RepositoryPaths.File("tests", "profiles"), "*.json"))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root(), path).Replace('\\', '/'))
            .Where(path => path != "profiles/profile.schema.json" && !IsBaseline(path))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    /// <summary>Each object of the schema, by key, with the fields its reader reads (in the schema's order).</summary>
    public static IEnumerable<TestCaseData> ReaderFields
    {
        get
        {
            yield return Fields(string.Empty, ProfileReader.KnownFields);
            yield return Fields("peer", SiteReader.SiteFields);
            yield return Fields("credentials", SiteReader.CredentialFields);
            yield return Fields("peer.credentials", SiteReader.CredentialFields);
            yield return Fields("tls", SiteReader.TlsFields);
            yield return Fields("peer.tls", SiteReader.TlsFields);
            yield return Fields("groups[]", SiteReader.GroupFields);
            yield return Fields("peer.groups[]", SiteReader.GroupFields);
            yield return Fields("capabilities", OperationCapability.KnownOperations);
            foreach (var operation in OperationCapability.KnownOperations)
            {
                yield return Fields($"capabilities.{operation}", ProfileSectionsReader.CapabilityFields);
            }

            yield return Fields("propertyTests", ProfileSectionsReader.PropertyTestFields);
            yield return Fields("retry", ProfileSectionsReader.RetryFields);
            yield return Fields("acceptedUnverified[]", ProfileSectionsReader.AcceptedUnverifiedFields);
            yield return Fields("simulator", SimulatorSettingsReader.KnownFields);
            yield return Fields("simulator.groups[]", SimulatorSettingsReader.GroupFields);
            yield return Fields("simulator.faults[]", SimulatorSettingsReader.FaultFields);
            yield return Fields("simulator.pairs", SimulatedPairs.TargetStates.Keys.ToList());
            yield return Fields("simulator.transportFaults[]", TransportFaultReader.Fields);
            yield return Fields("simulator.lifecycle", SimulatorSettingsReader.LifecycleFields);
        }
    }

    /// <summary>Each field with allowed values, with the harness list the values come from.</summary>
    public static IEnumerable<TestCaseData> HarnessLists
    {
        get
        {
            yield return Values("propertyTests.preset", PropertyTestSettings.Presets);
            yield return Values("simulator.groups[].state", ReplicationState.All);
            yield return Values("simulator.faults[].operation", SimulatedFault.Operations);
            yield return Values("simulator.faults[].fault", SimulatedFault.FaultNames);
            yield return Values("simulator.faults[].route", FaultInjection.Routes);
            yield return Values("simulator.transportFaults[].operation", SimulatedTransportFault.Operations);
            yield return Values("simulator.transportFaults[].kind", TransportFault.Kinds.Keys);
            yield return Values("simulator.transportFaults[].status", SimulatedTransportFault.Statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            yield return Values("simulator.requestShapeFault", SimulatorSettingsReader.RequestShapeFaults.Keys);
            yield return Values("simulator.perGroupErrors", SimulatorSettingsReader.PerGroupErrorReadings.Keys);
            yield return Values("simulator.repeats", SimulatorSettingsReader.RepeatReadings.Keys);
            yield return Values("simulator.lifecycle.concurrentSync", SimulatorSettingsReader.ConcurrentSyncReadings.Keys);
            yield return Values("simulator.lifecycle.peerAfterFailover", SimulatorSettingsReader.PeerReadings.Keys);
            yield return Values("simulator.lifecycle.testFailoverStartResult", SimulatorSettingsReader.TestFailoverStartResultReadings.Keys);
            yield return Values("simulator.lifecycle.testFailoverStopWithoutForce", SimulatorSettingsReader.TestFailoverStopReadings.Keys);
            yield return Values("simulator.lifecycle.peerAfterPromote", SimulatorSettingsReader.PeerReadings.Keys);
        }
    }

    /// <summary>The records whose <see cref="DeclaredRange"/>s document the ranges, with the key of the object they are read from.</summary>
    public static IEnumerable<TestCaseData> RangedTypes
    {
        get
        {
            yield return new TestCaseData(typeof(Profile), string.Empty).SetArgDisplayNames(nameof(Profile));
            yield return new TestCaseData(typeof(RetrySettings), "retry").SetArgDisplayNames(nameof(RetrySettings));
            yield return new TestCaseData(typeof(PropertyTestSettings), "propertyTests").SetArgDisplayNames(nameof(PropertyTestSettings));
            yield return new TestCaseData(typeof(OperationCapability), "capabilities.ReverseReplicateGroup_Task").SetArgDisplayNames(nameof(OperationCapability));
            yield return new TestCaseData(typeof(SimulatorSettings), "simulator").SetArgDisplayNames(nameof(SimulatorSettings));
            yield return new TestCaseData(typeof(FaultInjection), "simulator.faults[]").SetArgDisplayNames(nameof(FaultInjection));
            yield return new TestCaseData(typeof(TransportFault), "simulator.transportFaults[]").SetArgDisplayNames(nameof(TransportFault));
        }
    }

    [Test]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        var result = MetaSchemas.Draft202012.Evaluate(ProfileSchema.Document, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
            Assert.That(ProfileSchema.Document.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        });
    }

    [Test]
    public void The_harness_carries_the_schema_file_of_the_repository_as_a_resource()
    {
        var onDisk = File.ReadAllText(RepositoryPaths.File("profiles", "profile.schema.json"));

        Assert.Multiple(() =>
        {
            Assert.That(typeof(ProfileSchema).Assembly.GetManifestResourceNames(), Does.Contain(ProfileSchema.ResourceName), "found from any working directory");
            Assert.That(ProfileSchema.Text, Is.EqualTo(onDisk), "profiles/profile.schema.json is the one source");
        });
    }

    [TestCaseSource(nameof(CommittedProfiles))]
    public void A_committed_profile_names_the_schema_by_its_relative_path(string path)
    {
        var expected = Path.GetRelativePath(Path.GetDirectoryName(RepositoryPaths.File(path))!, RepositoryPaths.File("profiles", "profile.schema.json")).Replace('\\', '/');

        var named = Parse(path).RootElement.GetProperty("$schema").GetString();

        Assert.That(named, Is.EqualTo(expected.StartsWith('.') ? expected : "./" + expected));
    }

    [TestCaseSource(nameof(CommittedProfiles))]
    public void A_committed_profile_passes_the_schema_and_loads_except_the_bad_one(string path)
    {
        var schemaErrors = ProfileSchema.Validate(Parse(path).RootElement);
        var result = ProfileLoader.LoadFile(RepositoryPaths.File(path), new ProfileLoadOptions { KnownDeviations = Enum.GetNames<Deviation>().ToHashSet(StringComparer.Ordinal) });

        if (path == BadProfile)
        {
            Assert.That(result.IsSuccess, Is.False);
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(schemaErrors, Is.Empty, string.Join(Environment.NewLine, schemaErrors));
            Assert.That(result.Errors, Is.Empty, result.FormatErrors());
        });
    }

    [Test]
    public void The_bad_profile_fails_for_each_mistake_it_makes_on_purpose()
    {
        var result = ProfileLoader.LoadFile(RepositoryPaths.File(BadProfile));

        Assert.That(result.Errors.Select(e => (e.Path, e.Message)), Is.EqualTo(new[]
        {
            ("$.name", "'bad profile!' is not a valid profile name; " + ProfileHints.NameRule),
            ("$.target", "plain http is only allowed to a loopback host (127.0.0.0/8, ::1, localhost); use \"https://192.0.2.10\", or set \"allowPlainHttp\": true if you accept credentials in clear text"),
            ("$.taskTimeoutSeconds", "0 is out of range; 'taskTimeoutSeconds' must be between 1 and 86400"),
            ("$.credentials", "name where the password comes from: add \"passwordEnv\": \"VASA_PASSWORD\" (or \"passwordFile\": \"/path/to/file\")"),
            ("$.credentials.password", "inline secrets are refused: put the password in an environment variable and name it in credentials.passwordEnv (or credentials.passwordFile)"),
        }));
    }

    [TestCase("30")]
    [TestCase("30.0")]
    [TestCase("3e1")]
    public void A_whole_number_is_read_however_it_is_written_as_the_schema_counts_it(string written)
    {
        var result = ProfileLoader.Parse(ProfileJson.Embedded($"{{'taskTimeoutSeconds':{written}}}"), "test.json");

        Assert.That(result.Profile?.TaskTimeoutSeconds, Is.EqualTo(30), result.FormatErrors());
    }

    [Test]
    public void Errors_come_in_the_order_of_their_fields_in_the_file()
    {
        var result = ProfileLoader.Parse(ProfileJson.Q("{'retry':{'attempts':-1},'name':'a b','target':'embedded','release':'8','peer':{'target':'https://x.example.com'},'color':1}"), "test.json");

        Assert.That(result.Errors.Select(e => e.Path), Is.EqualTo(new[] { "$.retry.attempts", "$.name", "$.release", "$.peer.target", "$.color" }));
    }

    [TestCaseSource(nameof(ReaderFields))]
    public void The_schema_allows_exactly_the_fields_the_reader_reads(string key, IReadOnlyList<string> readerFields)
    {
        Assert.That(Node(key).PropertyNames, Is.EqualTo(readerFields), $"the fields of '{key}' in profile.schema.json, in order");
    }

    [Test]
    public void Every_object_of_the_schema_is_one_the_reader_reads()
    {
        var covered = ReaderFields.Select(c => (string)c.Arguments[0]!).ToHashSet(StringComparer.Ordinal);

        Assert.That(Objects().Where(key => !covered.Contains(key)), Is.Empty, "objects of profile.schema.json no reader field list covers");
    }

    [Test]
    public void The_first_site_has_every_field_of_the_peer_at_the_top_level()
    {
        Assert.That(ProfileReader.KnownFields, Is.SupersetOf(SiteReader.SiteFields));
    }

    [TestCaseSource(nameof(RangedTypes))]
    public void Declared_ranges_are_the_schema_ranges(Type type, string key)
    {
        var ranged = type.GetProperties().Where(p => p.GetCustomAttribute<DeclaredRange>() is not null).ToList();

        Assert.That(ranged, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var property in ranged)
            {
                var range = property.GetCustomAttribute<DeclaredRange>()!;
                var field = Node(Join(key, char.ToLowerInvariant(property.Name[0]) + property.Name[1..]));
                Assert.That(
                    (field.Keyword("minimum")?.GetRawText(), field.Keyword("maximum")?.GetRawText()),
                    Is.EqualTo((Convert.ToString(range.Minimum, CultureInfo.InvariantCulture), Convert.ToString(range.Maximum, CultureInfo.InvariantCulture))),
                    $"{type.Name}.{property.Name}");
            }
        });
    }

    [TestCaseSource(nameof(HarnessLists))]
    public void Allowed_values_are_the_harness_lists(string key, IReadOnlyList<string> values)
    {
        var allowed = Node(key).Keyword("enum")!.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());

        Assert.That(allowed, Is.EqualTo(values));
    }

    [Test]
    public void Every_field_with_allowed_values_comes_from_a_harness_list()
    {
        var covered = HarnessLists.Select(c => (string)c.Arguments[0]!).ToHashSet(StringComparer.Ordinal);

        Assert.That(Fields().Where(f => f.Node.Keyword("enum") is not null && !covered.Contains(f.Key)).Select(f => f.Key), Is.Empty);
    }

    [Test]
    public void The_schema_uses_only_keywords_whose_failures_have_messages()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        Visit(ProfileSchema.Document);

        Assert.That(used.Except(ProfileSchemaErrors.Handled).Except(Annotations), Is.Empty, "keywords ProfileSchemaErrors cannot turn into a message");

        void Visit(JsonElement schema)
        {
            foreach (var keyword in schema.EnumerateObject())
            {
                used.Add(keyword.Name);
                if (keyword.Name is "properties" or "$defs")
                {
                    foreach (var child in keyword.Value.EnumerateObject())
                    {
                        Visit(child.Value);
                    }
                }
                else if (keyword.Name == "items")
                {
                    Visit(keyword.Value);
                }
                else if (keyword.Name == "additionalProperties")
                {
                    Assert.That(keyword.Value.ValueKind, Is.EqualTo(JsonValueKind.False), "additionalProperties is only ever false: an unknown field is a mistake");
                }
            }
        }
    }

    [Test]
    public void Every_required_field_has_its_own_hint()
    {
        var required = Fields().Prepend((Key: string.Empty, Node: ProfileSchemaNode.Root)).SelectMany(f => f.Node.Required).Distinct();

        Assert.That(required.Where(name => ProfileHints.Required(name).Contains("profile.schema.json", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Every_pattern_and_allowed_value_has_its_own_message()
    {
        var fields = Fields().ToList();
        var patterns = fields.Where(f => f.Node.Keyword("pattern") is not null && !f.Node.Refers("trimmedString")).Select(f => ProfileHints.Fold(f.Key));
        var choices = fields.Where(f => f.Node.Keyword("enum") is not null || f.Node.Keyword("const") is not null).Select(f => ProfileHints.Fold(f.Key));

        Assert.Multiple(() =>
        {
            Assert.That(patterns.Where(key => ProfileHints.Pattern(key, "x") is null), Is.Empty, "patterns without a message in ProfileHints.Pattern");
            Assert.That(choices.Where(key => ProfileHints.NotAllowed(key, JsonDocument.Parse("\"x\"").RootElement) is null), Is.Empty, "allowed values without a message in ProfileHints.NotAllowed");
        });
    }

    [Test]
    public void Schema_defaults_are_the_loader_defaults()
    {
        var remote = ProfileLoader.Parse(ProfileJson.Q(ProfileJson.RemoteBase), "defaults.json").Profile!;
        var simulator = SimulatorSettings.Default;
        var defaults = new List<(string Key, object? Value)>
        {
            ("allowPlainHttp", remote.AllowPlainHttp), ("release", remote.Release), ("callTimeoutSeconds", remote.CallTimeoutSeconds),
            ("maxResponseBytes", remote.MaxResponseBytes), ("maxConcurrentTasks", remote.MaxConcurrentTasks), ("taskTimeoutSeconds", remote.TaskTimeoutSeconds),
            ("pollIntervalMilliseconds", remote.PollIntervalMilliseconds), ("keepWaitingAfterStuckTask", remote.KeepWaitingAfterStuckTask), ("strict", remote.Strict),
            ("propertyTests.preset", remote.PropertyTests.Preset), ("retry.attempts", remote.Retry.Attempts),
            ("retry.initialDelayMilliseconds", remote.Retry.InitialDelayMilliseconds), ("retry.budgetSeconds", remote.Retry.BudgetSeconds),
            ("simulator.maxBatchSize", simulator.MaxBatchSize), ("simulator.batchLimit", simulator.BatchLimit),
            ("simulator.tooManyReportsMaxBatchSize", simulator.TooManyReportsMaxBatchSize), ("simulator.taskPollsToComplete", simulator.TaskPollsToComplete),
            ("simulator.providerName", simulator.ProviderName), ("simulator.providerVersion", simulator.ProviderVersion), ("simulator.vasaVersion", simulator.VasaVersion),
            ("simulator.latencyMilliseconds", simulator.LatencyMilliseconds), ("simulator.taskDurationMilliseconds", simulator.TaskDurationMilliseconds),
            ("simulator.progressSteps", simulator.ProgressSteps), ("simulator.faults[].operation", SimulatedFault.DefaultOperation),
            ("simulator.faults[].route", FaultInjection.CallRoute), ("simulator.transportFaults[].operation", SimulatedTransportFault.DefaultOperation),
            ("simulator.requestShapeFault", "InvalidRequest"), ("simulator.perGroupErrors", "groupErrorResult"), ("simulator.repeats", "alreadyDone"),
            ("simulator.sites", simulator.Sites), ("simulator.sameVcenter", simulator.SameVcenter),
            ("simulator.lifecycle.concurrentSync", "success"), ("simulator.lifecycle.peerAfterFailover", "unchanged"),
            ("simulator.lifecycle.plannedFailoverNeedsPrepare", simulator.Lifecycle.PlannedFailoverNeedsPrepare),
            ("simulator.lifecycle.testFailoverStartResult", "void"), ("simulator.lifecycle.testFailoverStopWithoutForce", "target"),
            ("simulator.lifecycle.promoteCapable", simulator.Lifecycle.PromoteCapable), ("simulator.lifecycle.peerAfterPromote", "unchanged"),
        };
        defaults.AddRange(OperationCapability.KnownOperations.Select(o => ($"capabilities.{o}.implemented", (object?)OperationCapability.Undeclared.Implemented)));

        Assert.Multiple(() =>
        {
            foreach (var (key, value) in defaults)
            {
                var expected = JsonSerializer.Serialize(value);
                Assert.That(Node(key).Keyword("default")?.GetRawText(), Is.EqualTo(expected), key);
            }

            Assert.That(Fields().Where(f => f.Node.Keyword("default") is not null).Select(f => ProfileHints.Fold(f.Key)).Except(defaults.Select(d => d.Key)), Is.Empty, "defaults this test does not compare");
        });
    }

    private static TestCaseData Fields(string key, IReadOnlyList<string> fields) => new TestCaseData(key, fields).SetArgDisplayNames(key.Length == 0 ? "(root)" : key);

    private static TestCaseData Values(string key, IEnumerable<string> values) => new TestCaseData(key, values.ToList()).SetArgDisplayNames(key);

    private static bool IsBaseline(string path) => Parse(path).RootElement.TryGetProperty("knownFailures", out _);

    private static JsonDocument Parse(string path) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.File(path)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static string Join(string key, string name) => key.Length == 0 ? name : $"{key}.{name}";

    /// <summary>The subschema at a field key such as <c>simulator.faults[].operation</c>.</summary>
    private static ProfileSchemaNode Node(string key)
    {
        var node = ProfileSchemaNode.Root;
        foreach (var part in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.TrimEnd('[', ']');
            node = node.Property(name) ?? throw new AssertionException($"profile.schema.json has no field '{key}'");
            for (var items = (part.Length - name.Length) / 2; items > 0; items--)
            {
                node = node.Items() ?? throw new AssertionException($"'{name}' in profile.schema.json is not an array");
            }
        }

        return node;
    }

    /// <summary>Every field of the schema (array items as <c>name[]</c>), with its key; <c>$schema</c> left out.</summary>
    private static IEnumerable<(string Key, ProfileSchemaNode Node)> Fields() => FieldsUnder(string.Empty, ProfileSchemaNode.Root);

    private static IEnumerable<(string Key, ProfileSchemaNode Node)> FieldsUnder(string key, ProfileSchemaNode node)
    {
        foreach (var name in node.PropertyNames.Where(n => !n.StartsWith('$')))
        {
            var childKey = Join(key, name);
            var child = node.Property(name)!;
            yield return (childKey, child);
            foreach (var field in FieldsUnder(childKey, child))
            {
                yield return field;
            }

            if (child.Items() is { } items)
            {
                yield return (childKey + "[]", items);
                foreach (var field in FieldsUnder(childKey + "[]", items))
                {
                    yield return field;
                }
            }
        }
    }

    private static IEnumerable<string> Objects() =>
        Fields().Prepend((Key: string.Empty, Node: ProfileSchemaNode.Root)).Where(f => f.Node.Keyword("properties") is not null).Select(f => f.Key);
}
