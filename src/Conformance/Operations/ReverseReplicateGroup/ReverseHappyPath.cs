using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Operations.ReverseReplicateGroup;

/// <summary>
/// Reverse's success scenario: reverse up to two allowlisted FAILEDOVER groups and wait for the task, then read each
/// new source group (the checks judge later, and the embedded simulator is reset between checks).
/// </summary>
internal sealed class ReverseHappyPath : SuccessScenario
{
    /// <summary>For each reversed group: the new group id named by its result, what QueryReplicationGroup says of that id in the same fault domain, and that exchange.</summary>
    public Dictionary<string, (string NewId, GroupInfo? Info, ProviderCall Query)> NewGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>For each reversed group with a peer site: the twin the new source names as its replica (the old source), how the peer reads it (state, its source), and that exchange.</summary>
    public Dictionary<string, (ReplicationGroupId Twin, GroupInfo? Info, ProviderCall? Query)> OldSources { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the peer site was read (the profile has a peer).</summary>
    public bool PeerRead { get; private set; }

    /// <inheritdoc />
    protected override OperationUnderTest Operation => ReverseCatalogue.Subject;

    /// <inheritdoc />
    protected override string NoGroupHint => "fail a group over first, or add a FAILEDOVER group to the profile's groups";

    /// <summary>Runs (once per target) and returns the record.</summary>
    public static Task<ReverseHappyPath> GetAsync(ConformanceTarget target) => RunOnceAsync<ReverseHappyPath>(target);

    /// <inheritdoc />
    protected override async Task AfterSuccessAsync(CheckScope s, IReadOnlyList<GroupOperationResult> results)
    {
        foreach (var result in results.OfType<ReverseReplicationSuccessResult>())
        {
            if (result is { GroupId: { } id, NewGroupId.Id: { Length: > 0 } newId } && this.Requested.Any(r => r.Key == id.Key))
            {
                var newGroup = ReplicationGroupId.Of(id.FaultDomainId?.Id ?? string.Empty, newId);
                var (info, query) = await s.StepAsync($"Query the new source group {newGroup}", async () =>
                {
                    var query = await s.Client.QueryReplicationGroupAsync(s.Target.Provider, [newGroup]).ConfigureAwait(false);
                    ProviderCalls.ThrowIfOwnReadBroken(s, query);
                    return (query.Value?.OfType<QueryReplicationGroupSuccessResult>().FirstOrDefault(r => r.GroupId?.Key == newGroup.Key)?.RgInfo, query.Call);
                }).ConfigureAwait(false);
                this.NewGroups[id.Key] = (newId, info, query);
                if (s.Target.PeerSide is { } peer && LifecycleSteps.TwinOf(info) is { } twin)
                {
                    this.PeerRead = true;
                    var there = await LifecycleSteps.ReadGroupsAsync(s.At(peer), [twin], $"Read the old source {twin} at the other site").ConfigureAwait(false);
                    this.OldSources[id.Key] = (twin, there.Infos.GetValueOrDefault(twin.Key), there.Call);
                }
            }
        }
    }
}
