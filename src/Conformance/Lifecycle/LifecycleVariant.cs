namespace Conformance.Lifecycle;

/// <summary>Which id of the pair's group at the called site a command names.</summary>
internal enum LifecycleVariant
{
    /// <summary>The group's current id (after every reversal the model followed).</summary>
    Current,

    /// <summary>
    /// The id the group had before its last reversal (REV-IDEM-1: a repeat by the old id is refused, or an AlreadyDone
    /// success, and changes nothing). A command of this variant is skipped while the group was never reversed.
    /// </summary>
    PreviousId,
}
