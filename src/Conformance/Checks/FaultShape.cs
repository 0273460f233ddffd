using System.Text.Json;
using Harness.Wire.Faults;

namespace Conformance.Checks;

/// <summary>
/// The fault contract of an operation: which faults it may raise (its declared list plus the generic runtime faults,
/// subtypes included) and what a well-formed fault looks like.
/// </summary>
internal static class FaultShape
{
    /// <summary>Faults any method may raise (reference §3.2).</summary>
    public static readonly IReadOnlyList<string> Generic = ["RuntimeFault", "SystemError", "InvalidRequest", "ManagedObjectNotFound", "NotAuthenticated", "NoPermission"];

    /// <summary>The faults each operation declares (reference §3.2, the seed's 500 list).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Declared = new Dictionary<string, IReadOnlyList<string>>
    {
        ["ReverseReplicateGroup_Task"] = ["InvalidArgument", "NotImplemented", "ProviderUnavailable", "ProviderOutOfResource", "InactiveProvider", "TooMany", "ProviderBusy", "SmsReplicationFault"],
    };

    /// <summary>Whether the operation may raise the fault (its declared list, the generic faults, and their subtypes).</summary>
    public static bool IsDeclared(string operation, MethodFault fault) =>
        fault.TypeName is not null && Declared.GetValueOrDefault(operation, []).Concat(Generic).Any(fault.IsA);

    /// <summary>
    /// What is malformed in a fault, in words; empty when it is well-formed. <paramref name="requestBody"/>, when given,
    /// is the body the fault answered: an InvalidArgument refusing its shape (a reading of U-MALFORMED-FAULT) may name
    /// a property the body sent, not only groupId.
    /// </summary>
    public static IReadOnlyList<string> Problems(MethodFault fault, string where = "fault", string? requestBody = null)
    {
        var problems = new List<string>();
        if (fault.TypeName is null)
        {
            problems.Add($"{where} has no _typeName, so it is not a MethodFault");
        }

        for (var i = 0; i < (fault.FaultMessage?.Count ?? 0); i++)
        {
            var message = fault.FaultMessage![i];
            if (string.IsNullOrEmpty(message.Key))
            {
                problems.Add($"{where}.faultMessage[{i}] has no key (a LocalizableMessage requires one)");
            }

            for (var j = 0; j < (message.Arg?.Count ?? 0); j++)
            {
                if (string.IsNullOrEmpty(message.Arg![j].Key))
                {
                    problems.Add($"{where}.faultMessage[{i}].arg[{j}] has no key");
                }
            }
        }

        switch (fault)
        {
            case InvalidArgument { InvalidProperty: { } property } when property != "groupId" && !SentProperties(requestBody).Contains(property.Split('.', '[')[0]):
                problems.Add($"{where} InvalidArgument.invalidProperty is '{property}', but the only argument is groupId{(requestBody is null ? string.Empty : " and the request sent no such property")}");
                break;
            case InactiveProvider inactive:
                foreach (var (mapping, i) in (inactive.Mapping ?? []).Select((m, i) => (m, i)))
                {
                    if (string.IsNullOrEmpty(mapping.ActiveProvider?.Type) || string.IsNullOrEmpty(mapping.ActiveProvider?.Value))
                    {
                        problems.Add($"{where} InactiveProvider.mapping[{i}].activeProvider is not a well-formed MoRef ({mapping.ActiveProvider?.Type ?? "no type"}:{mapping.ActiveProvider?.Value ?? "no value"})");
                    }

                    if (mapping.FaultDomainId?.Any(f => string.IsNullOrEmpty(f.Id)) == true)
                    {
                        problems.Add($"{where} InactiveProvider.mapping[{i}].faultDomainId holds an empty id");
                    }
                }

                break;
        }

        if (fault.FaultCause is { } cause)
        {
            problems.AddRange(Problems(cause, where + ".faultCause", requestBody));
        }

        return problems;
    }

    /// <summary>The top-level property names of a JSON object body; empty for anything else.</summary>
    private static HashSet<string> SentProperties(string? body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (body is null)
        {
            return names;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                names.UnionWith(doc.RootElement.EnumerateObject().Select(p => p.Name));
            }
        }
        catch (JsonException)
        {
            // Not JSON: it sent no property.
        }

        return names;
    }
}
