namespace Harness.Wire.Faults;

/// <summary>The request is malformed.</summary>
internal sealed class InvalidRequest : RuntimeFault
{
}
