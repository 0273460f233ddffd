namespace Conformance.Contracts;

/// <summary>How one group fared in one call of an operation (see <see cref="OperationAnswer.Of"/>).</summary>
internal enum GroupOutcomeKind
{
    /// <summary>A success result of the operation (perhaps with an AlreadyDone warning).</summary>
    Succeeded,

    /// <summary>Refused by an accepted reading of the operation's U-GROUP-ERROR.</summary>
    Refused,

    /// <summary>An answer no reading accepts: the check fails.</summary>
    Wrong,

    /// <summary>The answer could not be read to its end (the run was interrupted): the check is inconclusive.</summary>
    Unsettled,
}
