using Conformance.Operations;
using Conformance.Targets;
using FsCheck;
using FsCheck.Fluent;
using Harness.Wire;

namespace Conformance.Contracts;

/// <summary>
/// FsCheck generators for an operation's requests. Every group they name is allowlisted or made up (the fault domain
/// <c>conformance-fd-{runId}</c> cannot exist), so generated calls are safe on a real array.
/// </summary>
internal static class OperationArbitraries
{
    /// <summary>Device group ids chosen to break naive parsers: empty, whitespace, very long, unicode, the create-on-demand id.</summary>
    public static Gen<string> WeirdIds { get; } = Gen.OneOf(
        Gen.Elements(string.Empty, " ", "\t\n", "ffffffff-ffff-ffff-ffff-ffffffffffff", new string('x', 4096), "日本語のグループ", "emoji-😀-group", "a/b\\c", "null", "<script>alert(1)</script>", "'; DROP TABLE groups; --"),
        Gen.Choose(1, 64).SelectMany(n => Gen.Choose(0x20, 0x2FFF).Select(c => (char)c).ArrayOf(n).Select(chars => new string(chars))));

    /// <summary>Batches of allowlisted and made-up groups, of 0 to twice the batch limit, sometimes with a group repeated.</summary>
    public static Gen<ReplicationGroupId[]> Batches(ConformanceTarget t, int limit)
    {
        var allowlisted = t.Allowlist.Count > 0 ? Gen.Elements(t.Allowlist.ToArray()) : MadeUp(t);
        var entry = Gen.Frequency((4, allowlisted), (1, MadeUp(t)), (1, WeirdIds.Select(id => ReplicationGroupId.Of(t.NonexistentFaultDomain, id))));
        return Gen.Choose(0, 2 * limit).SelectMany(n => entry.ArrayOf(n))
            .SelectMany(batch => Gen.Frequency(
                (4, Gen.Constant(batch)),
                (1, batch.Length == 0 ? Gen.Constant(batch) : Gen.Elements(batch).Select(repeat => batch.Append(repeat).ToArray()))));
    }

    /// <summary>Well-formed batches of allowlisted groups only (1 to the batch limit, distinct), for a state model.</summary>
    public static Gen<ReplicationGroupId[]> AllowlistedBatches(ConformanceTarget t, int limit) =>
        Gen.Choose(1, Math.Max(1, Math.Min(limit, t.Allowlist.Count))).SelectMany(n => Gen.Shuffle(t.Allowlist.ToArray()).Select(all => all.Take(n).ToArray()));

    /// <summary>Any request: valid-shaped batches (with unknown extra fields sometimes) and malformed bodies.</summary>
    public static Gen<OperationInput> Inputs(OperationDescription op, ConformanceTarget t, int limit) => Gen.Frequency(
        (3, Batches(t, limit).Select(b => FromBatch(op, b, limit, extraFields: false))),
        (1, Batches(t, limit).Select(b => FromBatch(op, b, limit, extraFields: true))),
        (2, Malformed(op, t)));

    /// <summary>Invalid requests only: null, empty and malformed group lists, and batches over the limit.</summary>
    public static Gen<OperationInput> InvalidInputs(OperationDescription op, ConformanceTarget t, int limit)
    {
        var field = op.Argument.GroupsField;
        return Gen.Frequency(
            (2, Malformed(op, t)),
            (1, Gen.Elements(op.Argument.Missing.Select(m => new OperationInput($"{m.Adjective.ToLowerInvariant()} {field}", m.Body, null, true)).ToArray())),
            (2, Gen.Choose(limit + 1, 2 * limit + 1).SelectMany(n => (t.Allowlist.Count > 0 ? Gen.Elements(t.Allowlist.ToArray()) : MadeUp(t)).ArrayOf(n)).Select(b => FromBatch(op, b, limit, extraFields: false))));
    }

    /// <summary>Shrinks a batch by dropping one entry at a time.</summary>
    public static IEnumerable<ReplicationGroupId[]> ShrinkBatch(ReplicationGroupId[] batch) =>
        batch.Length <= 1 ? [] : Enumerable.Range(0, batch.Length).Select(i => batch.Where((_, j) => j != i).ToArray());

    /// <summary>Shrinks a request with a batch by dropping entries.</summary>
    public static IEnumerable<OperationInput> ShrinkInput(OperationDescription op, OperationInput input, int limit) =>
        input.Groups is { Count: > 1 } groups ? ShrinkBatch(groups.ToArray()).Select(b => FromBatch(op, b, limit, input.What.Contains("extra", StringComparison.Ordinal))) : [];

    private static Gen<ReplicationGroupId> MadeUp(ConformanceTarget t) => Gen.Choose(0, 999).Select(n => t.NonexistentGroup("gen", n));

    private static OperationInput FromBatch(OperationDescription op, ReplicationGroupId[] batch, int limit, bool extraFields)
    {
        var body = op.Argument.Body(batch);
        if (extraFields && batch.Length > 0)
        {
            body = $"{{\"_typeName\":\"{op.RequestType}\",\"vendorHint\":{{\"x\":1}}," + body[1..];
        }

        var what = $"{batch.Length} group(s){(batch.Length != batch.DistinctBy(g => g.Key).Count() ? " with a repeat" : string.Empty)}{(extraFields ? " and extra fields" : string.Empty)}";
        return new OperationInput(what, body, batch, Invalid: batch.Length == 0 || batch.Length > limit);
    }

    private static Gen<OperationInput> Malformed(OperationDescription op, ConformanceTarget t)
    {
        var argument = op.Argument;
        var field = argument.GroupsField;
        var id = t.NonexistentGroup("malformed-gen");
        var fd = id.FaultDomainId!.Id;
        var dg = id.DeviceGroupId!.Id;
        return Gen.OneOf(
            Gen.Elements(argument.Malformed(t.NonexistentGroup("malformed")).Select(m => new OperationInput(m.What, m.Body, null, true)).ToArray()),
            Gen.Elements("true", "\"x\"", "3.5", "[1,2]", "[null]", "[[]]", "[\"fd/rg\"]").Select(v => new OperationInput($"{field} = {v}", argument.WithList(v), null, true)),
            Gen.Elements("faultDomainId", "deviceGroupId").Select(missing => new OperationInput(
                $"an entry without {missing}",
                argument.WithList(missing == "faultDomainId" ? $"[{{\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]" : $"[{{\"faultDomainId\":{{\"id\":\"{fd}\"}}}}]"),
                null,
                true)),
            Gen.Elements("FaultDomainId", "DeviceGroupId", "ManagedObjectReference", "VVolId").Select(tn => new OperationInput(
                $"an entry with _typeName {tn}",
                argument.WithList($"[{{\"_typeName\":\"{tn}\",\"faultDomainId\":{{\"id\":\"{fd}\"}},\"deviceGroupId\":{{\"id\":\"{dg}\"}}}}]"),
                null,
                true)));
    }
}
