namespace Conformance.Checks;

/// <summary>How strongly a clause binds (RFC 2119).</summary>
internal enum ClauseLevel
{
    /// <summary>Required by the contract.</summary>
    Must,

    /// <summary>Recommended; a failure is reported but is still a failure of the clause.</summary>
    Should,
}
