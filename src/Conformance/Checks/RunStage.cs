namespace Conformance.Checks;

/// <summary>
/// When a check runs: a check of a later stage starts its judgement only once every check of an earlier stage has
/// ended, so checks that judge the run's ledgers see every exchange, whatever the order and the number of lanes.
/// </summary>
internal enum RunStage
{
    /// <summary>An ordinary check.</summary>
    Checks,

    /// <summary>Judges the run's fault ledger (and provokes faults of its own): after every ordinary check.</summary>
    FaultLedger,

    /// <summary>Judges every exchange of the run (the WIRE checks, no calls of their own): last.</summary>
    WireLedger,
}
