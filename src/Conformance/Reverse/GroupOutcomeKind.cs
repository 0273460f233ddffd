namespace Conformance.Reverse;

/// <summary>How one group fared in one ReverseReplicateGroup_Task call (see <see cref="ReverseAnswer.Of"/>).</summary>
internal enum GroupOutcomeKind
{
    /// <summary>A ReverseReplicationSuccessResult (perhaps with an AlreadyDone warning).</summary>
    Reversed,

    /// <summary>Refused by an accepted reading of <see cref="ReverseReadings.GroupError"/>.</summary>
    Refused,

    /// <summary>An answer no reading accepts: the check fails.</summary>
    Wrong,

    /// <summary>The answer could not be read to its end (the run was interrupted): the check is inconclusive.</summary>
    Unsettled,
}
