using System.Globalization;
using Harness.Simulator;

namespace Harness.Profiles;

/// <summary>
/// Reads <c>simulator.transportFaults</c>. The schema has checked each field; this checks what relates them:
/// <c>status</c> is required for kind "status" and only for it, <c>sizeBytes</c> only for kind "oversized".
/// </summary>
internal static class TransportFaultReader
{
    /// <summary>The fields of an entry, in the schema's order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["operation", "kind", "times", "sizeBytes", "status"];

    /// <summary>The entries of the array field <c>transportFaults</c> of <paramref name="parent"/>; null when absent or not an array.</summary>
    public static List<TransportFault>? ReadAll(JsonObjectReader parent)
    {
        var items = parent.GetArray("transportFaults");
        if (items is null)
        {
            return null;
        }

        var faults = new List<TransportFault>();
        foreach (var (element, path) in items)
        {
            var reader = parent.Open(element, path, Fields);
            if (reader is not null && Read(reader) is { } fault)
            {
                faults.Add(fault);
            }
        }

        return faults;
    }

    private static TransportFault? Read(JsonObjectReader reader)
    {
        var operation = reader.GetString("operation");
        var kind = reader.GetString("kind");
        var times = reader.GetInteger("times");
        var sizeBytes = reader.GetInteger("sizeBytes");
        var status = reader.GetInteger("status");
        if (reader.Has("sizeBytes") && kind is not null && kind != "oversized")
        {
            reader.Error("sizeBytes", $"'sizeBytes' applies only to kind \"oversized\", not \"{kind}\"; remove it");
        }

        if (kind == "status" && !reader.Has("status"))
        {
            var statuses = string.Join(", ", SimulatedTransportFault.Statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            reader.Error("status", $"required field 'status' is missing for kind \"status\"; add e.g. \"status\": 503 (one of {statuses})");
        }
        else if (reader.Has("status") && kind is not null && kind != "status")
        {
            reader.Error("status", $"'status' applies only to kind \"status\", not \"{kind}\"; remove it");
        }

        if (kind is null || reader.HasErrorsUnder(reader.Path))
        {
            return null;
        }

        return new TransportFault
        {
            Operation = operation ?? SimulatedTransportFault.DefaultOperation,
            Kind = kind,
            Times = (int?)times,
            SizeBytes = sizeBytes,
            Status = (int?)status,
        };
    }
}
