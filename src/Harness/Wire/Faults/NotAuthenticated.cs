namespace Harness.Wire.Faults;

/// <summary>The call has no valid session.</summary>
internal sealed class NotAuthenticated : NoPermission
{
}
