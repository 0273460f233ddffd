namespace Conformance.Checks;

/// <summary>
/// Where a clause's RFC 2119 level comes from. MUST only where the seed or VMware states it (its documentation or
/// its type definitions); SHOULD where the reference infers it or marks it unconfirmed, or where the clause asks for
/// robustness beyond the documented contract. A test holds every clause to this.
/// </summary>
internal enum LevelBasis
{
    /// <summary>The seed (the operation's JSON API page) states it.</summary>
    Seed,

    /// <summary>VMware's documentation states it (the JSON API pages, the SMS reference).</summary>
    VmwareDocumentation,

    /// <summary>VMware's generated type definitions state it (required properties, declared faults, enum values, types).</summary>
    VmwareTypes,

    /// <summary>The reference infers it from documented facts; no source says it directly.</summary>
    Inferred,

    /// <summary>The reference marks it unconfirmed.</summary>
    Unconfirmed,

    /// <summary>Robustness beyond the documented contract (e.g. how malformed input is refused).</summary>
    Robustness,
}
