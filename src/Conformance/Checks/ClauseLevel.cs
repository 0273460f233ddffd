namespace Conformance.Checks;

/// <summary>How strongly a clause binds (RFC 2119).</summary>
internal enum ClauseLevel
{
    /// <summary>Required by the contract: a violation fails the gate, and an unverified MUST keeps the run from being CONFORMANT.</summary>
    Must,

    /// <summary>Recommended: a violation is a warning, shown and counted, that fails the gate only in strict mode.</summary>
    Should,
}
