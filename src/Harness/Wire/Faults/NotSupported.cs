namespace Harness.Wire.Faults;

/// <summary>The operation is not supported.</summary>
internal sealed class NotSupported : RuntimeFault
{
}
