using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>One SMS task of the simulated provider: its requested groups, poll count and outcome.</summary>
internal sealed class SimulatedTask(string id, IReadOnlyList<ReplicationGroupId> groups, DateTimeOffset created)
{
    /// <summary>The moId.</summary>
    public string Id { get; } = id;

    /// <summary>The requested groups.</summary>
    public IReadOnlyList<ReplicationGroupId> Groups { get; } = groups;

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>How many times its info was read.</summary>
    public int Polls { get; set; }

    /// <summary>queued, running, success or error.</summary>
    public string State { get; set; } = "queued";

    /// <summary>When it started running.</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? Completed { get; set; }

    /// <summary>The per-group results, once finished.</summary>
    public List<GroupOperationResult>? Results { get; set; }

    /// <summary>The error, when it failed.</summary>
    public MethodFault? Error { get; set; }
}
