namespace Harness.Wire.Faults;

/// <summary>The provider does not implement the function.</summary>
internal sealed class NotImplemented : RuntimeFault
{
}
