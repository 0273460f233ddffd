namespace Harness.Wire.Faults;

/// <summary>The provider is busy and cannot process the request now.</summary>
internal sealed class ProviderBusy : MethodFault
{
}
