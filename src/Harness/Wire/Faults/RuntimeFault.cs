namespace Harness.Wire.Faults;

/// <summary>A generic runtime fault.</summary>
internal class RuntimeFault : MethodFault
{
}
