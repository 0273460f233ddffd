namespace Harness.Wire.Results;

/// <summary>A plain <c>GroupOperationResult</c> (ids only, or a checkOnly success).</summary>
[WireName("GroupOperationResult")]
internal sealed class BareGroupOperationResult : GroupOperationResult
{
}
