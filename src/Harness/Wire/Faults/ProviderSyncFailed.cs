namespace Harness.Wire.Faults;

/// <summary>Synchronising SMS's cache with the provider failed.</summary>
internal class ProviderSyncFailed : MethodFault
{
}
