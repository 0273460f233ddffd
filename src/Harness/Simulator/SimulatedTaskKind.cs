namespace Harness.Simulator;

/// <summary>What a simulated task does when it completes.</summary>
internal enum SimulatedTaskKind
{
    /// <summary>ReverseReplicateGroup_Task: a GroupOperationResult per group.</summary>
    Reverse,

    /// <summary>VasaProviderSync_Task: nothing to change, a void result.</summary>
    ProviderSync,
}
