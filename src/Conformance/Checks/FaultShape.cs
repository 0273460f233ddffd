using System.Text.Json;
using Harness.Wire.Faults;

namespace Conformance.Checks;

/// <summary>
/// What a well-formed fault looks like, and the generic runtime faults any operation may raise besides the faults VMware
/// declares for it (an operation's own come from the type catalogue: <see cref="Operations.OperationDescription.DeclaredFaults"/>).
/// </summary>
internal static class FaultShape
{
    /// <summary>Faults any method may raise (reference §3.2).</summary>
    public static readonly IReadOnlyList<string> Generic = ["RuntimeFault", "SystemError", "InvalidRequest", "ManagedObjectNotFound", "NotAuthenticated", "NoPermission"];

    /// <summary>
    /// What is malformed in a fault, in words; empty when it is well-formed. <paramref name="arguments"/> are the
    /// operation's parameters, which InvalidArgument.invalidProperty may name; <paramref name="requestBody"/>, when
    /// given, is the body the fault answered: an InvalidArgument refusing its shape (a reading of U-MALFORMED-FAULT)
    /// may name a property the body sent, not only a parameter.
    /// </summary>
    public static IReadOnlyList<string> Problems(MethodFault fault, IReadOnlyList<string> arguments, string where = "fault", string? requestBody = null)
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
            case InvalidArgument { InvalidProperty: { } property } when !arguments.Contains(property) && !SentProperties(requestBody).Contains(property.Split('.', '[')[0]):
                var named = arguments.Count == 1 ? $"the only argument is {arguments[0]}" : $"the arguments are {string.Join(", ", arguments)}";
                problems.Add($"{where} InvalidArgument.invalidProperty is '{property}', but {named}{(requestBody is null ? string.Empty : " and the request sent no such property")}");
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
            problems.AddRange(Problems(cause, arguments, where + ".faultCause", requestBody));
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
