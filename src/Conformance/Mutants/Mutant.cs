using Conformance.Targets;
using Harness.Simulator;

namespace Conformance.Mutants;

/// <summary>A deliberately broken provider: the simulator with one deviation (or one breaking setting), and the checks meant to catch it.</summary>
/// <param name="Name">Named after what it breaks (the deviation's name).</param>
/// <param name="Options">The simulator set-up.</param>
/// <param name="Capabilities">What the profile declares, when the mutant is a declaration that does not match.</param>
/// <param name="IntendedCatches">The checks that must fail against it.</param>
internal sealed record Mutant(string Name, SimulatedProviderOptions Options, IReadOnlyDictionary<string, DeclaredCapability>? Capabilities, IReadOnlyList<string> IntendedCatches)
{
    /// <summary>The operations whose checks run against it (null: every check); a lifecycle mutant breaks one operation, which the rest of the suite does not call.</summary>
    public IReadOnlySet<string>? Features { get; init; }

    /// <summary>The keys (<c>{operation}.{name}</c>) of the checks that must fail against it (<see cref="MutantMatrix.Resolve"/>).</summary>
    public IReadOnlyList<string> IntendedKeys => this.IntendedCatches.SelectMany(c => this.Everywhere && !c.Contains('.', StringComparison.Ordinal)
        ? MutantMatrix.Checks.Where(k => k.Name == c).Select(k => k.Key)
        : [MutantMatrix.Resolve(c).Key]).Distinct().ToList();

    /// <summary>
    /// Whether the deviation breaks every operation alike (a task, fault or session rule the simulator applies to every
    /// call): a bare intended name then means that check of every operation that has it, not Reverse's alone.
    /// </summary>
    public bool Everywhere { get; init; }

    /// <inheritdoc />
    public override string ToString() => this.Name;
}
