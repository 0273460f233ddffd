using Harness.Wire.Faults;

namespace Harness.Simulator;

/// <summary>
/// The verdict on one group of a lifecycle call: go ahead with the group, answer an already done repeat, or refuse it
/// with a fault (per group), which refuses the whole call under the atomic readings of <see cref="PerGroupErrorReading"/>.
/// </summary>
/// <param name="Group">The group to change (or, for a repeat, the group as it is); null when refused.</param>
/// <param name="Fault">The per-group fault of a refusal; null otherwise.</param>
/// <param name="Message">Why it was refused or already done.</param>
/// <param name="Repeat">Whether the operation was already done for the group (an AlreadyDone success).</param>
/// <param name="NamesNoGroup">Whether the refusal is of the id itself (unknown, or listed twice): refusing a whole call, it is InvalidArgument naming where the groups go, as neither NotFound nor DuplicateEntry is a declared fault.</param>
internal sealed record LifecycleVerdict(SimulatedGroup? Group, MethodFault? Fault, string? Message, bool Repeat = false, bool NamesNoGroup = false)
{
    /// <summary>Go ahead with the group.</summary>
    public static LifecycleVerdict Proceed(SimulatedGroup group) => new(group, null, null);

    /// <summary>Already done: success, unchanged, with an AlreadyDone warning.</summary>
    public static LifecycleVerdict AlreadyDone(SimulatedGroup group, string message) => new(group, null, message, Repeat: true);

    /// <summary>Refused with a fault.</summary>
    public static LifecycleVerdict Refuse(MethodFault fault, string message, bool namesNoGroup = false) => new(null, fault, message, NamesNoGroup: namesNoGroup);
}
