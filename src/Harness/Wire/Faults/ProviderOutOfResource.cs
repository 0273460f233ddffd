namespace Harness.Wire.Faults;

/// <summary>The provider lacks the resources to perform the operation.</summary>
internal sealed class ProviderOutOfResource : MethodFault
{
}
