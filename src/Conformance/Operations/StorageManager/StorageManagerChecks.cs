using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Wire;
using Harness.Wire.Filters;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.StorageManager;

/// <summary>The bodies of the SmsStorageManager checks; each only reads.</summary>
internal static class StorageManagerChecks
{
    /// <summary>QFD-1.</summary>
    public static async Task FaultDomainsCoverGroups(CheckScope s)
    {
        var groups = await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false);
        var wanted = groups.Select(g => g.GroupId?.FaultDomainId?.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            s.NotExercised("the provider reports no group, so no fault domain must be listed");
        }

        var manager = await StorageManagerAsync(s).ConfigureAwait(false);
        var filter = s.Target.Info?.Uid is { } uid ? new FaultDomainFilter { ProviderId = uid } : null;
        var r = await s.StepAsync($"Call QueryFaultDomain{(filter is null ? string.Empty : $" for provider {filter.ProviderId}")}", () => ProviderCalls.CallAsync(s, StorageManagerCatalogues.FaultDomainFeature, () => s.Client.QueryFaultDomainAsync(manager, filter))).ConfigureAwait(false);
        s.Step("Expect every group's fault domain among the fault domains", () =>
        {
            ReadOnlyReads.ExpectValue(s, r, "FaultDomainId[]");
            var listed = (r.Value ?? []).OfType<FaultDomainId>()
                .SelectMany(d => (d is FaultDomainInfo info ? info.Children ?? [] : []).Prepend(d))
                .Select(d => d.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var missing = wanted.Where(d => !listed.Contains(d)).ToList();
            s.Expect(missing.Count == 0, Defect.Result, $"the fault domains of the provider's groups ({string.Join(", ", wanted)}) among QueryFaultDomain's answer", $"[{string.Join(", ", listed)}], without {string.Join(", ", missing)}", r.Call);
        });
    }

    /// <summary>QRGI-1.</summary>
    public static async Task GroupInfoAgrees(CheckScope s)
    {
        var groups = (await ReadOnlyReads.ReadGroupInfosAsync(s).ConfigureAwait(false)).Where(g => g.GroupId is not null).Take(8).ToList();
        if (groups.Count == 0)
        {
            s.NotExercised("the provider describes no group to compare");
        }

        var manager = await StorageManagerAsync(s).ConfigureAwait(false);
        var ids = groups.Select(g => g.GroupId!).ToList();
        var r = await s.StepAsync($"Call QueryReplicationGroupInfo for {string.Join(", ", ids)}", () => ProviderCalls.CallAsync(s, StorageManagerCatalogues.GroupInfoFeature, () => s.Client.QueryReplicationGroupInfoAsync(manager, ids))).ConfigureAwait(false);
        s.Step("Expect each group described in the state QueryReplicationGroup reports", () =>
        {
            ReadOnlyReads.ExpectValue(s, r, "GroupOperationResult[]");
            var answered = (r.Value ?? []).Where(x => x.GroupId is not null).GroupBy(x => x.GroupId!.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var entry = answered.GetValueOrDefault(group.GroupId!.Key);
                var state = (entry as QueryReplicationGroupSuccessResult)?.RgInfo?.CurrentState;
                s.Expect(state == group.CurrentState, Defect.Result, $"{group.GroupId} described in state {group.CurrentState}, as QueryReplicationGroup reports", entry is GroupErrorResult error ? $"GroupErrorResult {ReadOnlyReads.Names(error.Error)}" : entry is null ? "no result for it" : $"state {state}", r.Call);
            }
        });
    }

    private static Task<ManagedObjectReference> StorageManagerAsync(CheckScope s) =>
        s.StepAsync("Call QueryStorageManager", async () =>
        {
            var r = await ProviderCalls.CallAsync(s, "QueryStorageManager", () => s.Client.QueryStorageManagerAsync(), underTest: false).ConfigureAwait(false);
            s.Require(r.IsValue && r.Value is not null, $"QueryStorageManager gave no storage manager ({r.Describe()})");
            return r.Value!;
        });
}
