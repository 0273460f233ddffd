using Conformance.Checks;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.ReadOnlyTier;

/// <summary>
/// What the read-only tier's checks share: the query calls at either site, the expected-fault reading, and the
/// made-up ids. No call here changes anything on either site.
/// </summary>
internal static class ReadOnlyReads
{
    /// <summary>The checks that compare the two sites: a run without a peer reports them not applicable; the mutant matrix runs them in a two-site world.</summary>
    public static IReadOnlySet<string> PeerChecks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        QueryReplicationGroup.QueryReplicationGroupChecks.TopologyName,
        QueryReplicationPeer.QueryReplicationPeerChecks.TopologyName,
    };

    /// <summary>The peer site, or stops the check as not applicable (<see cref="PeerSite.Missing"/>).</summary>
    public static PeerSite Peer(CheckScope s)
    {
        if (s.Target.Peer is not { } peer)
        {
            s.NotApplicable(PeerSite.Missing);
            return null!;
        }

        return peer;
    }

    /// <summary>A made-up fault domain id that cannot exist (<c>conformance-fd-{runId}</c>).</summary>
    public static FaultDomainId MadeUpFaultDomain(CheckScope s) => new() { Id = s.Target.NonexistentFaultDomain };

    /// <summary>QueryReplicationGroup at the site under test (its faults judged as the method under test); a value is required.</summary>
    public static Task<ProviderResult<List<GroupOperationResult>>> QueryGroupsAsync(CheckScope s, IReadOnlyList<ReplicationGroupId>? ids, string step) =>
        s.StepAsync(step, async () =>
        {
            var r = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => s.Client.QueryReplicationGroupAsync(s.Target.Provider, ids)).ConfigureAwait(false);
            ExpectValue(s, r, "GroupOperationResult[]");
            return r;
        });

    /// <summary>QueryReplicationGroup without ids at the peer site (read only).</summary>
    public static Task<ProviderResult<List<GroupOperationResult>>> QueryPeerGroupsAsync(CheckScope s, PeerSite peer) =>
        s.StepAsync($"Call QueryReplicationGroup without ids at the peer site ({peer.Provider.Value})", async () =>
        {
            var client = s.Watch(peer.Client);
            var r = await ProviderCalls.CallAsync(s, "QueryReplicationGroup", () => client.QueryReplicationGroupAsync(peer.Provider, null), underTest: false).ConfigureAwait(false);
            ExpectValue(s, r, "GroupOperationResult[] from the peer site");
            return r;
        });

    /// <summary>Every group the site under test reports (QueryReplicationGroup without ids), described ones only.</summary>
    public static async Task<List<GroupInfo>> ReadGroupInfosAsync(CheckScope s, string step = "Call QueryReplicationGroup without ids")
    {
        var all = await QueryGroupsAsync(s, null, step).ConfigureAwait(false);
        return (all.Value ?? []).OfType<QueryReplicationGroupSuccessResult>().Select(r => r.RgInfo).OfType<GroupInfo>().ToList();
    }

    /// <summary>Fails unless the answer is a value (HTTP 200 with a JSON body).</summary>
    /// <remarks>An answer the suite cannot judge (a valid request refused as malformed, cut at the size cap, no usable answer, outside the protocol) breaks the check instead, naming the cause, as for the suite's own reads.</remarks>
    public static void ExpectValue<T>(CheckScope s, ProviderResult<T> r, string what)
    {
        ProviderCalls.ThrowIfOwnReadBroken(s, r);
        s.Expect(r.IsValue, Defect.Result, $"HTTP 200 with {what}", r.Describe(), r.Call);
    }

    /// <summary>Fails unless the answer is the fault <paramref name="expected"/> (or a subtype) as HTTP 500.</summary>
    public static void ExpectFault<T>(CheckScope s, ProviderResult<T> r, string expected)
    {
        s.Expect(r.Kind == OutcomeKind.Fault, Defect.WrongFault, $"{expected} (HTTP 500 with a MethodFault body)", r.Describe(), r.Call);
        s.Expect(r.Fault!.IsA(expected), Defect.WrongFault, expected, r.Fault.TypeName ?? "a MethodFault body without _typeName", r.Call);
    }

    /// <summary>The fault type names of an error list, for a message.</summary>
    public static string Names(IEnumerable<Harness.Wire.Faults.MethodFault>? faults) =>
        faults is null ? "no error" : "[" + string.Join(", ", faults.Select(f => f.TypeName ?? "?")) + "]";
}
