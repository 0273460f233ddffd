using Harness.Wire.Faults;

namespace Conformance.Lifecycle;

/// <summary>What the model predicts for one command, and why.</summary>
/// <param name="Kind">Success, refusal, either, or not sent.</param>
/// <param name="Why">The reason in words, e.g. <c>rg-tgt-1-b is SOURCE: the wrong site</c>.</param>
internal sealed record LifecyclePrediction(LifecyclePredictionKind Kind, string Why)
{
    /// <summary>Why a refusal is predicted, as a category the generator balances: <c>wrong site</c>, <c>wrong state</c>, <c>repeat</c>, <c>old id</c>, <c>not prepared</c>, <c>not capable</c>; null for other predictions.</summary>
    public string? Category { get; init; }

    /// <summary>The wire names of the faults a refusal may carry (a subtype counts); empty: any fault (an unconfirmed one).</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>Whether a success carrying an AlreadyDone warning (and changing nothing) may stand for the refusal: a repeat of an operation that refuses repeats.</summary>
    public bool AlreadyDone { get; init; }

    /// <summary>The fault expected above the others <see cref="Faults"/> accepts as readings (InvalidFunctionTarget at the wrong site, where InvalidReplicationState is accepted and noted); null when all are alike.</summary>
    public string? Expected { get; init; }

    /// <summary>For <see cref="LifecyclePredictionKind.Either"/>: the reading key the call's outcome pins (<c>refused</c> or <c>allowed</c>), for a call whose success hangs on an unconfirmed point; null otherwise.</summary>
    public string? PinsOutcome { get; init; }

    /// <summary>For <see cref="LifecyclePredictionKind.Either"/>: the configuration the reference does not chart, without group names (<c>PrepareFailover of a SOURCE group whose twin is FAILEDOVER</c>).</summary>
    public string? Uncharted { get; init; }

    /// <summary>Whether a refusal with <paramref name="fault"/> fits.</summary>
    public bool Accepts(MethodFault fault) => this.Faults.Count == 0 || this.Faults.Any(fault.IsA);

    /// <summary>The prediction in words for a failure: <c>a refusal with InvalidFunctionTarget (or an AlreadyDone warning)</c>.</summary>
    public string Describe() => this.Kind switch
    {
        LifecyclePredictionKind.Succeeds => "success",
        LifecyclePredictionKind.Either => "success or a refusal",
        LifecyclePredictionKind.Skipped => "no call",
        _ => $"a refusal with {(this.Faults.Count == 0 ? "a fault" : string.Join(" or ", this.Faults))}{(this.AlreadyDone ? " (or an AlreadyDone warning)" : string.Empty)}",
    };
}
