namespace Harness.Simulator;

/// <summary>One reversal the simulated provider performed: which group, into which new group, by which task, in which order.</summary>
/// <param name="Original">The group as it was before the reversal (FAILEDOVER, normally).</param>
/// <param name="Reversed">The new source group it became.</param>
/// <param name="TaskId">The task that performed it.</param>
/// <param name="Sequence">The provider-wide reversal number (1, 2, …), never reused.</param>
internal sealed record ReversalRecord(SimulatedGroup Original, SimulatedGroup Reversed, string TaskId, int Sequence);
