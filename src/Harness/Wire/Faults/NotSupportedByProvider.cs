namespace Harness.Wire.Faults;

/// <summary>The provider does not support this operation or variant.</summary>
internal sealed class NotSupportedByProvider : MethodFault
{
}
