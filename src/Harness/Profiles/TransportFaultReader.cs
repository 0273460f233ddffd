using System.Globalization;
using Harness.Simulator;

namespace Harness.Profiles;

/// <summary>Reads <c>simulator.transportFaults</c>, recording every field error with its JSON path.</summary>
internal static class TransportFaultReader
{
    private static readonly string[] Fields = ["operation", "kind", "times", "sizeBytes", "status"];

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
        var valid = true;
        var operation = reader.GetString("operation");
        if (operation is not null && !SimulatedTransportFault.Operations.Contains(operation, StringComparer.Ordinal))
        {
            reader.Error("operation", $"{ProfileText.Quote(operation)} cannot be given a transport fault; use one of {string.Join(", ", SimulatedTransportFault.Operations)} (or remove the field for {SimulatedTransportFault.DefaultOperation})");
            valid = false;
        }

        var kinds = string.Join(", ", TransportFault.Kinds.Keys);
        var kind = reader.Require("kind", $"name how the exchange breaks, e.g. \"kind\": \"hang\"; one of {kinds}") ? reader.GetString("kind") : null;
        if (kind is not null && !TransportFault.Kinds.ContainsKey(kind))
        {
            var sameButCase = TransportFault.Kinds.Keys.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
            var hint = sameButCase is null ? string.Empty : $"kinds are case-sensitive: did you mean '{sameButCase}'? ";
            reader.Error("kind", $"{ProfileText.Quote(kind)} is not a transport fault kind; {hint}use one of {kinds}");
            kind = null;
        }

        var times = reader.GetInteger("times", DeclaredRange.Of<TransportFault>(nameof(TransportFault.Times)));
        var sizeBytes = reader.GetInteger("sizeBytes", DeclaredRange.Of<TransportFault>(nameof(TransportFault.SizeBytes)));
        if (reader.Has("sizeBytes") && kind is not null && kind != "oversized")
        {
            reader.Error("sizeBytes", $"'sizeBytes' applies only to kind \"oversized\", not \"{kind}\"; remove it");
            valid = false;
        }

        var statuses = string.Join(", ", SimulatedTransportFault.Statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        var status = reader.GetInteger("status", (100, 599));
        if (status is not null && !SimulatedTransportFault.Statuses.Contains((int)status))
        {
            reader.Error("status", $"{status} is not a status the simulator can answer; use one of {statuses}");
            valid = false;
        }

        if (kind == "status" && !reader.Has("status"))
        {
            reader.Error("status", $"required field 'status' is missing for kind \"status\"; add e.g. \"status\": 503 (one of {statuses})");
            valid = false;
        }
        else if (reader.Has("status") && kind is not null && kind != "status")
        {
            reader.Error("status", $"'status' applies only to kind \"status\", not \"{kind}\"; remove it");
            valid = false;
        }

        if (!valid || kind is null || (reader.Has("times") && times is null) || (reader.Has("sizeBytes") && sizeBytes is null) || (reader.Has("status") && status is null))
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
