namespace Harness.Wire.Faults;

/// <summary>SMS is not initialised yet.</summary>
internal sealed class ServiceNotInitialized : RuntimeFault
{
}
