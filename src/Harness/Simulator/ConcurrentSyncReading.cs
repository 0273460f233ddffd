namespace Harness.Simulator;

/// <summary>
/// What a SyncReplicationGroup_Task gets for a group another Sync of the same provider is still synchronising (profile
/// <c>simulator.lifecycle.concurrentSync</c>). VMware declares SyncOngoing with the running task, and a provider may as
/// well run both (SYNC-CONC-1), so each is a faithful reading.
/// </summary>
public enum ConcurrentSyncReading
{
    /// <summary>Both Syncs succeed, each with its own point-in-time replica (the default; JSON <c>success</c>).</summary>
    Success,

    /// <summary>The later Sync gets, for that group, SyncOngoing whose <c>task</c> is the earlier Sync's task (JSON <c>syncOngoing</c>).</summary>
    SyncOngoing,
}
