namespace Harness.Reporting;

/// <summary>How strongly the clause a check enforces binds (RFC 2119), as the gate reads it.</summary>
internal enum RequirementLevel
{
    /// <summary>A violation fails the gate; an unverified clause keeps the run from being CONFORMANT.</summary>
    Must,

    /// <summary>A violation is a warning; it fails the gate only in strict mode.</summary>
    Should,
}
