namespace Harness.Wire.Faults;

/// <summary>The provider is temporarily unavailable; wait and retry.</summary>
internal sealed class ProviderUnavailable : MethodFault
{
}
