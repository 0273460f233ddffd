namespace Harness.Wire.Faults;

/// <summary>A security error.</summary>
internal class SecurityError : RuntimeFault
{
}
