using Conformance.Checks;
using Harness.Client;
using Harness.Wire;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Conformance.Contracts;

/// <summary>
/// What a lifecycle operation's success scenario reads once the task succeeded: each group at the site called and its
/// twin at the other site (the embedded simulator is reset between checks, so the checks judge what this read).
/// </summary>
internal abstract class LifecycleSuccessScenario : SuccessScenario
{
    /// <summary>Each group afterwards at the site called: its state and the exchange that read it.</summary>
    public Dictionary<string, (string? State, GroupInfo? Info, ProviderCall? Query)> After { get; } = new(StringComparer.Ordinal);

    /// <summary>Each group's twin afterwards at the other site: its id, its state and the exchange that read it (empty without a peer).</summary>
    public Dictionary<string, (ReplicationGroupId Twin, string? State, ProviderCall? Query)> Twins { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the other site could be read (the profile has a peer).</summary>
    public bool PeerRead { get; private set; }

    /// <inheritdoc />
    protected override async Task AfterSuccessAsync(CheckScope s, IReadOnlyList<GroupOperationResult> results)
    {
        var read = await LifecycleSteps.ReadGroupsAsync(s, this.Requested, "Read the groups afterwards at the site called").ConfigureAwait(false);
        foreach (var group in this.Requested)
        {
            var info = read.Infos.GetValueOrDefault(group.Key);
            this.After[group.Key] = (info?.CurrentState, info, read.Call);
        }

        if (s.Target.PeerSide is not { } peer)
        {
            return;
        }

        this.PeerRead = true;
        var twins = this.Requested.Select(g => (Group: g, Twin: LifecycleSteps.TwinOf(read.Infos.GetValueOrDefault(g.Key)))).Where(x => x.Twin is not null).ToList();
        var there = await LifecycleSteps.ReadGroupsAsync(s.At(peer), twins.Select(t => t.Twin!).ToList(), "Read each group's twin afterwards at the other site").ConfigureAwait(false);
        foreach (var (group, twin) in twins)
        {
            this.Twins[group.Key] = (twin!, there.Infos.GetValueOrDefault(twin!.Key)?.CurrentState, there.Call);
        }
    }
}
