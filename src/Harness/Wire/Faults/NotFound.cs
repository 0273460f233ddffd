namespace Harness.Wire.Faults;

/// <summary>An object was not found.</summary>
internal sealed class NotFound : VimFault
{
}
