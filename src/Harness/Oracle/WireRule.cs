namespace Harness.Oracle;

/// <summary>What a JSON value broke, judged against VMware's type definitions.</summary>
internal enum WireRule
{
    /// <summary><c>_typeName</c> names no type of the catalogue (MUST).</summary>
    UnknownType,

    /// <summary><c>_typeName</c> names a type that is neither the declared type nor a subtype of it (MUST).</summary>
    NotASubtype,

    /// <summary>A value in an <c>anyType</c> slot carries no <c>_typeName</c>, so nothing says what it is (MUST).</summary>
    UntypedValue,

    /// <summary>A required property or parameter is absent or null (MUST).</summary>
    MissingRequired,

    /// <summary>A value is not one of its enum's values (MUST).</summary>
    IllegalEnumValue,

    /// <summary>A value has the wrong JSON type: a string for a long, an object for an array, a non-ISO date (MUST).</summary>
    WrongJsonType,

    /// <summary>A property the type does not have, on the type or any ancestor (SHOULD: newer releases add properties).</summary>
    UnknownProperty,

    /// <summary>A type or property that appeared after the run's release (SHOULD).</summary>
    NewerThanRelease,

    /// <summary>An object without its <c>_typeName</c>, where the declared type is implied (SHOULD: vCenter emits it on every object).</summary>
    MissingTypeName,

    /// <summary>A bare JSON array in an <c>anyType</c> slot, where the boxed <c>ArrayOf…</c> form is expected; accepted, since boxing there is inferred, not documented.</summary>
    BareArrayInAnyType,
}
