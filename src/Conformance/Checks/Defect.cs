namespace Conformance.Checks;

/// <summary>
/// The kind of contract a failure breaks. Its prefix opens the failure's text, and the report's defect categories
/// (Harness.Reporting.AllureCategories, allurerc.mjs) match on it.
/// </summary>
internal enum Defect
{
    /// <summary>An answer other than the fault due, or a fault where none is: "wrong fault:".</summary>
    WrongFault,

    /// <summary>A fault whose fields are not well-formed: "malformed fault:".</summary>
    MalformedFault,

    /// <summary>The SmsTask contract: "[task]".</summary>
    Task,

    /// <summary>The per-group result contract: "[result]".</summary>
    Result,

    /// <summary>A task that did not end within the profile's task timeout: "stuck task:".</summary>
    StuckTask,

    /// <summary>The provider's answers contradict the capabilities it or the profile declares: "[capability]".</summary>
    Capability,

    /// <summary>An answer that does not fit VMware's type definitions: "[wire]".</summary>
    Wire,
}
