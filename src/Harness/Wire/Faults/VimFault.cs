namespace Harness.Wire.Faults;

/// <summary>A generic vim fault.</summary>
internal class VimFault : MethodFault
{
}
