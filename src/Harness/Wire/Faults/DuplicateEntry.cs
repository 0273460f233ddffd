namespace Harness.Wire.Faults;

/// <summary>An id is repeated in the input.</summary>
internal sealed class DuplicateEntry : MethodFault
{
}
