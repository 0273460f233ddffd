namespace Harness.Wire.Faults;

/// <summary>A provider sync was asked for while another was running (not a replication fault).</summary>
internal sealed class SyncInProgress : ProviderSyncFailed
{
}
