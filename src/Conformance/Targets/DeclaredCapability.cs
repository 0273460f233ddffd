namespace Conformance.Targets;

/// <summary>What the profile declares about one operation.</summary>
/// <param name="Implemented">Whether the provider implements it (default true).</param>
/// <param name="BatchLimit">The batch limit the vendor expects, if any.</param>
/// <param name="IsDeclared">Whether the profile says anything about it.</param>
internal sealed record DeclaredCapability(bool Implemented, long? BatchLimit, bool IsDeclared)
{
    /// <summary>Nothing declared: the operation is expected to be implemented, with no expected limit.</summary>
    public static DeclaredCapability Undeclared { get; } = new(true, null, false);
}
