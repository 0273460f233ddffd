namespace Conformance.Bench;

/// <summary>One measured figure, with its target when it has one.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Target">The target, in words (e.g. "≤ 10 s").</param>
/// <param name="Met">Whether the target is met (null when there is none).</param>
/// <param name="Detail">How it was measured, side figures.</param>
internal sealed record BenchFigure(string Name, double Value, string Unit, string? Target, bool? Met, string Detail);
