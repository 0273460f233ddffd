using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>One SMS task of the simulated provider: its requested groups, poll counts, progress and outcome.</summary>
internal sealed class SimulatedTask(string id, IReadOnlyList<ReplicationGroupId> groups, DateTimeOffset created, int reversalsAtStart)
{
    /// <summary>The moId.</summary>
    public string Id { get; } = id;

    /// <summary>The requested groups.</summary>
    public IReadOnlyList<ReplicationGroupId> Groups { get; } = groups;

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>How many reversals the provider had made when the task was created (later ones are concurrent with it).</summary>
    public int ReversalsAtStart { get; } = reversalsAtStart;

    /// <summary>The site whose provider runs it (its vCenter answers for it).</summary>
    public required SimulatedSite Site { get; init; }

    /// <summary>What it does.</summary>
    public SimulatedTaskKind Kind { get; init; }

    /// <summary>What a lifecycle call asked for besides its groups.</summary>
    public LifecycleRequest Request { get; init; } = LifecycleRequest.None;

    /// <summary>A Sync's groups that an earlier, unfinished Sync was synchronising when it was created: group key → that task's moId.</summary>
    public Dictionary<string, string>? OngoingSyncs { get; set; }

    /// <summary>An injected fault the task ends with (task route), instead of doing its work.</summary>
    public MethodFault? InjectedError { get; init; }

    /// <summary>How many times its info was read.</summary>
    public int Polls { get; set; }

    /// <summary>How many of those polls saw it running.</summary>
    public int RunningPolls { get; set; }

    /// <summary>How many of those polls saw it succeeded.</summary>
    public int SuccessPolls { get; set; }

    /// <summary>The progress last reported (before deviations).</summary>
    public int Progress { get; set; }

    /// <summary>For <see cref="Deviation.ProgressDecreases"/>: 0 before the high value was shown, 1 after it, 2 once the drop was shown.</summary>
    public int DecreaseStage { get; set; }

    /// <summary>queued, running, success or error.</summary>
    public string State { get; set; } = "queued";

    /// <summary>When it started running.</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? Completed { get; set; }

    /// <summary>The per-group results, once finished.</summary>
    public List<GroupOperationResult>? Results { get; set; }

    /// <summary>The error, when it failed (or, under <see cref="Deviation.ErrorSetOnSuccess"/>, also on success).</summary>
    public MethodFault? Error { get; set; }
}
