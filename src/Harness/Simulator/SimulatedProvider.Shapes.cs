using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Oracle;
using Harness.Wire.Faults;

namespace Harness.Simulator;

/// <summary>
/// Wire shapes: requests are held to their method's declared parameters before the model sees them, as vCenter's
/// strict deserializer holds them (<see cref="SimulatedProviderOptions.RequestShapeFault"/>); and the deviations that
/// bend an otherwise faithful answer off VMware's type definitions.
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>One validator per release named in request URLs.</summary>
    private static readonly ConcurrentDictionary<string, WireValidator> Validators = new(StringComparer.Ordinal);

    /// <summary>The deviations <see cref="BendShape"/> applies: with none of them on, answers are not re-parsed.</summary>
    private static readonly FrozenSet<Deviation> ShapeDeviations = new[]
    {
        Deviation.MaxBatchSizeAsString, Deviation.UnknownFaultTypeName, Deviation.TaskInfoWithoutKey,
        Deviation.ResultWithoutGroupId, Deviation.ReplicationStateOutsideEnum, Deviation.GroupIdCarriesKey,
    }.ToFrozenSet();

    /// <summary>Whether an answer may need bending.</summary>
    private bool BendsShapes => this.Options.Deviations.Overlaps(ShapeDeviations);

    /// <summary>The fault for a body that breaks its method's parameters, or null when it conforms (or the check is off).</summary>
    private SimulatedResponse? RefuseOffSpecRequest(string release, string moType, string method, string? body) =>
        this.RefuseOffSpecRequest(release, moType, method, validator => validator.Request(moType, method, body));

    /// <summary>The same, for a body already parsed.</summary>
    private SimulatedResponse? RefuseOffSpecRequest(string release, string moType, string method, JsonElement root) =>
        this.RefuseOffSpecRequest(release, moType, method, validator => validator.Request(moType, method, root));

    private SimulatedResponse? RefuseOffSpecRequest(string release, string moType, string method, Func<WireValidator, IReadOnlyList<WireProblem>?> judge)
    {
        // The malformed-body deviations model a provider behind a lenient front: the body must reach the model.
        if (this.Options.RequestShapeFault == RequestShapeFault.None
            || this.Options.Has(Deviation.MalformedBodyAccepted) || this.Options.Has(Deviation.MalformedBodyHtmlError))
        {
            return null;
        }

        var problem = judge(Validators.GetOrAdd(release, WireValidator.ForRelease))?.FirstOrDefault(p => p.Level == WireLevel.Must || p.Rule is WireRule.UnknownProperty or WireRule.NewerThanRelease);
        if (problem is null)
        {
            return null;
        }

        var message = $"The request body does not match {method}'s parameters: {problem}";
        if (this.Options.RequestShapeFault == RequestShapeFault.InvalidArgument)
        {
            var parameter = problem.Path.StartsWith("$.", StringComparison.Ordinal) ? problem.Path[2..].Split('.', '[')[0] : null;
            return this.Fault(new InvalidArgument { InvalidProperty = parameter }, message);
        }

        return this.Fault(new InvalidRequest(), message);
    }

    /// <summary>The wire-shape deviations, applied to an answer the model built faithfully.</summary>
    private SimulatedResponse BendShape(string method, SimulatedResponse answer)
    {
        if (answer.Body is null || !answer.ContentType.Contains("json", StringComparison.Ordinal) || JsonNode.Parse(answer.Body) is not { } root)
        {
            return answer;
        }

        var bent = false;
        if (answer.Status == 500 && root is JsonObject fault)
        {
            var typeName = fault["_typeName"]?.GetValue<string>();
            if (this.Options.Has(Deviation.MaxBatchSizeAsString) && typeName == "TooMany" && fault["maxBatchSize"] is JsonValue max)
            {
                fault["maxBatchSize"] = max.ToJsonString();
                bent = true;
            }

            if (this.Options.Has(Deviation.UnknownFaultTypeName) && typeName == "InvalidArgument")
            {
                fault["_typeName"] = "VasaInvalidArgumentFault";
                bent = true;
            }
        }
        else if (answer.Status == 200)
        {
            if (this.Options.Has(Deviation.TaskInfoWithoutKey) && method == "QuerySmsTaskInfo" && root is JsonObject info)
            {
                bent |= info.Remove("key");
            }

            if (this.Options.Has(Deviation.ResultWithoutGroupId) && method is "QuerySmsTaskInfo" or "QuerySmsTaskResult")
            {
                var box = method == "QuerySmsTaskInfo" ? root["result"] : root;
                if (box?["_value"] is JsonArray { Count: > 0 } results && results[0] is JsonObject first)
                {
                    bent |= first.Remove("groupId");
                }
            }

            if (method == "QueryReplicationGroup" && root is JsonArray groups)
            {
                foreach (var result in groups.OfType<JsonObject>())
                {
                    if (this.Options.Has(Deviation.ReplicationStateOutsideEnum) && result["rgInfo"] is JsonObject rgInfo && rgInfo["state"]?.GetValue<string>() == "REMOTE_FAILEDOVER")
                    {
                        rgInfo["state"] = "REMOTE_FAILED_OVER";
                        bent = true;
                    }

                    if (this.Options.Has(Deviation.GroupIdCarriesKey) && result["groupId"] is JsonObject id)
                    {
                        id["key"] = $"{id["faultDomainId"]?["id"]}/{id["deviceGroupId"]?["id"]}";
                        bent = true;
                    }
                }
            }
        }

        return bent ? answer with { Body = root.ToJsonString() } : answer;
    }
}
