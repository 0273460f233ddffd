namespace Conformance.Lifecycle;

/// <summary>What the lifecycle model predicts for one command.</summary>
internal enum LifecyclePredictionKind
{
    /// <summary>The group is in the operation's precondition and its twin where the transition starts: the call succeeds.</summary>
    Succeeds,

    /// <summary>The call is refused (wrong site, wrong state, a repeat, an old id) and changes nothing; an AlreadyDone success may stand for it where the prediction says so.</summary>
    Refused,

    /// <summary>A configuration the reference does not chart (the twin is not where the transition starts): success or refusal, each judged by the transition.</summary>
    Either,

    /// <summary>The command cannot be sent (no allowlisted group of the pair at that site, or no old id): it is skipped.</summary>
    Skipped,
}
