namespace Harness.Wire.Faults;

/// <summary>The user name or password is wrong.</summary>
internal sealed class InvalidLogin : VimFault
{
}
